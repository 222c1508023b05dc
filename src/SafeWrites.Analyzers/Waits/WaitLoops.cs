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
    /// A call that sleeps, delays, spins, yields or blocks on a wait handle or lock (<c>Thread.Sleep</c>,
    /// <c>Task.Delay</c>, <c>Thread.Yield</c>, <c>WaitOne</c>, <c>TryEnter</c> …), or any method named <c>Wait…</c>
    /// (rules.md lists "<c>Wait…</c>": <c>Process.WaitForExit</c>, <c>ChannelReader.WaitToReadAsync</c>, a driver's
    /// <c>WaitForElement</c> …).
    /// </summary>
    public static bool IsWait(IOperation operation, KnownSymbols symbols)
        => operation is IInvocationOperation invocation
           && (KnownSymbols.ContainsOrOverrides(symbols.Waits, invocation.TargetMethod)
               || IsWaitName(invocation.TargetMethod.Name)
               || (invocation.TargetMethod.Name == "Yield" && symbols.IsType(invocation.TargetMethod.ContainingType, symbols.Thread)));

    /// <summary><c>Wait</c>, <c>WaitOne</c>, <c>WaitForExit</c>, <c>WaitAsync</c> …, not <c>Waiting…</c>/<c>Waiter…</c>.</summary>
    public static bool IsWaitName(string name)
        => name.StartsWith("Wait", System.StringComparison.Ordinal) && (name.Length == 4 || char.IsUpper(name[4]));

    /// <summary>True when the scope (a loop) sleeps or polls, itself or in a method of the compilation it calls.</summary>
    public static bool Sleeps(IOperation scope, KnownSymbols symbols) => Sleeps(new[] { scope }, symbols);

    /// <summary>
    /// True when the loop waits or retries: it sleeps or polls, itself or in a method of the compilation it calls,
    /// makes a long-poll call whose wait time is what is left of a wall-clock measurement, or attempts a file open
    /// or lock inside a <c>try</c> that has a <c>catch</c> (itself or in a helper method of the same file it calls).
    /// </summary>
    public static bool WaitsOrRetries(IOperation loop, KnownSymbols symbols) => WaitsOrRetries(new[] { loop }, loop, symbols);

    /// <summary>
    /// <see cref="WaitsOrRetries(IOperation, KnownSymbols)"/> for a loop made of several statements (a <c>goto</c>
    /// retry loop), whose <c>try</c>s are looked for below <paramref name="boundary"/>.
    /// </summary>
    public static bool WaitsOrRetries(IReadOnlyList<IOperation> roots, IOperation boundary, KnownSymbols symbols)
        => Sleeps(roots, symbols) || LongPolls(roots, symbols) || RetriesFileAttempt(roots, boundary, symbols);

    private static bool Sleeps(IReadOnlyList<IOperation> roots, KnownSymbols symbols)
    {
        // The loop's own operations first: a helper's body costs a binding.
        foreach (var root in roots)
        {
            foreach (var operation in OwnOperations(root))
            {
                if (IsWait(operation, symbols))
                {
                    return true;
                }
            }
        }

        var waitingMethods = WaitingMethods.Get(symbols);
        foreach (var root in roots)
        {
            foreach (var operation in OwnOperations(root))
            {
                if (operation is IInvocationOperation invocation && waitingMethods.Waits(invocation.TargetMethod))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A call in the loop that is told how long to block with what is left of a wall-clock measurement: an argument
    /// for a <c>timeout</c>/<c>wait…</c> parameter, or a <c>WaitTime…</c>/<c>…Timeout</c> member of a request object
    /// handed to the call (built in the argument or in a local), whose value is measured from the wall clock
    /// (<c>timeout - elapsed</c>, <c>deadline - DateTime.UtcNow</c>).
    /// </summary>
    private static bool LongPolls(IReadOnlyList<IOperation> roots, KnownSymbols symbols)
    {
        foreach (var root in roots)
        {
            foreach (var operation in OwnOperations(root))
            {
                if (operation is not IInvocationOperation invocation)
                {
                    continue;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if ((argument.Parameter is { } parameter && IsWaitTime(parameter.Name, argument.Value, symbols))
                        || HandsWaitTime(argument.Value, symbols))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>A request object (<c>new Request { WaitTime = … }</c>, directly or through a local) that carries a measured wait time.</summary>
    private static bool HandsWaitTime(IOperation value, KnownSymbols symbols)
    {
        switch (value.WalkDownConversions())
        {
            case IObjectCreationOperation { Initializer: { } initializer }:
                foreach (var initialization in initializer.Initializers)
                {
                    if (initialization is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                        && IsWaitTime(target.Member.Name, assignment.Value, symbols))
                    {
                        return true;
                    }
                }

                return false;
            // Only a request type with such a member is worth finding the local's assignments (a walk of the body).
            case ILocalReferenceOperation local when HasWaitTimeMember(local.Local.Type):
                foreach (var assigned in OperationHelpers.AssignedValues(local.Root(), local.Local))
                {
                    if (assigned.WalkDownConversions() is IObjectCreationOperation && HandsWaitTime(assigned, symbols))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool HasWaitTimeMember(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType != SpecialType.None)
        {
            return false;
        }

        foreach (var member in type.GetMembers())
        {
            if ((member is IPropertySymbol or IFieldSymbol) && IsWaitTimeName(member.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name for a wait time: <c>timeout</c>, <c>WaitTimeSeconds</c>, <c>maxWait</c>.</summary>
    private static bool IsWaitTimeName(string name)
        => name.IndexOf("timeout", System.StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("wait", System.StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>A parameter or member named for a wait time given what is left of a wall-clock measurement.</summary>
    private static bool IsWaitTime(string name, IOperation value, KnownSymbols symbols)
        => IsWaitTimeName(name)
           && (symbols.IsType(value.WalkDownConversions()?.Type, symbols.TimeSpan) || IsNumber(value.WalkDownConversions()?.Type))
           && IsRemainingTime(value, symbols, 0);

    /// <summary>
    /// What is left of a wall-clock measurement: <c>limit - measured</c> (<c>timeout - elapsed</c>, <c>deadline -
    /// DateTime.UtcNow</c>, <c>.Subtract</c>), through casts, <c>TotalX</c>, <c>Math.Max/Min</c> and locals. An
    /// elapsed time (<c>DateTime.UtcNow - start</c>) is not one: its left side is the clock read itself.
    /// </summary>
    private static bool IsRemainingTime(IOperation? value, KnownSymbols symbols, int depth)
    {
        value = value.WalkDownConversions();
        if (value is null || depth > 4)
        {
            return false;
        }

        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference:
                return IsLeftOfRemaining(difference.LeftOperand, difference.RightOperand, symbols);
            case IInvocationOperation { TargetMethod.Name: "Subtract", Instance: { } instance, Arguments.Length: 1 } subtract:
                return IsLeftOfRemaining(instance, subtract.Arguments[0].Value, symbols);
            case IInvocationOperation { TargetMethod.Name: "Max" or "Min" } bound when symbols.IsType(bound.TargetMethod.ContainingType, symbols.Math):
                foreach (var argument in bound.Arguments)
                {
                    if (IsRemainingTime(argument.Value, symbols, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case IPropertyReferenceOperation { Instance: { } instance } part when symbols.IsType(part.Property.ContainingType, symbols.TimeSpan):
                return IsRemainingTime(instance, symbols, depth + 1);
            case ILocalReferenceOperation local:
                foreach (var assigned in OperationHelpers.AssignedValues(local.Root(), local.Local))
                {
                    if (IsRemainingTime(assigned, symbols, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary><c>limit - measured</c> where the limit is not the clock read of now (a local holding only such reads counts as one).</summary>
    private static bool IsLeftOfRemaining(IOperation limit, IOperation measured, KnownSymbols symbols)
        => !IsNow(limit, symbols) && ClockReads.IsMeasuredFromWallClock(measured, symbols);

    private static bool IsNow(IOperation operation, KnownSymbols symbols)
    {
        operation = operation.WalkDownConversions()!;
        if (ClockReads.IsWallClockRead(operation, symbols))
        {
            return true;
        }

        if (operation is not ILocalReferenceOperation local)
        {
            return false;
        }

        var assigned = OperationHelpers.AssignedValues(local.Root(), local.Local);
        return assigned.Count != 0 && assigned.TrueForAll(value => ClockReads.IsWallClockRead(value.WalkDownConversions(), symbols));
    }

    private static bool IsNumber(ITypeSymbol? type)
        => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Single
            or SpecialType.System_Decimal or SpecialType.System_UInt32 or SpecialType.System_UInt64;

    /// <summary>A file open or lock attempt inside <c>try</c>/<c>catch</c> in the loop or in a helper method of the same file it calls.</summary>
    private static bool RetriesFileAttempt(IReadOnlyList<IOperation> roots, IOperation boundary, KnownSymbols symbols)
    {
        foreach (var root in roots)
        {
            foreach (var operation in OwnOperations(root))
            {
                if (IsRetriedFileAttempt(operation, boundary, symbols))
                {
                    return true;
                }
            }
        }

        foreach (var root in roots)
        {
            foreach (var operation in OwnOperations(root))
            {
                if (operation is IInvocationOperation invocation && HelperBody(invocation) is { } body)
                {
                    foreach (var inner in OwnOperations(body))
                    {
                        if (IsRetriedFileAttempt(inner, body, symbols))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

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
}
