using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SafeWrites.Analyzers.Tests.Core;

/// <summary>
/// Real code has comments everywhere, and fixes that remove or merge statements must carry them. Every test source
/// of this project that compiles gets a comment line above each of its lines; every fix every shipped fixer offers
/// on it is applied, and must not throw, must compile as well as the source did, and must keep every comment.
/// </summary>
public class CodeFixCommentsTests
{
    private static readonly Regex NoteLine = new(@"^\s*// note \d+\s*$", RegexOptions.Multiline);

    private readonly ITestOutputHelper _output;

    public CodeFixCommentsTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Fixes_keep_every_comment_and_compile_when_comments_stand_above_every_line()
    {
        var providers = AnalyzerCatalog.CodeFixTypes.Select(type => (CodeFixProvider)Activator.CreateInstance(type)!).ToArray();
        var failures = new ConcurrentBag<string>();
        var applied = 0;
        var sources = AnalyzerCatalog.TestSources().Select(WithNotes).Distinct().ToList();
        await Parallel.ForEachAsync(sources, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (source, _) =>
        {
            try
            {
                Interlocked.Add(ref applied, await ApplyEveryFixAsync(source, providers, failures));
            }
            catch (Exception exception)
            {
                failures.Add($"{exception}\n--- source ---\n{source}");
            }
        });

        _output.WriteLine($"{sources.Count} sources with notes, {applied} fixes applied, {failures.Count} failures");
        Assert.True(failures.IsEmpty, string.Join("\n\n=====\n\n", failures.Take(12)));
        Assert.True(applied >= 50, $"only {applied} fixes were applied: the harness does not reach the fixers");
    }

    [Fact]
    public void Notes_go_above_every_line_but_not_into_strings()
    {
        var source = "class C\n{\n    string s = @\"a\n    b\";\n    void M() { }\n}";
        var noted = WithNotes(source);
        Assert.Equal(5, NoteLine.Matches(noted).Count);
        Assert.Contains("@\"a\n    b\"", noted, StringComparison.Ordinal);
    }

    /// <summary>The source with <c>// note N</c> on its own line above each line that starts outside a string or comment.</summary>
    private static string WithNotes(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var text = tree.GetText();
        var root = tree.GetRoot();
        var lines = new List<string>();
        var note = 0;
        foreach (var line in text.Lines)
        {
            var content = line.ToString();
            var firstNonSpace = content.Length - content.TrimStart().Length;
            var position = line.Start + firstNonSpace;
            if (content.Trim().Length > 0 && !IsInsideTokenOrComment(root, position))
            {
                lines.Add(content.Substring(0, firstNonSpace) + "// note " + ++note);
            }

            lines.Add(content);
        }

        return string.Join("\n", lines);
    }

    private static bool IsInsideTokenOrComment(SyntaxNode root, int position)
    {
        var token = root.FindToken(position, findInsideTrivia: true);
        if (token.SpanStart < position && position < token.Span.End)
        {
            return true; // a multi-line string
        }

        var trivia = root.FindTrivia(position, findInsideTrivia: true);
        return trivia.SpanStart < position && position < trivia.Span.End || trivia.IsDirective;
    }

    private static async Task<int> ApplyEveryFixAsync(string source, CodeFixProvider[] providers, ConcurrentBag<string> failures)
    {
        using var workspace = new AdhocWorkspace();
        var document = FixHarness.CreateDocument(workspace, source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var errorsBefore = Errors(compilation);
        if (errorsBefore.Count > 0)
        {
            return 0; // a snippet that does not compile on its own: "compiles as well as before" says too little
        }

        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var lines = source.Split('\n');
        var applied = 0;
        foreach (var diagnostic in diagnostics)
        {
            foreach (var (provider, action) in await FixHarness.ActionsAsync(document, diagnostic, providers))
            {
                var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
                var fixedDocument = changed.GetDocument(document.Id)!;
                var fixedText = (await fixedDocument.GetTextAsync()).ToString();
                var what = $"{provider.GetType().Name} '{action.Title}' on {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition}";
                var lost = LostNotes(lines, fixedText, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
                if (lost.Count > 0)
                {
                    failures.Add($"{what} lost {string.Join(", ", lost)}\n--- fixed ---\n{fixedText}");
                }

                var errorsAfter = Errors((await fixedDocument.Project.GetCompilationAsync())!);
                if (errorsAfter.Count > 0)
                {
                    failures.Add($"{what} does not compile: {string.Join("; ", errorsAfter)}\n--- fixed ---\n{fixedText}");
                }

                applied++;
            }
        }

        return applied;
    }

    /// <summary>
    /// The notes that had to stay but are gone: the one above the reported line, and those above lines the fix
    /// keeps as they were. Notes inside code the fix deletes or rewrites (a lock loop's retry machinery) may go.
    /// </summary>
    private static List<string> LostNotes(string[] lines, string fixedText, int reportedLine)
    {
        var before = CountLines(lines);
        var after = CountLines(fixedText.Split('\n'));
        var lost = new List<string>();
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var note = lines[i].Trim();
            var code = lines[i + 1].Trim();

            // Kept as it was: every copy of the line is still there ("{" and "}" move with their blocks).
            var kept = code.Length > 1 && after.TryGetValue(code, out var copies) && copies == before[code];
            if (NoteLine.IsMatch(lines[i]) && (i + 1 == reportedLine || kept) && !after.ContainsKey(note))
            {
                lost.Add(note);
            }
        }

        return lost;
    }

    /// <summary>How often each line (trimmed) occurs.</summary>
    private static Dictionary<string, int> CountLines(IEnumerable<string> lines)
    {
        var counts = new Dictionary<string, int>();
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            counts[trimmed] = counts.TryGetValue(trimmed, out var count) ? count + 1 : 1;
        }

        return counts;
    }

    private static List<string> Errors(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
}
