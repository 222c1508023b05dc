using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Writes;

namespace SafeWrites.Analyzers.Waits;

/// <summary>
/// "Does this method of the compilation wait?" (SW2001, SW2002): its body sleeps, delays, spins, yields or blocks
/// (<see cref="WaitLoops.IsWait"/>), itself or through methods of the compilation it calls, in any file.
/// </summary>
/// <remarks>
/// Lazily, and only for the names asked about: <see cref="MayWait"/> looks up the methods of that name and follows,
/// syntax only, the names their bodies call, at any depth (<see cref="CalledNameClosure"/>). Only methods with such a
/// name are ever bound, each body once.
/// Recursion and cycles are followed exactly over the cached per-method summaries, so the answer does not depend on
/// which rule or body asked first.
/// </remarks>
internal sealed class WaitingMethods
{
    private static readonly ConditionalWeakTable<KnownSymbols, WaitingMethods> Cache = new();

    /// <summary>Names of a wait (<c>Sleep</c>, <c>Delay</c>, <c>Yield</c>, <c>Wait…</c> …), also <c>SemaphoreSlim.Wait</c> and <c>Mutex.WaitOne</c>, which enter a lock.</summary>
    public static readonly TriggerWords WaitWords = new(
        new[] { "Sleep", "Delay", "SpinWait", "SpinUntil", "SpinOnce", "TryEnter", "Yield" },
        new[] { "Wait" },
        static token => token.IsKind(SyntaxKind.IdentifierToken) && (!token.ValueText.StartsWith("Wait", StringComparison.Ordinal) || WaitLoops.IsWaitName(token.ValueText)));

    private readonly KnownSymbols _symbols;
    private readonly CalledNameClosure _mayWait;
    private readonly ConcurrentDictionary<IMethodSymbol, Summary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _answers = new(SymbolEqualityComparer.Default);

    private WaitingMethods(KnownSymbols symbols)
    {
        _symbols = symbols;
        _mayWait = new CalledNameClosure(symbols.Compilation, static body => WaitWords.AnyIn(body));
    }

    public static WaitingMethods Get(KnownSymbols symbols) => Cache.GetValue(symbols, static s => new WaitingMethods(s));

    /// <summary>True when a method of the compilation with this simple name may wait: syntax only, a cheap trigger.</summary>
    public bool MayWait(string name) => _mayWait.Reaches(name);

    /// <summary>True when the called method's body in the compilation waits, itself or through the methods it calls.</summary>
    public bool Waits(IMethodSymbol method)
    {
        var definition = Definition(method);
        if (!IsCandidate(definition))
        {
            return false;
        }

        return _answers.GetOrAdd(definition, m => Reaches(m, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)));
    }

    private bool Reaches(IMethodSymbol method, HashSet<IMethodSymbol> visited)
    {
        if (!visited.Add(method))
        {
            return false;
        }

        if (_answers.TryGetValue(method, out var known))
        {
            return known;
        }

        var summary = SummaryOf(method);
        if (summary.WaitsItself)
        {
            return true;
        }

        foreach (var callee in summary.Callees)
        {
            if (Reaches(callee, visited))
            {
                return true;
            }
        }

        return false;
    }

    private Summary SummaryOf(IMethodSymbol method)
        => _summaries.GetOrAdd(method, m =>
        {
            var body = CompilationCalls.Get(_symbols).BodyOf(m);
            if (body is null)
            {
                return Summary.None;
            }

            var callees = new List<IMethodSymbol>();
            foreach (var operation in WaitLoops.OwnOperations(body))
            {
                if (WaitLoops.IsWait(operation, _symbols))
                {
                    return new Summary(true, callees);
                }

                if (operation is IInvocationOperation invocation && Definition(invocation.TargetMethod) is var callee && IsCandidate(callee))
                {
                    callees.Add(callee);
                }
            }

            return new Summary(false, callees);
        });

    /// <summary>An ordinary method of the compilation, with a body, whose name may wait.</summary>
    private bool IsCandidate(IMethodSymbol method)
        => method.MethodKind == MethodKind.Ordinary
           && !method.IsAbstract
           && !method.DeclaringSyntaxReferences.IsEmpty
           && MayWait(method.Name);

    private static IMethodSymbol Definition(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    /// <summary>What one method body does: waits itself, and the methods of the compilation it calls that may wait.</summary>
    private sealed class Summary
    {
        public static readonly Summary None = new(false, new List<IMethodSymbol>());

        public Summary(bool waitsItself, List<IMethodSymbol> callees)
        {
            WaitsItself = waitsItself;
            Callees = callees;
        }

        public bool WaitsItself { get; }

        public List<IMethodSymbol> Callees { get; }
    }
}
