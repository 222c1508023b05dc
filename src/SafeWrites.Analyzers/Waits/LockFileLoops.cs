using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Writes;

namespace SafeWrites.Analyzers.Waits;

/// <summary>A hand-rolled lock acquisition loop (SW2002), as found by <see cref="LockFileLoops.TryAnalyze"/>.</summary>
internal readonly struct LockFileLoop
{
    public LockFileLoop(ILoopOperation loop, IOperation opener, IOperation? lockPath, bool isInHelper)
    {
        Loop = loop;
        Opener = opener;
        LockPath = lockPath;
        IsInHelper = isInHelper;
    }

    public ILoopOperation Loop { get; }

    /// <summary>The exclusive open (<c>new FileStream(p, FileMode.CreateNew …)</c>, <c>File.Open(p, …, FileShare.None)</c> …).</summary>
    public IOperation Opener { get; }

    /// <summary>The lock file path argument of the opener.</summary>
    public IOperation? LockPath { get; }

    /// <summary>The open sits in a helper method the loop calls (<c>TryAcquire</c>), not in the loop itself.</summary>
    public bool IsInHelper { get; }
}

/// <summary>
/// Recognizes a loop that takes a lock by opening a file exclusively (<c>FileMode.CreateNew</c> or
/// <c>FileShare.None</c>, also the default share of <c>File.Open(path, mode)</c> with write access), catches
/// IOException and sleeps before the next try, and keeps the handle it got: returns it, stores it, or holds it while
/// it works. A loop that opens and at once closes the file only waits for another writer: not a lock.
/// </summary>
internal static class LockFileLoops
{
    // FileMode / FileShare / FileAccess values (stable, documented enum values).
    private const long ModeCreateNew = 1, ShareNone = 0, AccessWrite = 2;

    public static bool TryAnalyze(IOperation operation, KnownSymbols symbols, out LockFileLoop result)
    {
        result = default;
        if (!WaitLoops.IsConditionLoop(operation))
        {
            return false;
        }

        var loop = (ILoopOperation)operation;
        return TryFindAttempt(loop, symbols, out result) && WaitLoops.Sleeps(loop, symbols);
    }

    /// <summary>The exclusive open retried on IOException whose lock is kept, in the loop or in a helper it calls.</summary>
    private static bool TryFindAttempt(ILoopOperation loop, KnownSymbols symbols, out LockFileLoop result)
    {
        result = default;
        // An open in a nested loop is that loop's attempt: one lock, one squiggle.
        foreach (var candidate in WaitLoops.OwnOperations(loop, skipNestedLoops: true))
        {
            if (IsExclusiveOpen(candidate, symbols, out var path)
                && WaitLoops.IsInTryCatchingIOException(candidate, loop, symbols)
                && KeepsHandle(candidate, loop, symbols))
            {
                result = new LockFileLoop(loop, candidate, path, isInHelper: false);
                return true;
            }

            if (candidate is IInvocationOperation call && WaitLoops.HelperBody(call) is { } helper)
            {
                var callIsRetried = WaitLoops.IsInTryCatchingIOException(call, loop, symbols);
                foreach (var inner in WaitLoops.OwnOperations(helper))
                {
                    if (IsExclusiveOpen(inner, symbols, out var helperPath)
                        && (callIsRetried || WaitLoops.IsInTryCatchingIOException(inner, helper, symbols))
                        && KeepsHandle(inner, helper, symbols))
                    {
                        result = new LockFileLoop(loop, inner, helperPath, isInHelper: true);
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>An open that fails while another handle is open: <c>FileMode.CreateNew</c>, or <c>FileShare.None</c> (explicit or <c>File.Open</c>'s default with write access).</summary>
    public static bool IsExclusiveOpen(IOperation operation, KnownSymbols symbols, out IOperation? path)
    {
        path = null;
        System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments;
        bool defaultShareIsNone;
        switch (operation)
        {
            case IInvocationOperation invocation when KnownSymbols.Contains(symbols.FileOpens, invocation.TargetMethod):
                arguments = invocation.Arguments;
                path = invocation.ArgumentValue(0);
                defaultShareIsNone = true;
                break;
            case IInvocationOperation invocation when KnownSymbols.Contains(symbols.FileInfoOpens, invocation.TargetMethod):
                arguments = invocation.Arguments;
                path = invocation.Instance;
                defaultShareIsNone = true;
                break;
            case IObjectCreationOperation creation when symbols.IsType(creation.Type, symbols.FileStream)
                                                        && creation.Constructor is { Parameters.Length: > 0 } constructor
                                                        && constructor.Parameters[0].Type.SpecialType == SpecialType.System_String:
                arguments = creation.Arguments;
                path = creation.ArgumentValue(0);
                defaultShareIsNone = false;
                break;
            default:
                return false;
        }

        var mode = OperationHelpers.ArgumentOfType(arguments, symbols.FileMode);
        if (mode.TryGetConstant(out var modeValue) && modeValue == ModeCreateNew)
        {
            return true;
        }

        var share = OperationHelpers.ArgumentOfType(arguments, symbols.FileShare);
        if (share is not null)
        {
            return share.TryGetConstant(out var shareValue) && shareValue == ShareNone;
        }

        if (mode is null)
        {
            // A FileStreamOptions overload: its Share defaults to Read.
            return false;
        }

        var access = OperationHelpers.ArgumentOfType(arguments, symbols.FileAccess);
        var writes = access is null
            ? true
            : access.TryGetConstant(out var accessValue) && (accessValue & AccessWrite) != 0;
        return defaultShareIsNone && writes;
    }

    /// <summary>
    /// The lock is kept: a file made with <c>CreateNew</c> is itself the lock (it stays after its handle is closed);
    /// any other handle is returned, stored, or held while other work runs (not opened and closed at once).
    /// </summary>
    private static bool KeepsHandle(IOperation opener, IOperation scope, KnownSymbols symbols)
    {
        var arguments = opener switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => default,
        };
        if (!arguments.IsDefault && OperationHelpers.ArgumentOfType(arguments, symbols.FileMode).TryGetConstant(out var mode) && mode == ModeCreateNew)
        {
            return true;
        }

        var use = StreamFlow.Analyze(opener, symbols);
        if (use.Escapes)
        {
            return true;
        }

        return HandleLifetime.IsHeldWhileWorking(opener, scope);
    }
}
