using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeWrites.Analyzers.Core;

/// <summary>
/// Syntax only: "may a method of the compilation with this simple name reach a body that passes a test (names a wait,
/// names a save), itself or through the methods it calls by name, at any depth?" A cheap, over-approximating gate
/// that decides which bodies are worth binding: by name, so every method of that name counts, and calls are
/// followed without a depth limit, so no bound search that stops after a few calls can find more.
/// </summary>
/// <remarks>
/// The index of the compilation's method declarations by name is built on first need without entering any body;
/// each answer is cached, and a search that finds nothing marks every name it explored, so each body is scanned at
/// most once per compilation.
/// </remarks>
internal sealed class CalledNameClosure
{
    private readonly Func<SyntaxNode, bool> _passes;
    private readonly bool _followMethodGroups;
    private readonly Lazy<Dictionary<string, List<SyntaxNode>>> _bodiesByName;
    private readonly ConcurrentDictionary<string, bool> _answers = new(StringComparer.Ordinal);

    /// <param name="compilation">Whose method declarations are searched.</param>
    /// <param name="passes">The test a body must pass itself (its own text, lambdas and local functions included).</param>
    /// <param name="followMethodGroups">Also follow a method group handed on (<c>Task.Run(Save)</c>, <c>callback = Flush</c>), not only calls.</param>
    public CalledNameClosure(Compilation compilation, Func<SyntaxNode, bool> passes, bool followMethodGroups = false)
    {
        _passes = passes;
        _followMethodGroups = followMethodGroups;
        _bodiesByName = new Lazy<Dictionary<string, List<SyntaxNode>>>(() => MethodBodies(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>True when a method of the compilation with this name has a body that passes, or calls such a name.</summary>
    public bool Reaches(string name)
    {
        if (_answers.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_bodiesByName.Value.ContainsKey(name))
        {
            return false;
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        if (Search(name, visited))
        {
            _answers[name] = true;
            return true;
        }

        // Everything reachable from the name was explored without a passing body: none of those names reaches one either.
        foreach (var unreached in visited)
        {
            _answers[unreached] = false;
        }

        return false;
    }

    /// <summary>True when <paramref name="body"/> passes, or calls a name that <see cref="Reaches"/>.</summary>
    public bool BodyReaches(SyntaxNode body)
    {
        if (_passes(body))
        {
            return true;
        }

        foreach (var called in CalledNames(body))
        {
            if (Reaches(called))
            {
                return true;
            }
        }

        return false;
    }

    private bool Search(string name, HashSet<string> visited)
    {
        if (!visited.Add(name))
        {
            return false;
        }

        if (_answers.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_bodiesByName.Value.TryGetValue(name, out var bodies))
        {
            return false;
        }

        foreach (var body in bodies)
        {
            if (_passes(body))
            {
                return true;
            }

            foreach (var called in CalledNames(body))
            {
                if (Search(called, visited))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The simple names a body calls (and, when asked, hands on as method groups).</summary>
    private IEnumerable<string> CalledNames(SyntaxNode body)
    {
        foreach (var token in body.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax simpleName
                && (TypeSyntaxIndex.IsCalled(simpleName) || (_followMethodGroups && IsHandedOn(simpleName))))
            {
                yield return token.ValueText;
            }
        }
    }

    /// <summary>A name passed as an argument or assigned (<c>Run(Save)</c>, <c>Run(this.Save)</c>, <c>_onTick = Flush</c>): maybe a method group.</summary>
    private static bool IsHandedOn(SimpleNameSyntax name)
        => (name.Parent is MemberAccessExpressionSyntax member && member.Name == name ? member.Parent : name.Parent)
            is ArgumentSyntax or EqualsValueClauseSyntax or AssignmentExpressionSyntax;

    /// <summary>The bodies of the compilation's methods by simple name: declarations only, no body is entered.</summary>
    private static Dictionary<string, List<SyntaxNode>> MethodBodies(Compilation compilation)
    {
        var bodies = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is MethodDeclarationSyntax { Identifier.ValueText: var name } method
                    && (method.Body ?? (SyntaxNode?)method.ExpressionBody) is { } body)
                {
                    if (!bodies.TryGetValue(name, out var list))
                    {
                        bodies.Add(name, list = new List<SyntaxNode>());
                    }

                    list.Add(body);
                }
            }
        }

        return bodies;
    }
}
