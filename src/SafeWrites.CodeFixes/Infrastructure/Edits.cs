using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace SafeWrites.CodeFixes.Infrastructure;

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
        var pendingTrivia = usingStatement.GetLeadingTrivia();
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
                statement = statement.WithLeadingTrivia(Trivia.Merge(statements.Count == 0 ? pendingTrivia : pendingTrivia, statement.GetLeadingTrivia()));
                pendingTrivia = SyntaxTriviaList.Empty;
            }

            statements.Add(statement.WithAdditionalAnnotations(Formatter.Annotation));
        }

        editor.InsertBefore(usingStatement, statements);
        editor.RemoveNode(usingStatement, SyntaxRemoveOptions.KeepNoTrivia);
    }

    /// <summary>Removes a statement; comments in its leading trivia move to the statement after it.</summary>
    public static void RemoveStatementKeepingComments(DocumentEditor editor, StatementSyntax statement, BlockSyntax block)
    {
        var leading = statement.GetLeadingTrivia();
        var index = block.Statements.IndexOf(statement);
        if (Trivia.HasComments(leading) && index >= 0 && index + 1 < block.Statements.Count)
        {
            editor.ReplaceNode(
                block.Statements[index + 1],
                (current, _) => current.WithLeadingTrivia(Trivia.Merge(leading, current.GetLeadingTrivia())));
        }

        editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
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
