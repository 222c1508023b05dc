using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Resets;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Resets;

/// <summary>
/// SW3001 fix "Reset after the save succeeds": moves the reset statement (with its comments) to directly after
/// the save statement the analyzer names in its additional location (inside the try body when there is one).
/// A <c>finally</c> left empty goes; a <c>try</c> left with neither catch nor finally is unwrapped. Needs no
/// runtime. Resets moved after the same save keep their order, one by one or with Fix All.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StateResetBeforeSaveCodeFixProvider))]
[Shared]
public sealed class StateResetBeforeSaveCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Reset after the save succeeds";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.StateResetBeforeSave);

    private protected override string Title => FixTitle;

    private protected override bool IsAvailable(KnownSymbols symbols) => true;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.ContainsKey(StateResetBeforeSaveAnalyzer.FixableProperty) || diagnostic.AdditionalLocations.Count == 0)
        {
            return null;
        }

        var root = context.Root;
        var start = diagnostic.Location.SourceSpan.Start;
        var targetSpan = diagnostic.AdditionalLocations[0].SourceSpan;
        if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan) || !root.FullSpan.Contains(targetSpan))
        {
            return null;
        }

        var reset = root.FindToken(start).Parent?.AncestorsAndSelf().OfType<ExpressionStatementSyntax>().FirstOrDefault(s => s.SpanStart == start);
        var target = root.FindNode(targetSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault(s => s.Span == targetSpan);
        if (reset is null || target?.Parent is not BlockSyntax block || target.Span.Contains(reset.Span) || reset.Span.Contains(target.Span))
        {
            return null;
        }

        var moved = Reindent(reset, target);
        if (reset.Parent is BlockSyntax { Parent: FinallyClauseSyntax { Parent: TryStatementSyntax @try } } finallyBlock
            && @try.Block.Span.Contains(target.Span)
            && (finallyBlock.Statements.Count == 1 || diagnostic.Properties.ContainsKey(StateResetBeforeSaveAnalyzer.WholeFinallyProperty)))
        {
            return EmptiedFinallyPlan(@try, target, finallyBlock.Statements.Select(statement => Reindent(statement, target)).ToList());
        }

        return new DelegatePlan(new[] { reset.Span }, editor =>
        {
            editor.RemoveNode(reset, SyntaxRemoveOptions.KeepNoTrivia);
            var index = block.Statements.IndexOf(target);
            if (index + 1 < block.Statements.Count)
            {
                // Before the next statement rather than after the save, so that several resets keep their order.
                editor.InsertBefore(block.Statements[index + 1], moved);
            }
            else
            {
                editor.ReplaceNode(block, (current, _) => ((BlockSyntax)current).AddStatements(moved));
            }
        });
    }

    /// <summary>
    /// Every statement of the finally is a reset: they all move after the save, the finally goes, and a try left
    /// bare is unwrapped (the plan covers the whole try, so the other resets' plans are not applied twice).
    /// </summary>
    private static FixPlan EmptiedFinallyPlan(TryStatementSyntax @try, StatementSyntax target, IReadOnlyList<StatementSyntax> moved)
    {
        var tracked = @try.TrackNodes(target);
        var newTry = tracked.InsertNodesAfter(tracked.GetCurrentNode(target)!, moved);
        if (@try.Catches.Count > 0)
        {
            return new ReplaceNodePlan(@try, newTry.WithFinally(null));
        }

        var statements = newTry.Block.Statements.Select(s => (SyntaxNode)s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
        statements[0] = statements[0].WithLeadingTrivia(Trivia.Merge(@try.GetLeadingTrivia(), statements[0].GetLeadingTrivia()));
        return new DelegatePlan(new[] { @try.Span }, editor =>
        {
            editor.InsertBefore(@try, statements);
            editor.RemoveNode(@try, SyntaxRemoveOptions.KeepNoTrivia);
        });
    }

    /// <summary>The reset with its comments, each line indented like <paramref name="target"/>; blank lines before it stay behind.</summary>
    private static StatementSyntax Reindent(StatementSyntax reset, StatementSyntax target)
    {
        var indentation = Trivia.Indentation(target);
        var leading = new List<SyntaxTrivia>();
        var atLineStart = true;
        foreach (var trivia in reset.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia) && atLineStart)
            {
                continue;
            }

            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                if (leading.Count > 0)
                {
                    leading.Add(trivia);
                }

                atLineStart = true;
                continue;
            }

            if (atLineStart)
            {
                leading.AddRange(indentation);
            }

            leading.Add(trivia);
            atLineStart = false;
        }

        if (atLineStart)
        {
            leading.AddRange(indentation);
        }

        var trailing = reset.GetTrailingTrivia();
        if (!trailing.Any(SyntaxKind.EndOfLineTrivia))
        {
            trailing = trailing.Add(Trivia.EndOfLine(target));
        }

        return reset.WithLeadingTrivia(leading).WithTrailingTrivia(trailing);
    }
}
