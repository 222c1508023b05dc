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
/// block is bound only when it names a wall clock, a wait (<c>Sleep</c>, <c>Delay</c>, <c>Yield</c>, <c>Wait…</c> …), a
/// method of the compilation that may wait (<see cref="WaitingMethods.MayWait"/>: a <c>Backoff()</c> helper, in any
/// file, also through other helpers), or enters a lock (<c>lock</c>, <c>Enter…</c>). A <c>goto</c> retry loop needs a
/// clock read (SW2001) to be reported, so it needs no trigger of its own.
/// </summary>
internal sealed class WaitPass : BodyPass<BodyWaits>
{
    private static readonly HashSet<string> ClockNames = new() { "Now", "UtcNow", "GetUtcNow", "GetLocalNow" };

    private static readonly HashSet<string> LockEnterNames = new() { "Enter", "EnterWriteLock", "EnterReadLock", "EnterUpgradeableReadLock" };

    // Names through which a lock region can write a file (SW2003): System.IO's writers and movers, the SafeWrites runtime.
    private static readonly HashSet<string> FileApiNames = new()
    {
        "File", "FileInfo", "FileStream", "StreamWriter", "FileMode", "MoveTo", "AtomicFile", "JsonFileStore",
    };

    private readonly WaitingMethods _waitingMethods;

    private readonly ConcurrentDictionary<TypeDeclarationSyntax, bool> _typesNamingFileApis = new();

    private WaitPass(KnownSymbols symbols)
        : base(symbols)
        => _waitingMethods = WaitingMethods.Get(symbols);

    public static WaitPass Get(KnownSymbols symbols) => BodyPasses.Get(symbols, static s => new WaitPass(s));

    /// <summary>
    /// SW2001 and SW2002 need a loop (<c>while</c>, <c>do</c>, <c>for</c>, <c>foreach</c>, a <c>goto</c> retry) beside the
    /// clock or the wait; SW2003 needs a lock whose region, or a method of its type, writes a file. So a block is bound
    /// only when it names a clock or a wait and has a loop, or enters a lock and its type names a file API. Most clock
    /// reads of a real code base are timestamps and most locks guard memory: binding their bodies was most of this
    /// pass's cost.
    /// </summary>
    protected override bool MayHaveFacts(SyntaxNode codeBlock)
    {
        bool timesOrWaits = false, loops = false, entersLock = false;
        foreach (var token in codeBlock.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                var name = token.ValueText;
                var waits = WaitingMethods.IsWaitTrigger(name); // also SemaphoreSlim.Wait and Mutex.WaitOne, which enter a lock
                timesOrWaits |= waits || ClockNames.Contains(name) || _waitingMethods.MayWait(name);
                entersLock |= waits || LockEnterNames.Contains(name);
            }
            else
            {
                var kind = token.Kind();
                loops |= kind is SyntaxKind.WhileKeyword or SyntaxKind.DoKeyword or SyntaxKind.ForKeyword or SyntaxKind.ForEachKeyword or SyntaxKind.GotoKeyword;
                entersLock |= kind == SyntaxKind.LockKeyword;
            }
        }

        return (timesOrWaits && loops) || (entersLock && TypeNamesFileApi(codeBlock));
    }

    /// <summary>Does the type around the block (every part of a partial type) name a file API? Syntax only, once per type.</summary>
    private bool TypeNamesFileApi(SyntaxNode codeBlock)
    {
        if (codeBlock.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
        {
            return true;
        }

        return _typesNamingFileApis.GetOrAdd(type, static t =>
            t.Modifiers.Any(SyntaxKind.PartialKeyword) || t.DescendantTokens().Any(token => token.IsKind(SyntaxKind.IdentifierToken) && FileApiNames.Contains(token.ValueText)));
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
