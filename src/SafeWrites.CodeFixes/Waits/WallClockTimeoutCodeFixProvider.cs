using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using SafeWrites.Analyzers.Core;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Waits;

/// <summary>
/// SW2001 fix "Use a monotonic clock": <c>var start = DateTime.UtcNow;</c> → <c>var start = Stopwatch.StartNew();</c>
/// with <c>DateTime.UtcNow - start</c> → <c>start.Elapsed</c>; a deadline <c>var deadline = DateTime.UtcNow + t;</c> →
/// a <c>Stopwatch</c> plus the same timeout, every comparison made on <c>stopwatch.Elapsed</c>. Needs no runtime.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WallClockTimeoutCodeFixProvider))]
[Shared]
public sealed class WallClockTimeoutCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Use a monotonic clock";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.WallClockTimeout);

    private protected override string Title => FixTitle;

    private protected override bool IsAvailable(KnownSymbols symbols) => symbols.Stopwatch is not null && symbols.TimeSpan is not null;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        var read = context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var measurement = ClockMeasurement.TryRecognize(context, read);
        if (measurement is null)
        {
            return null;
        }

        var position = measurement.Statement.SpanStart;
        var stopwatchType = context.TypeName(position, context.Symbols.Stopwatch, "Stopwatch", "global::System.Diagnostics.Stopwatch", out var needsDiagnostics);
        var startNew = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, stopwatchType, SyntaxFactory.IdentifierName("StartNew")));

        var plan = measurement.Kind == ClockMeasurementKind.Start
            ? PlanStart(context, measurement, stopwatchType, startNew)
            : PlanDeadline(context, measurement, stopwatchType, startNew);
        if (plan is not null && needsDiagnostics)
        {
            plan.OtherImports.Add("System.Diagnostics");
        }

        return plan;
    }

    /// <summary>
    /// <c>var start = Stopwatch.StartNew();</c>, <c>now - start</c> → <c>start.Elapsed</c>, <c>start = now;</c> →
    /// <c>start.Restart();</c>, and a deadline derived from it (<c>var end = start.AddSeconds(n);</c>) → <c>var end =
    /// TimeSpan.FromSeconds(n);</c> with <c>now &lt; end</c> → <c>start.Elapsed &lt; end</c>.
    /// </summary>
    private static FixPlan PlanStart(FixContext context, ClockMeasurement measurement, ExpressionSyntax stopwatchType, ExpressionSyntax startNew)
    {
        var name = SyntaxFactory.IdentifierName(measurement.Local.Name);
        var elapsed = Member(name, "Elapsed");
        var replacements = new List<(SyntaxNode Node, SyntaxNode Replacement)>
        {
            (measurement.Statement, Declare(measurement.Statement, stopwatchType, measurement.Local.Name, startNew)),
        };

        foreach (var use in measurement.Uses)
        {
            if (use.DerivedTimeout is { } timeout && use.Node is LocalDeclarationStatementSyntax endStatement)
            {
                var timeSpanType = context.TypeName(endStatement.SpanStart, context.Symbols.TimeSpan, "TimeSpan", "global::System.TimeSpan");
                var endName = endStatement.Declaration.Variables[0].Identifier.ValueText;
                replacements.Add((endStatement, Declare(endStatement, timeSpanType, endName, timeout.WithoutTrivia())));
                foreach (var comparison in use.DerivedUses!)
                {
                    replacements.Add((comparison.Node, comparison.Node.ReplaceNode(comparison.Clock!, elapsed.WithTriviaFrom(comparison.Clock!))));
                }

                continue;
            }

            SyntaxNode replacement = use.Node is ExpressionStatementSyntax
                ? SyntaxFactory.ExpressionStatement(SyntaxFactory.InvocationExpression(Member(name, "Restart")))
                : elapsed;
            replacements.Add((use.Node, replacement));
        }

        return Replace(replacements);
    }

    /// <summary>A <c>Stopwatch</c> and the timeout in place of the deadline; each comparison on <c>stopwatch.Elapsed</c> against the timeout.</summary>
    private static FixPlan? PlanDeadline(FixContext context, ClockMeasurement measurement, ExpressionSyntax stopwatchType, ExpressionSyntax startNew)
    {
        var stopwatchName = measurement.Local.Name + "Stopwatch";
        var timeoutName = measurement.Local.Name + "Timeout";
        if (measurement.Timeout is null || IsNameTaken(context, measurement.Statement, stopwatchName) || IsNameTaken(context, measurement.Statement, timeoutName))
        {
            return null;
        }

        var timeSpanType = context.TypeName(measurement.Statement.SpanStart, context.Symbols.TimeSpan, "TimeSpan", "global::System.TimeSpan");
        var declareStopwatch = Declare(measurement.Statement, stopwatchType, stopwatchName, startNew);
        var declareTimeout = Declare(measurement.Statement, timeSpanType, timeoutName, measurement.Timeout.WithoutTrivia())
            .WithLeadingTrivia(Trivia.Indentation(measurement.Statement))
            .WithAdditionalAnnotations(Formatter.Annotation);

        var elapsed = Member(SyntaxFactory.IdentifierName(stopwatchName), "Elapsed");
        var timeout = SyntaxFactory.IdentifierName(timeoutName);
        var spans = new List<TextSpan> { measurement.Statement.Span };
        var uses = new List<ClockUse>(measurement.Uses);
        foreach (var use in uses)
        {
            spans.Add(use.Node.Span);
        }

        return new DelegatePlan(spans.ToArray(), editor =>
        {
            editor.InsertBefore(measurement.Statement, declareStopwatch.WithTrailingTrivia(Trivia.EndOfLine(measurement.Statement)));
            editor.ReplaceNode(measurement.Statement, declareTimeout.WithTrailingTrivia(measurement.Statement.GetTrailingTrivia()));
            foreach (var use in uses)
            {
                var rewritten = use.Node.ReplaceNodes(
                    new[] { use.Clock!, use.Local! },
                    (original, _) => original == use.Clock ? elapsed.WithTriviaFrom(original) : timeout.WithTriviaFrom(original));
                editor.ReplaceNode(use.Node, rewritten);
            }
        });
    }

    /// <summary>The declaration statement with a new name, type (kept as <c>var</c> when it was) and initializer; comments kept.</summary>
    private static LocalDeclarationStatementSyntax Declare(LocalDeclarationStatementSyntax original, ExpressionSyntax type, string name, ExpressionSyntax value)
    {
        var declaration = original.Declaration;
        var typeSyntax = declaration.Type.IsVar ? declaration.Type : SyntaxFactory.ParseTypeName(type.ToString()).WithTriviaFrom(declaration.Type);
        var declarator = declaration.Variables[0];
        var newDeclarator = declarator
            .WithIdentifier(SyntaxFactory.Identifier(name).WithTriviaFrom(declarator.Identifier))
            .WithInitializer(declarator.Initializer!.WithValue(value.WithTriviaFrom(declarator.Initializer.Value)));
        return original.WithDeclaration(declaration.WithType(typeSyntax).WithVariables(SyntaxFactory.SingletonSeparatedList(newDeclarator)));
    }

    private static MemberAccessExpressionSyntax Member(ExpressionSyntax receiver, string name)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(name));

    private static FixPlan Replace(List<(SyntaxNode Node, SyntaxNode Replacement)> replacements)
    {
        var spans = new TextSpan[replacements.Count];
        for (var i = 0; i < replacements.Count; i++)
        {
            spans[i] = replacements[i].Node.Span;
        }

        return new DelegatePlan(spans, editor =>
        {
            foreach (var (node, replacement) in replacements)
            {
                editor.ReplaceNode(node, replacement.WithTriviaFrom(node));
            }
        });
    }

    /// <summary>True when <paramref name="name"/> is in scope at the statement or declared anywhere in its member.</summary>
    private static bool IsNameTaken(FixContext context, SyntaxNode statement, string name)
    {
        if (!context.SemanticModel.LookupSymbols(statement.SpanStart, name: name).IsEmpty)
        {
            return true;
        }

        var member = statement.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? statement.SyntaxTree.GetRoot(context.CancellationToken);
        foreach (var token in member.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }
}
