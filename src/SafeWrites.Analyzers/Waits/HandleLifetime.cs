using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Waits;

/// <summary>
/// How long a handle from an opener stays open in its method: is other work done while it is open (a lock held
/// while working), or is it closed at once (a probe that only waits for another writer)?
/// </summary>
internal static class HandleLifetime
{
    /// <summary>
    /// True when, between the open and the handle's <c>Close</c>/<c>Dispose</c> (or the end of its <c>using</c>
    /// scope), the method does other work: calls, object creations or awaits that are not on the handle itself. When
    /// the holder is a local declared outside <paramref name="scope"/> (assigned in an acquisition loop), the
    /// statements after the scope count too.
    /// </summary>
    public static bool IsHeldWhileWorking(IOperation opener, IOperation scope)
    {
        var consumer = opener.ConsumerOf(out var consumed);
        ILocalSymbol? holder;
        switch (consumer)
        {
            case IUsingOperation { Body: { } usingBody }:
                // using (File.Open(…)) { … }
                return HasWork(usingBody, null);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                holder = declarator.Symbol;
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == consumed:
                holder = target.Local;
                break;
            default:
                return false;
        }

        if (StatementInBlock(opener, scope, out var usingBodyOfDeclaration) is not { } statement)
        {
            return false;
        }

        if (usingBodyOfDeclaration is not null)
        {
            return HasWork(usingBodyOfDeclaration, holder);
        }

        // The statements after the open, then after each statement enclosing it in the scope: an open alone in an
        // inner `try` whose `catch` sleeps and `continue`s is followed by the work after that `try`.
        for (IOperation? current = statement; current is not null; current = EnclosingStatement(current, scope))
        {
            if (WorksBeforeClose(FollowingStatements(current), holder, out var closed))
            {
                return true;
            }

            if (closed)
            {
                return false;
            }
        }

        // Declared before the acquisition loop and assigned in it: the work follows the loop.
        var declaredInScope = scope.Syntax.Span.Contains(holder.Locations.Length > 0 ? holder.Locations[0].SourceSpan : default);
        return !declaredInScope && WorksBeforeClose(FollowingStatements(scope), holder, out _);
    }

    /// <summary>The statement (a direct child of a block) that holds <paramref name="operation"/>, below <paramref name="scope"/>; for a <c>using (var x = …)</c> declaration, its body.</summary>
    private static IOperation? StatementInBlock(IOperation operation, IOperation scope, out IOperation? usingBody)
    {
        usingBody = null;
        for (var current = operation; current.Parent is { } parent && current != scope; current = parent)
        {
            if (parent is IUsingOperation usingStatement && usingStatement.Resources == current)
            {
                usingBody = usingStatement.Body;
                return usingStatement;
            }

            if (parent is IBlockOperation)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>The statement of an outer block that holds <paramref name="statement"/>, below <paramref name="scope"/>; null at the scope.</summary>
    private static IOperation? EnclosingStatement(IOperation statement, IOperation scope)
    {
        for (var current = statement.Parent; current is not null && current != scope; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }

            if (current.Parent is IBlockOperation)
            {
                return current;
            }
        }

        return null;
    }

    private static IEnumerable<IOperation> FollowingStatements(IOperation statement)
    {
        if (statement.Parent is not IBlockOperation block)
        {
            yield break;
        }

        var seen = false;
        foreach (var sibling in block.Operations)
        {
            if (seen)
            {
                yield return sibling;
            }

            seen |= sibling == statement;
        }
    }

    private static bool WorksBeforeClose(IEnumerable<IOperation> statements, ILocalSymbol holder, out bool closed)
    {
        closed = false;
        foreach (var statement in statements)
        {
            if (IsClose(statement, holder))
            {
                closed = true;
                return false;
            }

            if (HasWork(statement, holder))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsClose(IOperation statement, ILocalSymbol holder)
    {
        var expression = statement is IExpressionStatementOperation expressionStatement ? expressionStatement.Operation : null;
        if (expression is IAwaitOperation awaited)
        {
            expression = awaited.Operation;
        }

        if (expression is IConditionalAccessOperation conditionalAccess && IsHolder(conditionalAccess.Operation, holder))
        {
            expression = conditionalAccess.WhenNotNull;
        }

        return expression is IInvocationOperation { TargetMethod.Name: "Close" or "Dispose" or "DisposeAsync" } invocation
               && (invocation.Instance is IConditionalAccessInstanceOperation || IsHolder(invocation.Instance, holder));
    }

    private static bool HasWork(IOperation statement, ILocalSymbol? holder)
    {
        foreach (var operation in WaitLoops.OwnOperations(statement))
        {
            switch (operation)
            {
                case IInvocationOperation invocation when holder is null || !IsHolder(invocation.Instance, holder):
                case IObjectCreationOperation:
                case IAwaitOperation { Operation: not IInvocationOperation { TargetMethod.Name: "DisposeAsync" } }:
                    return true;
            }
        }

        return false;
    }

    private static bool IsHolder(IOperation? operation, ILocalSymbol holder)
        => SymbolEqualityComparer.Default.Equals(operation.ReferencedSymbol(), holder);
}
