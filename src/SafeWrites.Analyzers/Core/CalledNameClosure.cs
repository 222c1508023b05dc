using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeWrites.Analyzers.Core;

/// <summary>
/// Syntax only: "may a method of the compilation with this simple name reach a body that passes a test (names a
/// wait), itself or through the methods it calls by name, at any depth?" A cheap, over-approximating gate
/// that decides which bodies are worth binding: by name, so every method of that name counts, and calls are
/// followed without a depth limit, so no bound search that stops after a few calls can find more.
/// </summary>
/// <remarks>
/// The index of the compilation's method declarations by name is built on first need without entering any body;
/// each answer is cached: a search that finds nothing marks every name it explored, one that finds a passing body
/// marks every name on the path to it.
/// </remarks>
internal sealed class CalledNameClosure
{
    private readonly Func<SyntaxNode, bool> _passes;
    private readonly Lazy<Dictionary<string, List<SyntaxNode>>> _bodiesByName;
    private readonly ConcurrentDictionary<string, bool> _answers = new(StringComparer.Ordinal);

    /// <param name="compilation">Whose method declarations are searched.</param>
    /// <param name="passes">The test a body must pass itself (its own text, lambdas and local functions included).</param>
    public CalledNameClosure(Compilation compilation, Func<SyntaxNode, bool> passes)
    {
        _passes = passes;
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

        // A search that finds a passing body remembers the names on its path itself.
        var visited = new HashSet<string>(StringComparer.Ordinal);
        if (Search(name, visited))
        {
            return true;
        }

        // Everything reachable from the name was explored without a passing body: none of those names reaches one either.
        foreach (var unreached in visited)
        {
            _answers[unreached] = false;
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
                _answers[name] = true;
                return true;
            }

            foreach (var called in CalledNames(body))
            {
                if (Search(called, visited))
                {
                    // Every name on the path to the passing body reaches it too: remembered, so no later search walks it again.
                    _answers[name] = true;
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The simple names a body calls.</summary>
    private static IEnumerable<string> CalledNames(SyntaxNode body)
    {
        foreach (var token in body.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax simpleName && TypeSyntaxIndex.IsCalled(simpleName))
            {
                yield return token.ValueText;
            }
        }
    }

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
