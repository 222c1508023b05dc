using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SafeWrites.Analyzers.Core;

/// <summary>
/// Every run of identifier characters in one tree's text (identifiers, keywords, numbers) by its spelling, with
/// where it starts: found by one scan of the text and shared by every <see cref="TriggerWords"/> set, which then
/// looks its words up instead of searching the text once per word.
/// </summary>
/// <remarks>
/// A run is kept by its first occurrence in the text (start, length, hash), so the scan allocates one entry per
/// distinct spelling, not a string per run. Kept as long as the tree lives, like the parser's own tree.
/// </remarks>
internal sealed class TextRuns
{
    private const uint HashStart = 2166136261;

    private static readonly ConditionalWeakTable<SyntaxTree, TextRuns> Trees = new();

    private readonly List<Run> _runs = new();
    private int[] _slots = new int[1024];

    private TextRuns(string text)
    {
        Text = text;
        for (var i = 0; i < text.Length;)
        {
            if (!IsIdentifierPart(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hash = HashStart;
            do
            {
                hash = Hash(hash, text[i]);
                i++;
            }
            while (i < text.Length && IsIdentifierPart(text[i]));

            Add(start, i - start, hash);
        }
    }

    /// <summary>The tree's whole text.</summary>
    public string Text { get; }

    /// <summary>The runs of one tree, scanned on first request.</summary>
    public static TextRuns Of(SyntaxTree tree) => Trees.GetValue(tree, static t => new TextRuns(t.GetText().ToString()));

    /// <summary>Where the run spelled exactly <paramref name="word"/> starts, in text order.</summary>
    public IReadOnlyList<int> StartsOf(string word)
    {
        var hash = HashStart;
        foreach (var c in word)
        {
            hash = Hash(hash, c);
        }

        return Find(word, 0, word.Length, hash, out _)?.Starts ?? (IReadOnlyList<int>)Array.Empty<int>();
    }

    /// <summary>
    /// Where a token may begin with <paramref name="prefix"/>: the runs that start with it, or, for a prefix that is
    /// no identifier character (<c>""</c>, <c>[]</c>), every place the text holds it.
    /// </summary>
    public IEnumerable<int> StartsOfPrefix(string prefix)
    {
        if (prefix.Length == 0)
        {
            yield break;
        }

        if (!IsIdentifierPart(prefix[0]))
        {
            for (var at = Text.IndexOf(prefix, StringComparison.Ordinal); at >= 0; at = Text.IndexOf(prefix, at + prefix.Length, StringComparison.Ordinal))
            {
                yield return at;
            }

            yield break;
        }

        foreach (var run in _runs)
        {
            if (run.Length >= prefix.Length && string.CompareOrdinal(Text, run.Start, prefix, 0, prefix.Length) == 0)
            {
                foreach (var start in run.Starts)
                {
                    yield return start;
                }
            }
        }
    }

    /// <summary>Letters, digits and <c>_</c>: what may continue an identifier or a number (ASCII first: most of any source).</summary>
    public static bool IsIdentifierPart(char c)
        => c < 128
            ? (uint)((c | 0x20) - 'a') < 26 || (uint)(c - '0') < 10 || c == '_'
            : char.IsLetterOrDigit(c);

    private static uint Hash(uint hash, char c) => unchecked((hash ^ c) * 16777619);

    private void Add(int start, int length, uint hash)
    {
        if (Find(Text, start, length, hash, out var slot) is { } run)
        {
            run.Starts.Add(start);
            return;
        }

        _runs.Add(new Run(start, length, hash));
        _slots[slot] = _runs.Count;
        if (_runs.Count * 2 > _slots.Length)
        {
            Grow();
        }
    }

    /// <summary>The run spelled like <paramref name="source"/>[offset, offset + length), or null and the free slot where it would go.</summary>
    private Run? Find(string source, int offset, int length, uint hash, out int slot)
    {
        for (slot = (int)hash & (_slots.Length - 1); _slots[slot] != 0; slot = (slot + 1) & (_slots.Length - 1))
        {
            var run = _runs[_slots[slot] - 1];
            if (run.Hash == hash && run.Length == length && string.CompareOrdinal(Text, run.Start, source, offset, length) == 0)
            {
                return run;
            }
        }

        return null;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        for (var i = 0; i < _runs.Count; i++)
        {
            var slot = (int)_runs[i].Hash & (_slots.Length - 1);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }

            _slots[slot] = i + 1;
        }
    }

    /// <summary>One distinct spelling: its first occurrence, and every start.</summary>
    private sealed class Run
    {
        public Run(int start, int length, uint hash)
        {
            Start = start;
            Length = length;
            Hash = hash;
            Starts = new List<int> { start };
        }

        public int Start { get; }

        public int Length { get; }

        public uint Hash { get; }

        public List<int> Starts { get; }
    }
}
