using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeWrites.CodeFixes.Core;

/// <summary>Trivia helpers so that inserted code keeps the file's line endings and indentation.</summary>
internal static class Trivia
{
    public static SyntaxTrivia EndOfLine(SyntaxNode node)
    {
        foreach (var trivia in node.SyntaxTree.GetRoot().DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.LineFeed;
    }

    /// <summary>The indentation of the line <paramref name="node"/> starts on (the whitespace before its first token).</summary>
    public static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        if (leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            return SyntaxFactory.TriviaList(leading[leading.Count - 1]);
        }

        return SyntaxTriviaList.Empty;
    }

    /// <summary>True when the trivia holds a comment or a directive worth keeping when its node is removed.</summary>
    public static bool HasComments(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (!item.IsKind(SyntaxKind.WhitespaceTrivia) && !item.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Leading trivia for a statement that takes the place of a removed one: the removed statement's trivia
    /// (comments, then indentation) followed by the kept one's comments (its own indentation dropped).
    /// </summary>
    public static SyntaxTriviaList Merge(SyntaxTriviaList removed, SyntaxTriviaList kept)
    {
        var start = 0;
        while (start < kept.Count && kept[start].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start++;
        }

        var result = removed;
        if (start == kept.Count)
        {
            return result;
        }

        for (var i = start; i < kept.Count; i++)
        {
            result = result.Add(kept[i]);
        }

        return result;
    }

    /// <summary>
    /// The kept statement's leading trivia with every comment of the removed statements as lines of its own: those
    /// above it first, those below it after its own comments.
    /// </summary>
    public static SyntaxTriviaList LeadingWithCommentsOf(StatementSyntax kept, List<StatementSyntax> removed)
    {
        var indentation = Trivia.Indentation(kept);
        var endOfLine = Trivia.EndOfLine(kept);
        var before = new List<SyntaxTrivia>();
        var after = new List<SyntaxTrivia>();
        removed.Sort((a, b) => a.SpanStart.CompareTo(b.SpanStart));
        foreach (var statement in removed)
        {
            foreach (var trivia in statement.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    var lines = statement.SpanStart < kept.SpanStart ? before : after;
                    lines.AddRange(indentation);
                    lines.Add(trivia);
                    lines.Add(endOfLine);
                }
            }
        }

        var own = kept.GetLeadingTrivia();
        var end = own.Count;
        while (end > 0 && own[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            end--;
        }

        var result = new List<SyntaxTrivia>(before);
        for (var i = 0; i < end; i++)
        {
            result.Add(own[i]);
        }

        result.AddRange(after);
        result.AddRange(indentation);
        return SyntaxFactory.TriviaList(result);
    }
}
