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
/// The clock and lock family's one pass per code block. SW2001 needs a loop that reads a wall clock; SW2002 a loop that
/// opens a file (<c>Open</c>, <c>FileStream</c>, <c>FileMode</c>, <c>FileShare</c>, or a call of a method whose body names
/// one: a <c>TryAcquire()</c> helper) and waits (<c>Sleep</c>, <c>Delay</c>, <c>Yield</c>, <c>Wait…</c> …, or a method of the
/// compilation that may wait, <see cref="WaitingMethods.MayWait"/>: a <c>Backoff()</c> helper, in any file, also through
/// other helpers); SW2003 a lock (<c>lock</c>, <c>Enter…</c>, <c>Wait…</c>) in a type that names a file API. Only such
/// blocks are bound. Most clock reads of a real code base are timestamps, most loops that call a waiting method never
/// open a file, and most locks guard memory: binding their bodies was most of this pass's cost.
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

    // The names through which SW2002's exclusive open is written: File.Open, FileInfo.Open, new FileStream(…, FileMode/FileShare …).
    private static readonly TriggerWords Opens = new(new[] { "Open", "FileStream", "FileMode", "FileShare" });

    private readonly WaitingMethods _waitingMethods;

    // Names of the compilation's methods whose bodies name an open: a loop calling one may take a lock in that helper.
    private readonly Lazy<HashSet<string>> _openingMethods;

    private WaitPass(KnownSymbols symbols)
        : base(symbols)
    {
        _waitingMethods = WaitingMethods.Get(symbols);
        _openingMethods = new Lazy<HashSet<string>>(
            () => new HashSet<string>(Opens.MethodsNaming(symbols.Compilation.SyntaxTrees).Select(static m => m.Method.Identifier.ValueText), StringComparer.Ordinal),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static WaitPass Get(KnownSymbols symbols) => BodyPasses.Get(symbols, static s => new WaitPass(s));

    protected override bool MayHaveFacts(SyntaxNode codeBlock) => Loops.AnyIn(codeBlock) || GuardsWithFileApis(codeBlock);

    /// <summary>A loop that names a clock, or that opens a file and waits; or a lock in a type that names a file API.</summary>
    protected override bool IsWorthBinding(SyntaxNode codeBlock, SemanticModel semanticModel)
        => (Loops.AnyIn(codeBlock)
            && (Clocks.AnyIn(codeBlock)
                || (LoopsOpenFile(codeBlock) && (WaitingMethods.WaitWords.AnyIn(codeBlock) || LoopsCall(codeBlock, _waitingMethods.MayWait)))))
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

    /// <summary>One of the block's loops names an open, or calls a method of the compilation whose body does (SW2002 looks one call deep).</summary>
    private bool LoopsOpenFile(SyntaxNode codeBlock)
    {
        var opens = Opens.In(codeBlock.SyntaxTree);
        return LoopsIn(codeBlock).Any(loop => opens.AnyIn(loop.Span)) || LoopsCall(codeBlock, _openingMethods.Value.Contains);
    }

    /// <summary>A name inside one of the block's loops is one of <paramref name="isMethodName"/>'s.</summary>
    private static bool LoopsCall(SyntaxNode codeBlock, Func<string, bool> isMethodName)
        => LoopsIn(codeBlock).Any(loop => loop.DescendantTokens().Any(token => token.IsKind(SyntaxKind.IdentifierToken) && isMethodName(token.ValueText)));

    /// <summary>The block's loops: each loop statement, and the whole block for a <c>goto</c> retry.</summary>
    private static IEnumerable<SyntaxNode> LoopsIn(SyntaxNode codeBlock)
    {
        foreach (var keyword in Loops.In(codeBlock.SyntaxTree).TokensIn(codeBlock.Span))
        {
            if ((keyword.IsKind(SyntaxKind.GotoKeyword) ? codeBlock : keyword.Parent) is { } loop)
            {
                yield return loop;
            }
        }
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
