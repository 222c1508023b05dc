using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Writes;

namespace SafeWrites.Analyzers.Waits;

/// <summary>
/// Facts about loops that wait or retry (SW2001, SW2002): the operations a loop runs itself (not those of lambdas
/// or local functions declared in it), whether it sleeps or polls, whether it retries a file open or lock inside
/// <c>try</c>/<c>catch</c>, and the helper methods of the same file it calls (one level deep).
/// </summary>
internal static class WaitLoops
{
    /// <summary>The loops SW2001/SW2002 look at: <c>while</c>, <c>do</c>, <c>for</c>.</summary>
    public static bool IsConditionLoop(IOperation operation)
        => operation is IWhileLoopOperation or IForLoopOperation;

    /// <summary>The <c>while</c>/<c>do</c>/<c>for</c> keyword of a loop (where SW2002 reports), or the whole loop.</summary>
    public static Location KeywordLocation(ILoopOperation loop)
        => loop.Syntax switch
        {
            WhileStatementSyntax whileStatement => whileStatement.WhileKeyword.GetLocation(),
            DoStatementSyntax doStatement => doStatement.DoKeyword.GetLocation(),
            ForStatementSyntax forStatement => forStatement.ForKeyword.GetLocation(),
            _ => OperationHelpers.FirstLineLocation(loop.Syntax),
        };

