using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>
/// The compilation-wide view the write rules need for cross-method evidence (who calls a method with which path,
/// which paths the program reads): one syntax-only walk of every tree, made once per compilation and only when a
/// candidate write asks; the few nodes a question names are then bound, one cached semantic model per tree.
/// </summary>
internal sealed class CompilationCalls
{
    private static readonly ConditionalWeakTable<KnownSymbols, CompilationCalls> Cache = new();
    private static readonly IReadOnlyList<SyntaxNode> None = Array.Empty<SyntaxNode>();

    private readonly KnownSymbols _symbols;
    private readonly Lazy<Dictionary<string, List<SyntaxNode>>> _byName;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<ISymbol, List<IInvocationOperation>> _callers = new(SymbolEqualityComparer.Default);

    private CompilationCalls(KnownSymbols symbols)
    {
        _symbols = symbols;
        _byName = new Lazy<Dictionary<string, List<SyntaxNode>>>(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static CompilationCalls Get(KnownSymbols symbols) => Cache.GetValue(symbols, s => new CompilationCalls(s));

    /// <summary>Keeps the model an analyzer callback was given, so its tree is not bound a second time.</summary>
    public void Remember(SemanticModel? model)
    {
        if (model is not null && model.Compilation == _symbols.Compilation)
        {
            _models.TryAdd(model.SyntaxTree, model);
        }
    }

    /// <summary>Invocations (<c>x.Name(…)</c>) and object creations (<c>new Name(…)</c>) of the compilation by simple name.</summary>
    public IReadOnlyList<SyntaxNode> Named(string name) => _byName.Value.TryGetValue(name, out var list) ? list : None;

    /// <summary>The bound operation of a node found by <see cref="Named"/>, or null.</summary>
    public IOperation? Bind(SyntaxNode node) => ModelOf(node.SyntaxTree)?.GetOperation(node);

    /// <summary>The symbol a declaration of the compilation declares (a method found by a syntax index), or null.</summary>
    public ISymbol? DeclaredSymbol(SyntaxNode declaration) => ModelOf(declaration.SyntaxTree)?.GetDeclaredSymbol(declaration);

    /// <summary>A semantic model of a tree of the compilation (one per tree, cached), or null for another tree.</summary>
    public SemanticModel? ModelOf(SyntaxTree tree)
    {
        var compilation = _symbols.Compilation;
        if (!compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

#pragma warning disable RS1030 // Cross-method evidence in other files: one model per tree, cached per compilation.
        return _models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
#pragma warning restore RS1030
    }

    /// <summary>The bound body of a method of the compilation (its first declaration), or null.</summary>
    public IOperation? BodyOf(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (Bind(reference.GetSyntax()) is { } body)
            {
                return body;
            }
        }

        return null;
    }

    /// <summary>Every call of <paramref name="method"/> in the compilation (bound once per method).</summary>
    public IReadOnlyList<IInvocationOperation> CallersOf(IMethodSymbol method)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return _callers.GetOrAdd(definition, m =>
        {
            var result = new List<IInvocationOperation>();
            foreach (var node in Named(m.Name))
            {
                if (node is InvocationExpressionSyntax && Bind(node) is IInvocationOperation call
                    && SymbolEqualityComparer.Default.Equals((call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition, m))
                {
                    result.Add(call);
                }
            }

            return result;
        });
    }

    private Dictionary<string, List<SyntaxNode>> Build()
    {
        var index = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        foreach (var tree in _symbols.Compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var name = node switch
                {
                    InvocationExpressionSyntax invocation => TypeSyntaxIndex.SimpleName(invocation.Expression),
                    ObjectCreationExpressionSyntax creation => RightmostName(creation.Type),
                    _ => null,
                };

                if (name is null)
                {
                    continue;
                }

                if (!index.TryGetValue(name, out var list))
                {
                    list = new List<SyntaxNode>();
                    index.Add(name, list);
                }

                list.Add(node);
            }
        }

        return index;
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };
}
