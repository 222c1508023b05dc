using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace SafeWrites.CodeFixes.Core;

/// <summary>Statement-level edits shared by the fixes; each keeps comments and the file's indentation.</summary>
internal static class Edits
{
    /// <summary>
    /// Replaces a using statement (stacked usings included) by the statements of its body. <paramref name="replace"/>
    /// maps body statements to their replacement, or to null to drop them (their comments move to the next one).
    /// </summary>
    public static void UnwrapUsingStatement(DocumentEditor editor, UsingStatementSyntax usingStatement, BlockSyntax body, IReadOnlyDictionary<SyntaxNode, SyntaxNode?> replace)
    {
        var statements = new List<SyntaxNode>(body.Statements.Count);

        // Comments above the stacked usings and the body's braces go with the body's statements.
        var pendingTrivia = usingStatement.GetLeadingTrivia();
        for (var inner = usingStatement.Statement as UsingStatementSyntax; inner is not null; inner = inner.Statement as UsingStatementSyntax)
        {
            pendingTrivia = MergeComments(pendingTrivia, inner.GetLeadingTrivia());
        }

        pendingTrivia = MergeComments(pendingTrivia, body.OpenBraceToken.LeadingTrivia);
        foreach (var original in body.Statements)
        {
            SyntaxNode? statement = original;
            if (replace.TryGetValue(original, out var replacement))
            {
                statement = replacement;
            }

            if (statement is null)
            {
                pendingTrivia = Trivia.Merge(pendingTrivia, original.GetLeadingTrivia());
                continue;
            }

            if (statements.Count == 0 || Trivia.HasComments(pendingTrivia))
            {
                statement = statement.WithLeadingTrivia(Trivia.Merge(pendingTrivia, statement.GetLeadingTrivia()));
                pendingTrivia = SyntaxTriviaList.Empty;
            }

            statements.Add(statement.WithAdditionalAnnotations(Formatter.Annotation));
        }

        // A one-line using (`using (…) { w.Write(x); }`) has no line ending inside its braces: take the using's.
        if (statements.Count > 0 && !statements[statements.Count - 1].GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia))
        {
            statements[statements.Count - 1] = statements[statements.Count - 1].WithTrailingTrivia(usingStatement.GetTrailingTrivia());
        }

        // Comments above the closing brace follow the last statement, on their own lines.
        var closing = body.CloseBraceToken.LeadingTrivia;
        if (statements.Count > 0 && Trivia.HasComments(closing))
        {
            var lastLineEnd = closing.Count - 1;
            while (lastLineEnd >= 0 && !closing[lastLineEnd].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lastLineEnd--;
            }

            var last = statements[statements.Count - 1];
            statements[statements.Count - 1] = last.WithTrailingTrivia(last.GetTrailingTrivia().AddRange(closing.Take(lastLineEnd + 1)));
        }

        editor.InsertBefore(usingStatement, statements);
        editor.RemoveNode(usingStatement, SyntaxRemoveOptions.KeepNoTrivia);
    }

    private static SyntaxTriviaList MergeComments(SyntaxTriviaList pending, SyntaxTriviaList more)
        => Trivia.HasComments(more) ? Trivia.Merge(pending, more) : pending;

    /// <summary>
    /// Removes <paramref name="statements"/> of <paramref name="block"/>; the comments above each move to the next
    /// statement that stays. One edit per kept statement: editing a node that is removed too would fail the fix.
    /// </summary>
    public static void RemoveStatementsKeepingComments(DocumentEditor editor, BlockSyntax block, IReadOnlyCollection<StatementSyntax> statements)
    {
        var removed = new HashSet<StatementSyntax>(statements);
        var pendingComments = SyntaxTriviaList.Empty;
        foreach (var statement in block.Statements)
        {
            if (removed.Contains(statement))
            {
                var leading = statement.GetLeadingTrivia();
                if (Trivia.HasComments(leading))
                {
                    pendingComments = pendingComments.Count == 0 ? leading : Trivia.Merge(pendingComments, leading);
                }

                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            }
            else if (pendingComments.Count > 0)
            {
                var comments = pendingComments;
                editor.ReplaceNode(statement, (current, _) => current.WithLeadingTrivia(Trivia.Merge(comments, current.GetLeadingTrivia())));
                pendingComments = SyntaxTriviaList.Empty;
            }
        }
    }

    /// <summary>Inserts <paramref name="statements"/> (text) after <paramref name="anchor"/>, on their own lines at its indentation.</summary>
    public static void InsertAfter(DocumentEditor editor, StatementSyntax anchor, IEnumerable<string> statements)
    {
        var indentation = Trivia.Indentation(anchor);
        var endOfLine = Trivia.EndOfLine(anchor);
        var nodes = new List<SyntaxNode>();
        foreach (var text in statements)
        {
            nodes.Add(SyntaxFactory.ParseStatement(text).WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine));
        }

        editor.InsertAfter(anchor, nodes);
    }
}