    /// <summary>
    /// Every operation the scope itself runs (a loop's condition, body, increments), not those of nested lambdas or
    /// local functions, nor, with <paramref name="skipNestedLoops"/>, those of loops nested in it.
    /// </summary>
    public static IEnumerable<IOperation> OwnOperations(IOperation scope, bool skipNestedLoops = false)
    {
        var stack = new Stack<IOperation>();
        stack.Push(scope);
        while (stack.Count != 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation or ILocalFunctionOperation || (skipNestedLoops && child is ILoopOperation))
                {
                    continue;
                }

                stack.Push(child);
            }
        }
    }

    /// <summary>
    /// A call that sleeps, delays, spins or blocks on a wait handle or lock (<c>Thread.Sleep</c>, <c>Task.Delay</c>,
    /// <c>WaitOne</c>, <c>TryEnter</c> …), or any method named <c>Wait…</c> (rules.md lists "<c>Wait…</c>":
    /// <c>Process.WaitForExit</c>, <c>ChannelReader.WaitToReadAsync</c>, a driver's <c>WaitForElement</c> …).
    /// </summary>
    public static bool IsWait(IOperation operation, KnownSymbols symbols)
        => operation is IInvocationOperation invocation
           && (KnownSymbols.ContainsOrOverrides(symbols.Waits, invocation.TargetMethod)
               || IsWaitName(invocation.TargetMethod.Name));

    /// <summary><c>Wait</c>, <c>WaitOne</c>, <c>WaitForExit</c>, <c>WaitAsync</c> …, not <c>Waiting…</c>/<c>Waiter…</c>.</summary>
    private static bool IsWaitName(string name)
        => name.StartsWith("Wait", System.StringComparison.Ordinal) && (name.Length == 4 || char.IsUpper(name[4]));

    /// <summary>True when the scope (a loop) sleeps or polls, itself or in a helper method of the same file it calls.</summary>
    public static bool Sleeps(IOperation scope, KnownSymbols symbols)
        => AnyInScopeOrHelpers(scope, symbols, static (operation, _, s) => IsWait(operation, s));

    /// <summary>
    /// True when the loop waits or retries: it sleeps or polls, or it attempts a file open or lock inside a
    /// <c>try</c> that has a <c>catch</c> (itself or in a helper method of the same file it calls).
    /// </summary>
    public static bool WaitsOrRetries(IOperation loop, KnownSymbols symbols)
        => AnyInScopeOrHelpers(loop, symbols, static (operation, scope, s) => IsWait(operation, s) || IsRetriedFileAttempt(operation, scope, s));

    /// <summary>The body of a method of the compilation that <paramref name="invocation"/> calls, when declared in the same file.</summary>
    public static IOperation? HelperBody(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method is null || method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        return OperationHelpers.BodyOf(method.OriginalDefinition, invocation.SemanticModel);
    }

    /// <summary>True when the operation sits in the body of a <c>try</c> (below <paramref name="boundary"/>) that has a catch for IOException (or a base).</summary>
    public static bool IsInTryCatchingIOException(IOperation operation, IOperation boundary, KnownSymbols symbols)
        => EnclosingTry(operation, boundary, symbols, requireIOException: true) is not null;

    /// <summary>The innermost <c>try</c> below <paramref name="boundary"/> whose body holds the operation and that has a catch (for IOException or a base, if asked).</summary>
    public static ITryOperation? EnclosingTry(IOperation operation, IOperation boundary, KnownSymbols symbols, bool requireIOException)
    {
        var child = operation;
        for (var current = operation.Parent; current is not null && current != boundary; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }

            if (current is ITryOperation tryOperation && tryOperation.Body == child && CatchesRetryableFailure(tryOperation, symbols, requireIOException))
            {
                return tryOperation;
            }

            child = current;
        }

        return null;
    }

    private static bool CatchesRetryableFailure(ITryOperation tryOperation, KnownSymbols symbols, bool requireIOException)
    {
        foreach (var handler in tryOperation.Catches)
        {
            if (!requireIOException)
            {
                return true;
            }

            // catch (IOException), catch (Exception), catch (SystemException), catch { }.
            var caught = handler.ExceptionType;
            if (caught is null || caught.SpecialType == SpecialType.System_Object || KnownSymbols.InheritsFrom(symbols.IOException, caught as INamedTypeSymbol))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A file open or lock attempt (a <c>File</c>/<c>FileInfo</c> open, a path-taking stream constructor, <c>FileStream.Lock</c>, <c>FileLock</c>) inside <c>try</c>/<c>catch</c>.</summary>
    private static bool IsRetriedFileAttempt(IOperation operation, IOperation scope, KnownSymbols symbols)
        => IsFileAttempt(operation, symbols) && EnclosingTry(operation, scope, symbols, requireIOException: false) is not null;

    private static bool IsFileAttempt(IOperation operation, KnownSymbols symbols)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                // Opens (for writing or reading) and locks; not File.Delete/Move/Exists, which a time-boxed batch loop may retry.
                var method = invocation.TargetMethod;
                return FileWrites.TryClassify(invocation, symbols, out _)
                       || KnownSymbols.Contains(symbols.FileReadOpens, method)
                       || KnownSymbols.Contains(symbols.FileStreamLock, method)
                       || KnownSymbols.Contains(symbols.FileLockAcquire, method);
            case IObjectCreationOperation creation:
                return FileWrites.TryClassify(creation, symbols, out _)
                       || (creation.Constructor is { Parameters.Length: > 0 } constructor
                           && constructor.Parameters[0].Type.SpecialType == SpecialType.System_String
                           && KnownSymbols.InheritsFrom(constructor.ContainingType, symbols.Stream));
            default:
                return false;
        }
    }

    /// <summary>True when <paramref name="predicate"/> (operation, its scope, symbols) holds for an operation of the scope or of a helper it calls.</summary>
    private static bool AnyInScopeOrHelpers(IOperation scope, KnownSymbols symbols, System.Func<IOperation, IOperation, KnownSymbols, bool> predicate)
    {
        // The scope's own operations first: binding a helper's body is the expensive part.
        foreach (var operation in OwnOperations(scope))
        {
            if (predicate(operation, scope, symbols))
            {
                return true;
            }
        }

        foreach (var operation in OwnOperations(scope))
        {
            if (operation is IInvocationOperation invocation && HelperBody(invocation) is { } body)
            {
                foreach (var inner in OwnOperations(body))
                {
                    if (predicate(inner, body, symbols))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
