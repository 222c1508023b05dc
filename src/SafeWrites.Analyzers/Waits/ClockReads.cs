using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Waits;

/// <summary>
/// Wall-clock reads (<c>DateTime.Now/UtcNow</c>, <c>DateTimeOffset.Now/UtcNow</c>, <c>TimeProvider.GetUtcNow()</c>) and
/// the time measurements made from them: start times, deadlines, elapsed spans and their <c>TotalX</c>/<c>Ticks</c>
/// numbers, through locals of the method. Calendar parts (<c>.Hour</c>, <c>.Date</c>, <c>.DayOfWeek</c> …) are not
/// measurements: a loop that waits until 03:00 is a schedule, not a timeout.
/// </summary>
internal static class ClockReads
{
    private const int MaxDepth = 6;

    /// <summary>True when the operation reads the wall clock.</summary>
    /// <remarks>Called for every property read and call of a body: the name test rejects almost all before the set lookups.</remarks>
    public static bool IsWallClockRead(IOperation? operation, KnownSymbols symbols)
        => operation switch
        {
            IPropertyReferenceOperation property => property.Property.Name is "Now" or "UtcNow"
                                                    && symbols.WallClockNow.Contains(property.Property.OriginalDefinition),
            IInvocationOperation invocation => invocation.TargetMethod.Name is "GetUtcNow" or "GetLocalNow"
                                               && KnownSymbols.ContainsOrOverrides(symbols.TimeProviderWallClock, invocation.TargetMethod),
            _ => false,
        };

    /// <summary>
    /// Adds to <paramref name="reads"/> the wall-clock reads that the time value <paramref name="value"/> is measured
    /// from (the read itself, <c>now - start</c>, <c>now.AddSeconds(5)</c>, <c>(now - start).TotalSeconds</c>, a local
    /// assigned one of those …).
    /// </summary>
    public static void CollectMeasuredReads(IOperation? value, KnownSymbols symbols, List<IOperation> reads)
        => Collect(value, symbols, reads, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default), 0);

    /// <summary>True when <paramref name="value"/> is a time measured from the wall clock.</summary>
    public static bool IsMeasuredFromWallClock(IOperation? value, KnownSymbols symbols)
    {
        var reads = new List<IOperation>();
        CollectMeasuredReads(value, symbols, reads);
        return reads.Count != 0;
    }

    private static void Collect(IOperation? value, KnownSymbols symbols, List<IOperation> reads, HashSet<ILocalSymbol> visited, int depth)
    {
        value = value.WalkDownConversions();
        if (value is null || depth > MaxDepth)
        {
            return;
        }

        if (IsWallClockRead(value, symbols))
        {
            reads.Add(value);
            return;
        }

        switch (value)
        {
            case ILocalReferenceOperation local:
                if (visited.Add(local.Local))
                {
                    foreach (var assigned in OperationHelpers.AssignedValues(value.Root(), local.Local))
                    {
                        Collect(assigned, symbols, reads, visited, depth + 1);
                    }
                }

                break;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } binary:
                Collect(binary.LeftOperand, symbols, reads, visited, depth + 1);
                Collect(binary.RightOperand, symbols, reads, visited, depth + 1);
                break;

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.Plus } unary:
                Collect(unary.Operand, symbols, reads, visited, depth + 1);
                break;

            case IInvocationOperation invocation when IsTimeArithmetic(invocation.TargetMethod, symbols):
                Collect(invocation.Instance, symbols, reads, visited, depth + 1);
                foreach (var argument in invocation.Arguments)
                {
                    Collect(argument.Value, symbols, reads, visited, depth + 1);
                }

                break;

            // A helper that turns a span into a number (`elapsed.ToSeconds()`, `Seconds(elapsed)`): still the duration.
            case IInvocationOperation { Instance: null, Arguments.Length: 1 } conversion when IsSpanConversion(conversion.TargetMethod, symbols):
                Collect(conversion.Arguments[0].Value, symbols, reads, visited, depth + 1);
                break;

            case IPropertyReferenceOperation { Instance: { } instance } property when IsMeasurementProperty(property.Property, symbols):
                Collect(instance, symbols, reads, visited, depth + 1);
                break;

            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                Collect(conditional.WhenTrue, symbols, reads, visited, depth + 1);
                Collect(whenFalse, symbols, reads, visited, depth + 1);
                break;

            case ICoalesceOperation coalesce:
                Collect(coalesce.Value, symbols, reads, visited, depth + 1);
                Collect(coalesce.WhenNull, symbols, reads, visited, depth + 1);
                break;
        }
    }

    /// <summary>
    /// <c>DateTime</c>/<c>DateTimeOffset</c>/<c>TimeSpan</c> arithmetic (<c>Add…</c>, <c>Subtract</c>, <c>Duration</c>,
    /// <c>ToUnixTime…</c> …) and <c>Math.Abs</c>-like helpers over a measured value keep it a measurement.
    /// </summary>
    private static bool IsTimeArithmetic(IMethodSymbol? method, KnownSymbols symbols)
    {
        if (method is null)
        {
            return false;
        }

        var type = method.ContainingType;
        if (symbols.IsType(type, symbols.DateTime) || symbols.IsType(type, symbols.DateTimeOffset))
        {
            return method.Name.StartsWith("Add", System.StringComparison.Ordinal)
                   || method.Name is "Subtract" or "ToUnixTimeMilliseconds" or "ToUnixTimeSeconds" or "ToUniversalTime" or "ToLocalTime" or "ToFileTime" or "ToFileTimeUtc" or "ToBinary";
        }

        if (symbols.IsType(type, symbols.TimeSpan))
        {
            return method.Name is "Add" or "Subtract" or "Duration" or "Negate" or "Multiply" or "Divide";
        }

        return symbols.IsType(type, symbols.Math) && method.Name is "Abs" or "Max" or "Min" or "Round" or "Floor" or "Ceiling";
    }

    /// <summary>A static or extension method taking one <c>TimeSpan</c> and returning a number or a span.</summary>
    private static bool IsSpanConversion(IMethodSymbol method, KnownSymbols symbols)
        => method.Parameters.Length == 1
           && symbols.IsType(method.Parameters[0].Type, symbols.TimeSpan)
           && (symbols.IsType(method.ReturnType, symbols.TimeSpan)
               || method.ReturnType.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal
                   or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64);

    /// <summary>Properties that keep a measurement: a span's <c>Total…</c>/parts/<c>Ticks</c>, an instant's <c>Ticks</c>/<c>UtcDateTime</c> ….</summary>
    private static bool IsMeasurementProperty(IPropertySymbol property, KnownSymbols symbols)
    {
        var type = property.ContainingType;
        if (symbols.IsType(type, symbols.TimeSpan))
        {
            return true;
        }

        if (symbols.IsType(type, symbols.DateTime) || symbols.IsType(type, symbols.DateTimeOffset))
        {
            return property.Name is "Ticks" or "UtcTicks" or "UtcDateTime" or "LocalDateTime" or "DateTime";
        }

        return false;
    }
}
