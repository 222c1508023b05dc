using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SafeWrites.Analyzers.Core;

/// <summary>
/// A set of words (identifiers such as <c>WriteAllText</c>, keywords such as <c>while</c>) whose occurrences in a syntax
/// tree are found by searching the tree's text, not by walking its tokens: the families' cheapest filter. Each text hit
/// is checked against the token the parser made there, so a word inside a comment, a string or a longer identifier does
/// not count. Found once per tree (kept as long as the tree lives, so across the compilations of an IDE session).
/// </summary>
/// <remarks>
/// Walking the tokens of every body of a compilation, once per family, cost more than the families' real work; so
/// did searching the text once per word (<see cref="string.IndexOf(string, StringComparison)"/>, a third of the
/// analyzers' time on the generated corpus). The text is scanned once per tree into <see cref="TextRuns"/>, shared
/// by every set, and a set looks its words up there. Identifiers written with Unicode escapes (<c>\u0046ile</c>) are not found.
/// </remarks>
internal sealed class TriggerWords
{
    private readonly string[] _words;
    private readonly string[] _prefixes;
    private readonly Func<SyntaxToken, bool>? _accept;
    private readonly ConditionalWeakTable<SyntaxTree, WordIndex> _trees = new();

    /// <param name="words">Whole words: identifiers (matched by value, also as <c>@word</c>) and keywords.</param>
    /// <param name="prefixes">Beginnings of tokens (<c>Wait</c> for <c>WaitOne</c>, <c>0</c> for <c>0L</c>): any token that starts there is a candidate.</param>
    /// <param name="accept">Says which candidate tokens count (all whole words when null; a prefix needs it).</param>
    public TriggerWords(IEnumerable<string> words, IEnumerable<string>? prefixes = null, Func<SyntaxToken, bool>? accept = null)
    {
        _words = words.Distinct(StringComparer.Ordinal).ToArray();
        _prefixes = prefixes?.Distinct(StringComparer.Ordinal).ToArray() ?? Array.Empty<string>();
        _accept = accept;
    }

    /// <summary>The occurrences in one tree, found on first request.</summary>
    public WordIndex In(SyntaxTree tree) => _trees.GetValue(tree, Find);

    /// <summary>True when the node's span holds one of the words.</summary>
    public bool AnyIn(SyntaxNode node) => In(node.SyntaxTree).AnyIn(node.Span);

    /// <summary>
    /// The method declarations of the trees whose body (or expression body) holds one of the words, each once, with
    /// that body: found from the words' places, so no declaration or body is walked.
    /// </summary>
    public IEnumerable<(MethodDeclarationSyntax Method, SyntaxNode Body)> MethodsNaming(IEnumerable<SyntaxTree> trees)
    {
        foreach (var tree in trees)
        {
            MethodDeclarationSyntax? last = null;
            foreach (var token in In(tree).TokensIn(tree.GetRoot().FullSpan))
            {
                if (token.Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method
                    && method != last
                    && (method.Body ?? (SyntaxNode?)method.ExpressionBody) is { } body
                    && body.Span.Contains(token.Span))
                {
                    last = method;
                    yield return (method, body);
                }
            }
        }
    }

    private WordIndex Find(SyntaxTree tree)
    {
        var runs = TextRuns.Of(tree);
        var root = tree.GetRoot();
        var starts = new List<int>();
        foreach (var word in _words)
        {
            AddHits(runs.Text, root, word, runs.StartsOf(word), wholeWord: true, starts);
        }

        foreach (var prefix in _prefixes)
        {
            AddHits(runs.Text, root, prefix, runs.StartsOfPrefix(prefix), wholeWord: false, starts);
        }

        starts.Sort();
        return new WordIndex(tree, starts.Distinct().ToArray());
    }

    private void AddHits(string text, SyntaxNode root, string word, IEnumerable<int> hits, bool wholeWord, List<int> starts)
    {
        foreach (var at in hits)
        {
            var token = root.FindToken(at);
            var verbatim = at > 0 && token.SpanStart == at - 1 && text[at - 1] == '@';
            if (token.SpanStart != at && !verbatim)
            {
                // In trivia (a comment, a directive) or inside another token (a string).
                continue;
            }

            var candidate = wholeWord
                ? token.Span.Length == word.Length + (verbatim ? 1 : 0) && (token.IsKind(SyntaxKind.IdentifierToken) || SyntaxFacts.IsKeywordKind(token.Kind()))
                : _accept is not null;
            if (candidate && _accept?.Invoke(token) != false)
            {
                starts.Add(token.SpanStart);
            }
        }
    }
}

/// <summary>Where one <see cref="TriggerWords"/> set occurs in one tree: the sorted starts of its tokens.</summary>
internal sealed class WordIndex
{
    private readonly SyntaxTree _tree;
    private readonly int[] _starts;

    public WordIndex(SyntaxTree tree, int[] starts)
    {
        _tree = tree;
        _starts = starts;
    }

    public bool IsEmpty => _starts.Length == 0;

    /// <summary>True when a word starts inside the span.</summary>
    public bool AnyIn(TextSpan span)
    {
        var first = FirstAtOrAfter(span.Start);
        return first < _starts.Length && _starts[first] < span.End;
    }

    /// <summary>The tokens of the words inside the span, in source order.</summary>
    public IEnumerable<SyntaxToken> TokensIn(TextSpan span)
    {
        var root = _tree.GetRoot();
        for (var i = FirstAtOrAfter(span.Start); i < _starts.Length && _starts[i] < span.End; i++)
        {
            yield return root.FindToken(_starts[i]);
        }
    }

    private int FirstAtOrAfter(int position)
    {
        var index = Array.BinarySearch(_starts, position);
        return index >= 0 ? index : ~index;
    }
}
