using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Waits;

/// <summary>A waiting or retrying loop that gives up on a wall-clock comparison (SW2001).</summary>
internal readonly struct WallClockTimeout
{
    public WallClockTimeout(Location loopLocation, IOperation start)
    {
        LoopLocation = loopLocation;
        Start = start;
    }

    /// <summary>The loop's <c>while</c>/<c>do</c>/<c>for</c> keyword, or the label of a <c>goto</c> retry loop.</summary>
    public Location LoopLocation { get; }

    /// <summary>The clock read that starts the measurement (where SW2001 reports).</summary>
    public IOperation Start { get; }
}

/// <summary>
/// Finds the loops whose exit is decided by a wall-clock measurement: a comparison in the loop condition, in an
/// <c>if</c> of the body that breaks, returns, throws or continues, in an exception filter, or in a guard call,
/// of a loop that also waits or retries (<see cref="WaitLoops.WaitsOrRetries(IOperation, KnownSymbols)"/>). A
/// <c>goto</c> retry loop (<see cref="GotoLoops"/>) is a loop without a condition.
/// </summary>
internal static class WallClockTimeouts
{
    private const int MaxLocalDepth = 3;

    /// <summary>Every wall-clock timeout loop under <paramref name="root"/>, one per start read.</summary>
    public static List<WallClockTimeout> Find(IOperation root, KnownSymbols symbols)
    {
        var result = new List<WallClockTimeout>();
        var starts = new HashSet<IOperation>();
        foreach (var operation in root.Descendants())
        {
            if (WaitLoops.IsConditionLoop(operation))
            {
                var loop = (ILoopOperation)operation;
                var body = loop.Body is null ? System.Array.Empty<IOperation>() : new[] { loop.Body };
                var reads = DecisiveReads(Condition(loop), body, symbols);
                if (reads.Count != 0 && WaitLoops.WaitsOrRetries(loop, symbols))
                {
                    Add(result, starts, StartOf(loop.Syntax.Span, reads), WaitLoops.KeywordLocation(loop));
                }
            }
            else if (operation is ILabeledOperation labeled && GotoLoops.TryGetLoop(labeled, out var statements))
            {
                var reads = DecisiveReads(null, statements, symbols);
                if (reads.Count != 0 && WaitLoops.WaitsOrRetries(statements, labeled.Parent!, symbols))
                {
                    var span = TextSpan.FromBounds(labeled.Syntax.SpanStart, statements[statements.Count - 1].Syntax.Span.End);
                    Add(result, starts, StartOf(span, reads), GotoLoops.LabelLocation(labeled));
                }
            }
        }

        return result;
    }

    private static void Add(List<WallClockTimeout> result, HashSet<IOperation> starts, IOperation start, Location loopLocation)
    {
        if (starts.Add(start))
        {
            result.Add(new WallClockTimeout(loopLocation, start));
        }
    }

    private static IOperation? Condition(ILoopOperation loop)
        => loop switch
        {
            IWhileLoopOperation whileLoop => whileLoop.Condition,
            IForLoopOperation forLoop => forLoop.Condition,
            _ => null,
        };

    /// <summary>The wall-clock reads that a loop's exit decisions (its condition, and those in its body) are measured from.</summary>
    public static List<IOperation> DecisiveReads(IOperation? condition, IReadOnlyList<IOperation> body, KnownSymbols symbols)
    {
        var reads = new List<IOperation>();
        CollectComparedReads(condition, symbols, reads, 0);

        // Exits in nested loops belong to those loops.
        foreach (var statement in body)
        {
            foreach (var operation in WaitLoops.OwnOperations(statement, skipNestedLoops: true))
            {
                switch (operation)
                {
                    case IConditionalOperation { Syntax: IfStatementSyntax } ifStatement when LeadsToExit(ifStatement):
                        CollectComparedReads(ifStatement.Condition, symbols, reads, 0);
                        break;
                    case ICatchClauseOperation { Filter: { } filter }:
                        CollectComparedReads(filter, symbols, reads, 0);
                        break;
                    case IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod.ReturnsVoid: true } guard }:
                        foreach (var argument in guard.Arguments)
                        {
                            if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean } parameter && IsGuardCondition(guard, parameter))
                            {
                                CollectComparedReads(argument.Value, symbols, reads, 0);
                            }
                        }

