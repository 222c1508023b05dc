using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Waits;

/// <summary>What the clock and lock rules (SW2001, SW2002) learn from one code block.</summary>
internal sealed class BodyWaits
{
    /// <summary>Loops that give up on a wall-clock comparison (SW2001).</summary>
    public List<WallClockTimeout> Timeouts { get; } = new();

    /// <summary>Hand-rolled lock-file loops (SW2002).</summary>
    public List<LockFileLoop> LockLoops { get; } = new();

    /// <summary>In-process lock regions that write a shared file (SW2003).</summary>
    public List<SharedFileLock> SharedFileLocks { get; } = new();

    public bool IsEmpty => Timeouts.Count == 0 && LockLoops.Count == 0 && SharedFileLocks.Count == 0;
}

/// <summary>
/// The clock and lock family's one pass per code block. SW2001 and SW2002 need a loop that waits, SW2003 a lock, so a
/// block is bound only when it has a loop (<c>while</c>, <c>do</c>, <c>for</c>, <c>foreach</c>, a <c>goto</c> retry)
/// and names a wall clock, a wait (<c>Sleep</c>, <c>Delay</c>, <c>Yield</c>, <c>Wait…</c> …) or, inside a loop, a method
/// of the compilation that may wait (<see cref="WaitingMethods.MayWait"/>: a <c>Backoff()</c> helper, in any file, also
/// through other helpers); or when it enters a lock (<c>lock</c>, <c>Enter…</c>, <c>Wait…</c>) and its type names a
/// file API. Most clock reads of a real code base are timestamps and most locks guard memory: binding their bodies was
/// most of this pass's cost.
/// </summary>
internal sealed class WaitPass : BodyPass<BodyWaits>
{
    private static readonly TriggerWords Clocks = new(new[] { "Now", "UtcNow", "GetUtcNow", "GetLocalNow" });

    private static readonly TriggerWords Loops = new(new[] { "while", "do", "for", "foreach", "goto" });

    private static readonly TriggerWords LockEnters = new(new[] { "lock", "Enter", "EnterWriteLock", "EnterReadLock", "EnterUpgradeableReadLock" });

    // Names through which a lock region can write a file (SW2003): System.IO's writers and movers, the SafeWrites runtime.
    private static readonly TriggerWords FileApis = new(new[]
    {
        "File", "FileInfo", "FileStream", "StreamWriter", "FileMode", "MoveTo", "AtomicFile", "JsonFileStore",
    });

    private readonly WaitingMethods _waitingMethods;

    private WaitPass(KnownSymbols symbols)
        : base(symbols)
        => _waitingMethods = WaitingMethods.Get(symbols);

    public static WaitPass Get(KnownSymbols symbols) => BodyPasses.Get(symbols, static s => new WaitPass(s));

    protected override bool MayHaveFacts(SyntaxNode codeBlock) => Loops.AnyIn(codeBlock) || GuardsWithFileApis(codeBlock);

    /// <summary>A loop that names a clock or a wait, or calls a method of the compilation that may wait; or a lock in a type that names a file API.</summary>
    protected override bool IsWorthBinding(SyntaxNode codeBlock, SemanticModel semanticModel)
        => (Loops.AnyIn(codeBlock) && (Clocks.AnyIn(codeBlock) || WaitingMethods.WaitWords.AnyIn(codeBlock) || LoopsCallWaitingMethod(codeBlock)))
           || GuardsWithFileApis(codeBlock);

    /// <summary>The block enters a lock and the type around it (every part of a partial type) names a file API.</summary>
    private static bool GuardsWithFileApis(SyntaxNode codeBlock)
    {
        if (!LockEnters.AnyIn(codeBlock) && !WaitingMethods.WaitWords.AnyIn(codeBlock))
        {
            return false;
        }

        return codeBlock.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type
               || type.Modifiers.Any(SyntaxKind.PartialKeyword)
               || FileApis.AnyIn(type);
    }

    /// <summary>A name inside one of the block's loops (the whole block for a <c>goto</c> retry) is a method of the compilation that may wait.</summary>
    private bool LoopsCallWaitingMethod(SyntaxNode codeBlock)
    {
        foreach (var keyword in Loops.In(codeBlock.SyntaxTree).TokensIn(codeBlock.Span))
        {
            var loop = keyword.IsKind(SyntaxKind.GotoKeyword) ? codeBlock : keyword.Parent;
            foreach (var token in loop?.DescendantTokens() ?? Enumerable.Empty<SyntaxToken>())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && _waitingMethods.MayWait(token.ValueText))
                {
                    return true;
                }
            }
        }

        return false;
    }

    protected override BodyWaits? Analyze(IOperation block, CancellationToken cancellationToken)
    {
        var facts = new BodyWaits();
        if (ReadsWallClock(block))
        {
            facts.Timeouts.AddRange(WallClockTimeouts.Find(block, Symbols));
        }

        if (Symbols.HasLockFileApis)
        {
            foreach (var operation in block.Descendants())
            {
                if (LockFileLoops.TryAnalyze(operation, Symbols, out var lockLoop))
                {
                    facts.LockLoops.Add(lockLoop);
                }
            }
        }

        if (Symbols.HasFileApis)
        {
            SharedFileLocks.Find(block, Symbols, facts.SharedFileLocks);
        }

        return facts.IsEmpty ? null : facts;
    }

    private bool ReadsWallClock(IOperation block)
    {
        if (!Symbols.HasClocks)
        {
            return false;
        }

        foreach (var operation in block.Descendants())
        {
            if (ClockReads.IsWallClockRead(operation, Symbols))
            {
                return true;
            }
        }

        return false;
    }
}
