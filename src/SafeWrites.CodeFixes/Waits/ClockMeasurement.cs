using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Waits;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Waits;

/// <summary>How a wall-clock local measures time.</summary>
internal enum ClockMeasurementKind
{
    /// <summary><c>var start = DateTime.UtcNow;</c> used as <c>DateTime.UtcNow - start</c>.</summary>
    Start,

    /// <summary><c>var deadline = DateTime.UtcNow + t;</c> (or <c>.AddSeconds(n)</c> …) compared with <c>DateTime.UtcNow</c>.</summary>
    Deadline,
}

/// <summary>One use of the measured local, and how it is rewritten on a monotonic clock.</summary>
internal readonly struct ClockUse
{
    public ClockUse(SyntaxNode node, ExpressionSyntax? clock, ExpressionSyntax? local, ExpressionSyntax? derivedTimeout = null, List<ClockUse>? derivedUses = null)
    {
        Node = node;
        Clock = clock;
        Local = local;
        DerivedTimeout = derivedTimeout;
        DerivedUses = derivedUses;
    }

    /// <summary>
    /// Start: the <c>now - start</c> / <c>now.Subtract(start)</c> expression (→ <c>start.Elapsed</c>) or the
    /// <c>start = now;</c> statement (→ <c>start.Restart();</c>). Deadline: the comparison or subtraction whose
    /// <see cref="Clock"/> becomes <c>stopwatch.Elapsed</c> and whose <see cref="Local"/> becomes the timeout.
    /// </summary>
    public SyntaxNode Node { get; }

    public ExpressionSyntax? Clock { get; }

    public ExpressionSyntax? Local { get; }

    /// <summary>
    /// A deadline derived from the start (<c>var end = start.AddSeconds(n);</c>, <see cref="Node"/> is its statement):
    /// the timeout it adds, which becomes <c>end</c>'s new value (<c>TimeSpan.FromSeconds(n)</c>).
    /// </summary>
    public ExpressionSyntax? DerivedTimeout { get; }

    /// <summary>For a derived deadline: its comparisons, whose <see cref="Clock"/> becomes <c>start.Elapsed</c>.</summary>
    public List<ClockUse>? DerivedUses { get; }
}

/// <summary>
/// A local initialized from a wall-clock read that every use treats as a start time or a deadline, so it can move to
/// <c>Stopwatch</c> with the same behaviour (SW2001's fix; SW2002's fix reads the timeout from it). Recognized only
/// when every use has a known rewrite: a value that escapes (stored, returned, passed, logged) is not rewritten.
/// </summary>
internal sealed class ClockMeasurement
{
    private ClockMeasurement(
        ClockMeasurementKind kind,
        ILocalSymbol local,
        LocalDeclarationStatementSyntax statement,
        IPropertySymbol clock,
        ExpressionSyntax? timeout,
        List<ClockUse> uses)
    {
        Kind = kind;
        Local = local;
        Statement = statement;
        Clock = clock;
        Timeout = timeout;
        Uses = uses;
    }

    public ClockMeasurementKind Kind { get; }

    public ILocalSymbol Local { get; }

    /// <summary>The <c>var start = DateTime.UtcNow;</c> statement (one declarator).</summary>
    public LocalDeclarationStatementSyntax Statement { get; }

    /// <summary>The clock property read (<c>DateTime.UtcNow</c> …); every use reads the same one.</summary>
    public IPropertySymbol Clock { get; }

    /// <summary>For a deadline: the timeout as a <c>TimeSpan</c> expression (<c>t</c>, <c>TimeSpan.FromSeconds(n)</c> …).</summary>
    public ExpressionSyntax? Timeout { get; }

    public List<ClockUse> Uses { get; }

    /// <summary>The measurement started by the wall-clock read at <paramref name="readSyntax"/>, or null.</summary>
    public static ClockMeasurement? TryRecognize(FixContext context, SyntaxNode readSyntax)
    {
        if (context.Operation(readSyntax) is not IPropertyReferenceOperation read
            || !ClockReads.IsWallClockRead(read, context.Symbols)
            || readSyntax is not ExpressionSyntax readExpression)
        {
            return null;
        }

        var clock = read.Property;
        var (kind, timeout, initializer) = Classify(context, readExpression);
        if (!TryGetLocalDeclaration(context, initializer, out var statement, out var local))
        {
            return null;
        }

        var uses = new List<ClockUse>();
        foreach (var reference in OperationHelpers.FindReferences(read.Root(), local))
        {
            var use = kind == ClockMeasurementKind.Start ? StartUse(context, reference, clock) : DeadlineUse(reference, clock);
            if (use is null)
            {
                return null;
            }

            uses.Add(use.Value);
        }

        return uses.Count == 0 ? null : new ClockMeasurement(kind, local, statement, clock, timeout, uses);
    }

    /// <summary>The plain one-variable local declaration (<c>var x = initializer;</c>) that <paramref name="initializer"/> initializes.</summary>
    public static bool TryGetLocalDeclaration(FixContext context, ExpressionSyntax? initializer, out LocalDeclarationStatementSyntax statement, out ILocalSymbol local)
    {
        statement = null!;
        local = null!;
        if (initializer?.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declarationStatement }
            || !declarationStatement.UsingKeyword.IsKind(SyntaxKind.None)
            || declarationStatement.IsConst
            || context.SemanticModel.GetDeclaredSymbol(declarator, context.CancellationToken) is not ILocalSymbol declared)
        {
            return false;
        }

