using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SafeWrites.Analyzers.Core;

/// <summary>
/// One analysis per code block per hazard family, shared by all the family's rules and computed lazily: a block is
/// bound (<see cref="SemanticModel.GetOperation"/>) only when its syntax names one of the family's
/// <see cref="IsTrigger"/> (a file API, a clock, a wrapper of the compilation …), and then once, whichever rule asks
/// first. Most bodies of a real code base name none of them and cost one walk of their tokens.
/// </summary>
/// <remarks>
/// Rules register a code block action (<see cref="SafeWritesAnalyzer.RegisterBodyAction{TFacts}"/>), not operation
/// actions: an operation action makes the driver build the operation tree of every body of the compilation, which
/// costs more than everything the rules then do with it.
/// </remarks>
/// <typeparam name="TFacts">What the family learns from one body; null when the body holds nothing of interest.</typeparam>
internal abstract class BodyPass<TFacts>
    where TFacts : class
{
    // PublicationOnly: a cancelled first request must not leave a cached exception for the family's other rules.
    // A shared "nothing here" entry, so a body is walked once however many rules ask.
    private static readonly Lazy<TFacts?> Nothing = new(() => null);

    private readonly ConcurrentDictionary<SyntaxNode, Lazy<TFacts?>> _bodies = new();

    protected BodyPass(KnownSymbols symbols) => Symbols = symbols;

    public KnownSymbols Symbols { get; }

    /// <summary>
    /// True for an identifier (a simple name: <c>WriteAllText</c>, <c>FileStream</c>, <c>UtcNow</c>) that makes a body worth
    /// binding; used by the default <see cref="MayHaveFacts"/>, so a family that overrides that needs none.
    /// </summary>
    protected virtual bool IsTrigger(string identifier) => false;

    /// <summary>True for a keyword that makes a body worth binding (<c>lock</c>); none by default.</summary>
    protected virtual bool IsTriggerKeyword(SyntaxKind kind) => false;

    /// <summary>The family's facts for one bound code block; null when there are none.</summary>
    protected abstract TFacts? Analyze(IOperation block, CancellationToken cancellationToken);

    /// <summary>The facts of the code block, computed on first request; null when its syntax names no trigger.</summary>
    public TFacts? Get(SyntaxNode codeBlock, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (_bodies.TryGetValue(codeBlock, out var known))
        {
            return known.Value;
        }

        var entry = MayHaveFacts(codeBlock)
            ? new Lazy<TFacts?>(() => AnalyzeBlock(codeBlock, semanticModel, cancellationToken), LazyThreadSafetyMode.PublicationOnly)
            : Nothing;
        return _bodies.GetOrAdd(codeBlock, entry).Value;
    }

    /// <summary>The cheap syntax filter a block must pass to be bound: by default, it names a trigger. A family may look at the syntax more closely.</summary>
    protected virtual bool MayHaveFacts(SyntaxNode codeBlock) => NamesTrigger(codeBlock);

    /// <summary>True when the syntax names one of the triggers (a cheap, conservative filter: no binding).</summary>
    public bool NamesTrigger(SyntaxNode node)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) ? IsTrigger(token.ValueText) : IsTriggerKeyword(token.Kind()))
            {
                return true;
            }
        }

        return false;
    }

    private TFacts? AnalyzeBlock(SyntaxNode codeBlock, SemanticModel semanticModel, CancellationToken cancellationToken)
        => semanticModel.GetOperation(codeBlock, cancellationToken) is { } operation
            ? Analyze(operation, cancellationToken)
            : null;
}

/// <summary>The per-compilation instance of a family's pass, shared by the family's analyzers.</summary>
internal static class BodyPasses
{
    private static readonly ConditionalWeakTable<KnownSymbols, ConcurrentDictionary<Type, object>> Passes = new();

    /// <summary>The compilation's pass of type <typeparamref name="TPass"/>, created once by <paramref name="create"/>.</summary>
    public static TPass Get<TPass>(KnownSymbols symbols, Func<KnownSymbols, TPass> create)
        where TPass : class
        => (TPass)Passes.GetValue(symbols, _ => new ConcurrentDictionary<Type, object>())
            .GetOrAdd(typeof(TPass), _ => create(symbols));
}
