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
/// bound (<see cref="SemanticModel.GetOperation"/>) only when its text holds one of the family's <see cref="Triggers"/>
/// (a file API, a clock, a loop keyword …) and passes the family's closer syntax look (<see cref="IsWorthBinding"/>),
/// and then once, whichever rule asks first. Most bodies of a real code base hold no trigger and cost a binary search.
/// </summary>
/// <remarks>
/// Rules register a code block action (<see cref="SafeWritesAnalyzer.RegisterBodyAction{TFacts}"/>), not operation
/// actions: an operation action makes the driver build the operation tree of every body of the compilation, which
/// costs more than everything the rules then do with it. Only blocks that pass <see cref="MayHaveFacts"/> are kept in
/// the cache: a cache entry per body of the compilation made the dictionary's growth the pass's largest cost.
/// </remarks>
/// <typeparam name="TFacts">What the family learns from one body; null when the body holds nothing of interest.</typeparam>
internal abstract class BodyPass<TFacts>
    where TFacts : class
{
    // PublicationOnly: a cancelled first request must not leave a cached exception for the family's other rules.
    private readonly ConcurrentDictionary<SyntaxNode, Lazy<TFacts?>> _bodies = new();

    protected BodyPass(KnownSymbols symbols) => Symbols = symbols;

    public KnownSymbols Symbols { get; }

    /// <summary>The words that make a block worth a closer look; used by the default <see cref="MayHaveFacts"/>.</summary>
    protected virtual TriggerWords? Triggers => null;

    /// <summary>The family's facts for one bound code block; null when there are none.</summary>
    protected abstract TFacts? Analyze(IOperation block, CancellationToken cancellationToken);

    /// <summary>The facts of the code block, computed on first request; null when it holds no trigger.</summary>
    public TFacts? Get(SyntaxNode codeBlock, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (_bodies.TryGetValue(codeBlock, out var known))
        {
            return known.Value;
        }

        if (!MayHaveFacts(codeBlock))
        {
            return null;
        }

        var entry = new Lazy<TFacts?>(() => AnalyzeBlock(codeBlock, semanticModel, cancellationToken), LazyThreadSafetyMode.PublicationOnly);
        return _bodies.GetOrAdd(codeBlock, entry).Value;
    }

    /// <summary>
    /// The cheap filter every request passes through (no cache): by default, the block's text holds a trigger. Must be
    /// a binary search or two, not a walk.
    /// </summary>
    protected virtual bool MayHaveFacts(SyntaxNode codeBlock) => Triggers?.AnyIn(codeBlock) == true;

    /// <summary>A closer, still syntax-only look at a block that passed <see cref="MayHaveFacts"/>, made once per block before binding it.</summary>
    protected virtual bool IsWorthBinding(SyntaxNode codeBlock, SemanticModel semanticModel) => true;

    private TFacts? AnalyzeBlock(SyntaxNode codeBlock, SemanticModel semanticModel, CancellationToken cancellationToken)
        => IsWorthBinding(codeBlock, semanticModel) && semanticModel.GetOperation(codeBlock, cancellationToken) is { } operation
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