                        break;
                }
            }
        }

        return reads;
    }

    /// <summary>The read outside the loop's <paramref name="loopSpan"/> that starts the measurement (start/deadline initializer), else the first one in the loop.</summary>
    private static IOperation StartOf(TextSpan loopSpan, List<IOperation> reads)
    {
        IOperation? best = null;
        var bestIsOutside = false;
        foreach (var read in reads)
        {
            var isOutside = !loopSpan.Contains(read.Syntax.Span);
            if (best is null
                || (isOutside && !bestIsOutside)
                || (isOutside == bestIsOutside && read.Syntax.SpanStart < best.Syntax.SpanStart))
            {
                best = read;
                bestIsOutside = isOutside;
            }
        }

        return best!;
    }

    /// <summary>An <c>if</c> whose branches break, continue, return, throw or jump (<c>goto</c>: the retry of a <c>goto</c> loop, or out).</summary>
    private static bool LeadsToExit(IConditionalOperation ifStatement)
    {
        foreach (var branch in new[] { ifStatement.WhenTrue, ifStatement.WhenFalse })
        {
            if (branch is null)
            {
                continue;
            }

            foreach (var operation in WaitLoops.OwnOperations(branch))
            {
                if (operation is IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue or BranchKind.GoTo } or IReturnOperation or IThrowOperation)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The condition of an assert or guard that throws when it fails: a parameter marked
    /// <c>[DoesNotReturnIf(false)]</c> (<c>Debug.Assert</c>, xunit <c>Assert.True</c> …), or a bool parameter of a
    /// method of the same file that throws.
    /// </summary>
    private static bool IsGuardCondition(IInvocationOperation guard, IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            // Matched by full name, as the compiler's nullable analysis does: libraries that target older
            // frameworks (xunit, NUnit) carry their own internal copy of the attribute.
            if (attribute.AttributeClass is { Name: "DoesNotReturnIfAttribute" } attributeClass
                && attributeClass.ContainingNamespace?.ToDisplayString() == "System.Diagnostics.CodeAnalysis")
            {
                return true;
            }
        }

        if (WaitLoops.HelperBody(guard) is { } body)
        {
            foreach (var operation in WaitLoops.OwnOperations(body))
            {
                if (operation is IThrowOperation)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Adds the wall-clock reads of the time comparisons in <paramref name="condition"/> (through bool locals).</summary>
    private static void CollectComparedReads(IOperation? condition, KnownSymbols symbols, List<IOperation> reads, int depth)
    {
        if (condition is null || depth > MaxLocalDepth)
        {
            return;
        }

        foreach (var operation in WaitLoops.OwnOperations(condition))
        {
            switch (operation)
            {
                case IBinaryOperation binary when IsComparison(binary.OperatorKind):
                    CollectComparisonReads(binary.LeftOperand, binary.RightOperand, symbols, reads);
                    break;

                case IInvocationOperation { TargetMethod.Name: "CompareTo" or "Compare" } compare when IsTimeType(compare.TargetMethod.ContainingType, symbols):
                    var left = compare.Instance ?? compare.ArgumentValue(0);
                    var right = compare.Instance is null ? compare.ArgumentValue(1) : compare.ArgumentValue(0);
                    CollectComparisonReads(left, right, symbols, reads);
                    break;

                case ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_Boolean } flag:
                    foreach (var assigned in OperationHelpers.AssignedValues(flag.Root(), flag.Local))
                    {
                        CollectComparedReads(assigned, symbols, reads, depth + 1);
                    }

                    break;
            }
        }
    }

    private static void CollectComparisonReads(IOperation? left, IOperation? right, KnownSymbols symbols, List<IOperation> reads)
    {
        var leftReads = new List<IOperation>();
        var rightReads = new List<IOperation>();
        ClockReads.CollectMeasuredReads(left, symbols, leftReads);
        ClockReads.CollectMeasuredReads(right, symbols, rightReads);
        if (leftReads.Count == 0 && rightReads.Count == 0)
        {
            return;
        }

        // "now < token.ExpiresAt": an instant owned by another object (a token, a lease, a cache entry) is its own
        // wall-clock timestamp, not a deadline this loop measured. "now < DateTime.Today.AddHours(7)": an instant
        // built from the calendar is a schedule. Only a deadline handed in (a parameter, a field of this object)
        // stands for one measured elsewhere.
        if ((leftReads.Count == 0 && IsNotAMeasuredLimit(left, right, symbols)) || (rightReads.Count == 0 && IsNotAMeasuredLimit(right, left, symbols)))
        {
            return;
        }

        reads.AddRange(leftReads);
        reads.AddRange(rightReads);
    }

    /// <summary>
    /// True when <paramref name="limit"/> (not measured from the clock) is not a deadline this loop measures against.
    /// Elapsed spans and numbers compare against any limit (<c>options.Timeout</c>, <c>budget.TotalSeconds</c>);
    /// an instant only against a deadline handed in (a parameter, a field or property of this object).
    /// </summary>
    private static bool IsNotAMeasuredLimit(IOperation? limit, IOperation? measured, KnownSymbols symbols)
    {
        var measuresAnInstant = symbols.IsType(measured?.Type, symbols.DateTime) || symbols.IsType(measured?.Type, symbols.DateTimeOffset);
        if (!measuresAnInstant)
        {
            return false;
        }

        return limit.WalkDownConversions() switch
        {
            IParameterReferenceOperation => false,
            IMemberReferenceOperation { Instance: null } => false,
            IMemberReferenceOperation { Instance: { } instance } => instance.WalkDownConversions() is not IInstanceReferenceOperation,
            _ => true,
        };
    }

    /// <summary><c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>==</c>, <c>!=</c>.</summary>
    public static bool IsComparison(BinaryOperatorKind kind)
        => kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan
            or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals;

    private static bool IsTimeType(ITypeSymbol? type, KnownSymbols symbols)
        => symbols.IsType(type, symbols.DateTime) || symbols.IsType(type, symbols.DateTimeOffset) || symbols.IsType(type, symbols.TimeSpan);
}