        statement = declarationStatement;
        local = declared;
        return true;
    }

    /// <summary><c>var end = start.AddSeconds(n);</c> (or <c>start + t</c>, <c>start.Add(t)</c>) whose every use is a deadline use.</summary>
    private static ClockUse? DerivedDeadlineUse(FixContext context, IOperation reference, IPropertySymbol clock)
    {
        if (reference.Syntax is not ExpressionSyntax startSyntax)
        {
            return null;
        }

        var (kind, timeout, initializer) = Classify(context, startSyntax);
        if (kind != ClockMeasurementKind.Deadline || timeout is null || !TryGetLocalDeclaration(context, initializer, out var statement, out var end))
        {
            return null;
        }

        var uses = new List<ClockUse>();
        foreach (var endReference in OperationHelpers.FindReferences(reference.Root(), end))
        {
            if (DeadlineUse(endReference, clock) is not { } use)
            {
                return null;
            }

            uses.Add(use);
        }

        return uses.Count == 0 ? null : new ClockUse(statement, null, null, timeout, uses);
    }

    /// <summary>Start (the read is the whole initializer) or deadline (<c>read + t</c>, <c>read.AddX(n)</c>, <c>read.Add(t)</c>).</summary>
    private static (ClockMeasurementKind Kind, ExpressionSyntax? Timeout, ExpressionSyntax? Initializer) Classify(FixContext context, ExpressionSyntax read)
    {
        var parent = read.Parent;
        if (parent is EqualsValueClauseSyntax)
        {
            return (ClockMeasurementKind.Start, null, read);
        }

        if (parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } sum && sum.Left == read && IsTimeSpan(context, sum.Right))
        {
            return (ClockMeasurementKind.Deadline, sum.Right, sum);
        }

        if (parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } call } member
            && member.Expression == read)
        {
            var argument = call.ArgumentList.Arguments[0].Expression;
            var factory = member.Name.Identifier.ValueText switch
            {
                "Add" => null,
                "AddTicks" => "FromTicks",
                "AddMilliseconds" => "FromMilliseconds",
                "AddSeconds" => "FromSeconds",
                "AddMinutes" => "FromMinutes",
                "AddHours" => "FromHours",
                "AddDays" => "FromDays",
                _ => string.Empty,
            };

            if (factory is null && IsTimeSpan(context, argument))
            {
                return (ClockMeasurementKind.Deadline, argument, call);
            }

            if (!string.IsNullOrEmpty(factory))
            {
                var timeSpan = context.TypeName(call.SpanStart, context.Symbols.TimeSpan, "TimeSpan", "global::System.TimeSpan");
                var timeout = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, timeSpan, SyntaxFactory.IdentifierName(factory!)),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument.WithoutTrivia()))));
                return (ClockMeasurementKind.Deadline, timeout, call);
            }
        }

        return (ClockMeasurementKind.Start, null, null);
    }

    private static bool IsTimeSpan(FixContext context, ExpressionSyntax expression)
        => context.Symbols.IsType(context.SemanticModel.GetTypeInfo(expression, context.CancellationToken).Type, context.Symbols.TimeSpan);

    /// <summary><c>now - start</c>, <c>now.Subtract(start)</c>, <c>start = now;</c>, or a deadline derived from the start.</summary>
    private static ClockUse? StartUse(FixContext context, IOperation reference, IPropertySymbol clock)
    {
        var consumer = reference.ConsumerOf(out var consumed);
        if (consumed != reference)
        {
            return null;
        }

        switch (consumer)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference
                when difference.RightOperand == reference && IsClock(difference.LeftOperand, clock):
                return new ClockUse(WithParentheses(difference.Syntax), null, null);

            case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Subtract" } subtract }
                when IsClock(subtract.Instance, clock) && subtract.Arguments.Length == 1:
                return new ClockUse(WithParentheses(subtract.Syntax), null, null);

            case ISimpleAssignmentOperation { Parent: IExpressionStatementOperation statement } assignment
                when assignment.Target == reference && IsClock(assignment.Value, clock):
                return new ClockUse(statement.Syntax, null, null);

            default:
                return DerivedDeadlineUse(context, reference, clock);
        }
    }

    /// <summary><c>now &lt; deadline</c> (any comparison, either side), <c>deadline - now</c>, <c>now - deadline</c>.</summary>
    private static ClockUse? DeadlineUse(IOperation reference, IPropertySymbol clock)
    {
        var consumer = reference.ConsumerOf(out var consumed);
        if (consumed != reference || consumer is not IBinaryOperation binary
            || !(WallClockTimeouts.IsComparison(binary.OperatorKind) || binary.OperatorKind == BinaryOperatorKind.Subtract))
        {
            return null;
        }

        var other = binary.LeftOperand == reference ? binary.RightOperand : binary.LeftOperand;
        if (!IsClock(other, clock) || other.Syntax is not ExpressionSyntax clockSyntax || reference.Syntax is not ExpressionSyntax localSyntax)
        {
            return null;
        }

        return new ClockUse(binary.Syntax, clockSyntax, localSyntax);
    }

    private static bool IsClock(IOperation? operation, IPropertySymbol clock)
        => operation is IPropertyReferenceOperation property && SymbolEqualityComparer.Default.Equals(property.Property, clock);

    private static SyntaxNode WithParentheses(SyntaxNode node)
    {
        while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized;
        }

        return node;
    }
}
