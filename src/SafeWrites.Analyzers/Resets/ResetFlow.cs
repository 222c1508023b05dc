using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Resets;

/// <summary>The flow shapes in which a reset comes before, or regardless of, the save (rules.md, SW3001).</summary>
internal enum LostResetShape
{
    None,

    /// <summary>The reset comes before the save in the same block or an enclosing one.</summary>
    BeforeSave,

    /// <summary>The reset is in a <c>finally</c> whose <c>try</c> contains the save.</summary>
    InFinally,

    /// <summary>The reset follows a <c>try</c> containing the save whose <c>catch</c> swallows the exception.</summary>
    AfterSwallowingCatch,

    /// <summary>The reset sits in a <c>catch</c> that swallows the save's exception.</summary>
    InSwallowingCatch,
}

/// <summary>A reset that runs although the save may not have succeeded, as found by <see cref="ResetFlow.Find"/>.</summary>
internal readonly struct LostReset
{
    public LostReset(LostResetShape shape, IOperation save, ITryOperation? @try, IOperation? fixAfter)
    {
        Shape = shape;
        Save = save;
        Try = @try;
        FixAfter = fixAfter;
    }

    public LostResetShape Shape { get; }

    /// <summary>The save the reset does not wait for (the last one of the statement that saves).</summary>
    public IOperation Save { get; }

    /// <summary>For the <c>finally</c> / <c>catch</c> shapes: the <c>try</c> whose body saves.</summary>
    public ITryOperation? Try { get; }

    /// <summary>The statement the code fix moves the reset after, or null when the shape has no safe fix.</summary>
    public IOperation? FixAfter { get; }
}

/// <summary>
/// Statement-level flow for SW3001 within one body (a method, accessor, local function or lambda): where a
/// reset sits relative to the saves of that body, which statements exit, which <c>catch</c> swallows.
/// </summary>
internal static class ResetFlow
{
    /// <summary>The body a statement belongs to: the nearest lambda or local function body, else the member's body.</summary>
    public static IOperation EnclosingBody(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }

