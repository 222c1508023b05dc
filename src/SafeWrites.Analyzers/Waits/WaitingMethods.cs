using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Writes;

namespace SafeWrites.Analyzers.Waits;

/// <summary>
/// "Does this method of the compilation wait?" (SW2001, SW2002): its body sleeps, delays, spins, yields or blocks
/// (<see cref="WaitLoops.IsWait"/>), itself or through methods of the compilation it calls, in any file.
/// </summary>
/// <remarks>
/// Once per compilation and lazily: a syntax-only index of the method names that may wait (a body naming a wait,
/// or calling such a name, up to <see cref="MaxNameRounds"/> calls deep) is built on first need, and only methods
/// with such a name are ever bound, each body once. Recursion and cycles are followed exactly over the cached
/// per-method summaries, so the answer does not depend on which rule or body asked first.
/// </remarks>
internal sealed class WaitingMethods
{
    /// <summary>How many calls deep a wait is followed (a loop → helper → helper → <c>Thread.Sleep</c> is two).</summary>
    private const int MaxNameRounds = 4;

    private static readonly ConditionalWeakTable<KnownSymbols, WaitingMethods> Cache = new();

    private static readonly HashSet<string> WaitNames = new(StringComparer.Ordinal) { "Sleep", "Delay", "SpinWait", "SpinUntil", "SpinOnce", "TryEnter", "Yield" };

    private readonly KnownSymbols _symbols;
    private readonly Lazy<HashSet<string>> _names;
    private readonly ConcurrentDictionary<IMethodSymbol, Summary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _answers = new(SymbolEqualityComparer.Default);

    private WaitingMethods(KnownSymbols symbols)
    {
        _symbols = symbols;
        _names = new Lazy<HashSet<string>>(() => MayWaitNames(symbols.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static WaitingMethods Get(KnownSymbols symbols) => Cache.GetValue(symbols, static s => new WaitingMethods(s));

    /// <summary>A simple name that names a wait (<c>Sleep</c>, <c>Delay</c>, <c>Yield</c>, <c>Wait…</c> …): syntax only.</summary>
    public static bool IsWaitTrigger(string name) => WaitNames.Contains(name) || WaitLoops.IsWaitName(name);

    /// <summary>True when a method of the compilation with this simple name may wait (syntax only: a cheap trigger).</summary>
    public bool MayWait(string name) => _names.Value.Contains(name);

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

    /// <summary>
    /// Names of the compilation's methods whose bodies name a wait, or call (by simple name) such a method, up to
    /// <see cref="MaxNameRounds"/> rounds: one syntax walk of every tree, no binding.
    /// </summary>
    private static HashSet<string> MayWaitNames(Compilation compilation)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<(string Name, List<string> Calls)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes(static n => n is not (BlockSyntax or ArrowExpressionClauseSyntax)))
            {
                if (node is not MethodDeclarationSyntax { Identifier.ValueText: var name } method
                    || (method.Body ?? (SyntaxNode?)method.ExpressionBody) is not { } body)
                {
                    continue;
                }

                var calls = new List<string>();
                var waits = false;
                foreach (var token in body.DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        continue;
                    }

                    if (IsWaitTrigger(token.ValueText))
                    {
                        waits = true;
                        break;
                    }

                    if (token.Parent is SimpleNameSyntax simpleName && TypeSyntaxIndex.IsCalled(simpleName))
                    {
                        calls.Add(token.ValueText);
                    }
                }

                if (waits)
                {
                    names.Add(name);
                }
                else if (calls.Count != 0)
                {
                    pending.Add((name, calls));
                }
            }
        }

        for (var round = 1; round < MaxNameRounds; round++)
        {
            var added = new List<string>();
            foreach (var (name, calls) in pending)
            {
                if (!names.Contains(name) && calls.Exists(names.Contains))
                {
                    added.Add(name);
                }
            }

            if (added.Count == 0)
            {
                break;
            }

            names.UnionWith(added);
        }

        return names;
    }

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