            current = parent;
        }

        return current;
    }

    /// <summary>Finds the first shape (rules.md order: finally / catch first, then reset-then-save and reset-after-try) in which the reset does not wait for the save.</summary>
    public static LostReset Find(IOperation reset, Saves saves)
    {
        var body = EnclosingBody(reset);

        // A constructor initializes: nothing can be pending before the object exists (lambdas in it are bodies of their own).
        if (body is IConstructorBodyOperation)
        {
            return default;
        }

        // A reset in an if condition (Interlocked.Exchange) runs before the save in its branch.
        if (reset is IConditionalOperation conditional
            && (saves.LastSaveIn(conditional.WhenTrue) ?? (conditional.WhenFalse is { } whenFalse ? saves.LastSaveIn(whenFalse) : null)) is { } saveInBranch)
        {
            return new LostReset(LostResetShape.BeforeSave, saveInBranch, null, null);
        }

        // In a finally whose try saves, or in a swallowing catch of a try that saves.
        for (IOperation child = reset, node = reset.Parent!; node is not null && child != body; child = node, node = node.Parent!)
        {
            if (node is ITryOperation @try && child == @try.Finally && saves.LastSaveIn(@try.Body) is { } saveInTry)
            {
                return new LostReset(LostResetShape.InFinally, saveInTry, @try, FixTarget(@try.Body, saves));
            }

            if (node is ICatchClauseOperation { Parent: ITryOperation catchTry } catchClause && Swallows(catchClause)
                && saves.LastSaveIn(catchTry.Body) is { } saveBeforeCatch)
            {
                return new LostReset(LostResetShape.InSwallowingCatch, saveBeforeCatch, catchTry, FixTarget(catchTry.Body, saves));
            }
        }

        // Reset after a try whose catch swallowed the save's failure; and whether a save already ran before the reset.
        var afterSave = false;
        for (IOperation child = reset, node = reset.Parent!; node is not null && child != body; child = node, node = node.Parent!)
        {
            var statements = StatementsOf(node);
            for (var i = statements.IsDefaultOrEmpty ? -1 : statements.IndexOf(child) - 1; i >= 0; i--)
            {
                if (SwallowingTry(statements[i], saves) is { } swallowing)
                {
                    var fix = child == reset && node is IBlockOperation && swallowing == statements[i] ? FixTarget(swallowing.Body, saves) : null;
                    return new LostReset(LostResetShape.AfterSwallowingCatch, saves.LastSaveIn(swallowing.Body)!, swallowing, fix);
                }

                afterSave |= statements[i] is not ILocalFunctionOperation && RunsASave(statements[i], saves);
            }
        }

        // Reset-then-save, walking out block by block. A reset that follows a save (Save(); _dirty = false; Log();)
        // already waited for it: a later save is another one (an audit line, a log file).
        for (IOperation child = reset, node = reset.Parent!; !afterSave && node is not null && child != body; child = node, node = node.Parent!)
        {
            var statements = StatementsOf(node);
            if (statements.IsDefaultOrEmpty)
            {
                continue;
            }

            var sameBlock = child == reset && node is IBlockOperation;
            for (var i = statements.IndexOf(child) + 1; i > 0 && i < statements.Length; i++)
            {
                var statement = statements[i];
                if (statement is ILocalFunctionOperation)
                {
                    continue;
                }

                if (saves.LastSaveIn(statement) is { } save)
                {
                    return new LostReset(LostResetShape.BeforeSave, save, null, sameBlock ? FixTarget(LastSavingStatement(statements, i, saves), saves) : null);
                }

                if (IsExit(statement))
                {
                    return default;
                }
            }
        }

        return default;
    }

    /// <summary>True when the statement leaves the block unconditionally: <c>return</c>, <c>throw</c>, <c>break</c>, <c>continue</c>, <c>goto</c>, <c>yield break</c>.</summary>
    public static bool IsExit(IOperation statement)
        => statement switch
        {
            IReturnOperation { Kind: OperationKind.Return or OperationKind.YieldBreak } => true,
            IExpressionStatementOperation { Operation: IThrowOperation } or IThrowOperation => true,
            IBranchOperation => true,
            IBlockOperation block => block.Operations.Length > 0 && IsExit(block.Operations[block.Operations.Length - 1]),
            _ => false,
        };

    /// <summary>A catch swallows when its handler neither throws nor returns nor branches away (nested lambdas aside).</summary>
    public static bool Swallows(ICatchClauseOperation catchClause)
    {
        foreach (var operation in catchClause.Handler.Descendants())
        {
            if (operation is IThrowOperation or IBranchOperation || operation is IReturnOperation { Kind: OperationKind.Return })
            {
                if (!IsInNestedFunction(operation, catchClause))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="operation"/> is inside a <c>catch</c> of <paramref name="body"/>.</summary>
    public static bool IsInCatch(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is ICatchClauseOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the read is (part of) the condition of an <c>if</c>, <c>?:</c>, <c>while</c> or <c>for</c> whose
    /// branch taken while the member is raised saves (<c>if (_dirty) Save();</c>, <c>if (_count &gt;= 10) Flush();</c>),
    /// or of a guard that exits while it is empty (<c>if (!_dirty) return; Save();</c>). A flag that stops the save
    /// when raised (<c>if (_isSaving) return;</c>, <c>while (!_cancelled) Write();</c>) does not decide what to save.
    /// </summary>
    public static bool IsConditionLeadingToSave(IOperation reference, Saves saves)
    {
        // Whether the expression walked so far is true when the member holds something (not its empty value).
        var trueWhenRaised = true;
        for (IOperation child = reference, node = reference.Parent!; node is not null; child = node, node = node.Parent!)
        {
            switch (node)
            {
                case IConditionalOperation conditional when conditional.Condition == child:
                    return trueWhenRaised
                        ? saves.ContainsSave(conditional.WhenTrue)
                        : saves.ContainsSave(conditional.WhenFalse)
                          || (IsExit(conditional.WhenTrue) && SavesAfter(conditional, saves));
                case IWhileLoopOperation loop when loop.Condition == child:
                    return trueWhenRaised && saves.ContainsSave(loop.Body);
                case IForLoopOperation loop when loop.Condition == child:
                    return trueWhenRaised && saves.ContainsSave(loop.Body);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not }:
                    trueWhenRaised = !trueWhenRaised;
                    break;
                case IBinaryOperation binary when IsLimitCheck(binary, child):
                    // retryCount == MaxRetries: a limit, not pending changes.
                    return false;
                case IBinaryOperation binary:
                    trueWhenRaised ^= IsTestForEmpty(binary, child);
                    break;
                case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var constant } } when constant.ConstantValue is { HasValue: true, Value: null }:
                    trueWhenRaised = !trueWhenRaised;
                    break;
                case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" } }:
                    trueWhenRaised = !trueWhenRaised;
                    break;
                case IBlockOperation or IAnonymousFunctionOperation or ILocalFunctionOperation or IExpressionStatementOperation:
                    return false;
            }
        }

        return false;
    }

    /// <summary>True when the read feeds a value on: an argument, a local, a returned value, a loop's collection, an interpolation.</summary>
    public static bool IsContentRead(IOperation reference)
    {
        for (var node = reference.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case IArgumentOperation or IVariableInitializerOperation or IInterpolationOperation or IForEachLoopOperation:
                    return true;
                case IReturnOperation { ReturnedValue: not null }:
                    return true;
                case IBlockOperation or IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
            }
        }

        return false;
    }

    /// <summary>A number compared for (in)equality with something other than zero: a limit such as a retry count.</summary>
    private static bool IsLimitCheck(IBinaryOperation binary, IOperation operand)
    {
        if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
            || operand.Type?.SpecialType is not (SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16
                or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Double or SpecialType.System_Single))
        {
            return false;
        }

        var other = (binary.LeftOperand == operand ? binary.RightOperand : binary.LeftOperand).WalkDownConversions();
        var isZero = other is { ConstantValue: { HasValue: true } constant }
                     && (constant.Value is double d ? d == 0 : constant.Value is float f ? f == 0 : other.TryGetConstant(out var value) && value == 0);
        return !isZero;
    }

    /// <summary>
    /// True when the comparison is true while the member (<paramref name="operand"/>'s side) is empty:
    /// <c>x == 0</c>, <c>x == null</c>, <c>x &lt; n</c>, <c>x &lt;= n</c>.
    /// </summary>
    private static bool IsTestForEmpty(IBinaryOperation binary, IOperation operand)
    {
        var onLeft = binary.LeftOperand == operand;
        var other = onLeft ? binary.RightOperand : binary.LeftOperand;
        var otherIsEmpty = other.WalkDownConversions() is { ConstantValue: { HasValue: true } constant }
                           && constant.Value is null or false or 0 or 0L or "";
        return binary.OperatorKind switch
        {
            BinaryOperatorKind.Equals => otherIsEmpty,
            BinaryOperatorKind.NotEquals => other.WalkDownConversions() is { ConstantValue: { HasValue: true, Value: true } },
            BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual => onLeft,
            BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual => !onLeft,
            _ => false,
        };
    }

    /// <summary>A try (the statement or one inside it) whose body saves and one of whose catches swallows.</summary>
    private static ITryOperation? SwallowingTry(IOperation statement, Saves saves)
    {
        foreach (var operation in Saves.DescendantsAndSelf(statement))
        {
            if (operation is ITryOperation @try && !IsInNestedFunction(@try, statement) && saves.ContainsSave(@try.Body))
            {
                foreach (var catchClause in @try.Catches)
                {
                    if (Swallows(catchClause))
                    {
                        return @try;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The last statement that saves in the run that starts at <paramref name="first"/> and ends at an exit.</summary>
    private static IOperation LastSavingStatement(ImmutableArray<IOperation> statements, int first, Saves saves)
    {
        var last = statements[first];
        for (var i = first + 1; i < statements.Length && !IsExit(statements[i]); i++)
        {
            if (statements[i] is not ILocalFunctionOperation && saves.ContainsSave(statements[i]))
            {
                last = statements[i];
            }
        }

        return last;
    }

    /// <summary>The statement list <paramref name="node"/> holds: a block's statements or a switch section's; else default.</summary>
    private static ImmutableArray<IOperation> StatementsOf(IOperation node)
        => node switch
        {
            IBlockOperation block => block.Operations,
            ISwitchCaseOperation section => section.Body,
            _ => default,
        };

    /// <summary>
    /// The statement a reset can safely be moved after: the saving statement itself, or inside a <c>try</c> that
    /// saves the last saving statement of its body. None when that statement exits (<c>return Save();</c>) or only
    /// starts the save in a lambda it does not await.
    /// </summary>
    private static IOperation? FixTarget(IOperation statement, Saves saves)
    {
        while (true)
        {
            switch (statement)
            {
                case IBlockOperation block:
                    IOperation? last = null;
                    foreach (var inner in block.Operations)
                    {
                        if (inner is not ILocalFunctionOperation && saves.ContainsSave(inner))
                        {
                            last = inner;
                        }
                    }

                    if (last is null)
                    {
                        return null;
                    }

                    statement = last;
                    continue;

                case ITryOperation @try when saves.ContainsSave(@try.Body):
                    statement = @try.Body;
                    continue;
            }

            if (statement.Parent is not IBlockOperation || IsExit(statement) || statement is IReturnOperation)
            {
                return null;
            }

            var save = saves.LastSaveIn(statement);
            if (save is not null && IsInNestedFunction(save, statement) && !ContainsAwait(statement))
            {
                return null;
            }

            return statement;
        }
    }

    /// <summary>True when a statement after <paramref name="statement"/> in its block or switch section saves.</summary>
    private static bool SavesAfter(IOperation statement, Saves saves)
    {
        var statements = statement.Parent is { } parent ? StatementsOf(parent) : default;
        if (statements.IsDefaultOrEmpty)
        {
            return false;
        }

        for (var i = statements.IndexOf(statement) + 1; i > 0 && i < statements.Length; i++)
        {
            if (statements[i] is not ILocalFunctionOperation && saves.ContainsSave(statements[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when running <paramref name="statement"/> saves on a path that goes on to the next statement: a save
    /// started in a lambda it only creates, or in a branch that then exits (<c>if (x) { SaveAs(); return; }</c>),
    /// does not count.
    /// </summary>
    private static bool RunsASave(IOperation statement, Saves saves)
    {
        foreach (var operation in Saves.DescendantsAndSelf(statement))
        {
            if (operation is IInvocationOperation or IObjectCreationOperation && !IsInNestedFunction(operation, statement)
                && !IsInExitingBranch(operation, statement) && saves.IsSave(operation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="operation"/> sits in a block (inside <paramref name="container"/>) that ends by returning or throwing.</summary>
    private static bool IsInExitingBranch(IOperation operation, IOperation container)
    {
        for (var current = operation.Parent; current is not null && current != container; current = current.Parent)
        {
            if (current is IBlockOperation { Operations.Length: > 0 } block
                && block.Operations[block.Operations.Length - 1] is IReturnOperation { Kind: OperationKind.Return } or IExpressionStatementOperation { Operation: IThrowOperation })
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsAwait(IOperation statement)
    {
        foreach (var operation in statement.Descendants())
        {
            if (operation is IAwaitOperation && !IsInNestedFunction(operation, statement))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInNestedFunction(IOperation operation, IOperation container)
    {
        for (var current = operation.Parent; current is not null && current != container; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }
}
