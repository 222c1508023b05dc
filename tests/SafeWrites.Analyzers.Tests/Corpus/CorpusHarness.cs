using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SafeWrites.Analyzers.Tests.Verifiers;
using Xunit;

namespace SafeWrites.Analyzers.Tests.Corpus;

/// <summary>
/// Shared by the corpus tests: reads the <c>{|SWnnnn:…|}</c> labels out of a snippet and runs analyzers over it as a
/// stand-alone compilation (.NET 8 + Newtonsoft.Json, C# 12, nullable enabled; top-level statements make it a console
/// application).
/// </summary>
internal static class CorpusHarness
{
    private static readonly Regex Markup = new(@"\{\|(?<id>SW\d{4}):(?<text>.*?)\|\}", RegexOptions.Singleline | RegexOptions.Compiled);

    /// <summary>The snippet without its labels, and each label's rule and span (the first line of the marked text).</summary>
    public static (string Source, List<(string Id, TextSpan Span)> Expected) Parse(string marked)
    {
        var expected = new List<(string, TextSpan)>();
        var builder = new StringBuilder();
        var last = 0;
        foreach (Match match in Markup.Matches(marked))
        {
            builder.Append(marked, last, match.Index - last);
            var text = match.Groups["text"].Value;
            var start = builder.Length;
            builder.Append(text);

            // The rules squiggle the first line of a multi-line construct.
            var firstLine = text.IndexOf('\n') is var newline and >= 0 ? text.Substring(0, newline).TrimEnd() : text;
            expected.Add((match.Groups["id"].Value, new TextSpan(start, firstLine.Length)));
            last = match.Index + match.Length;
        }

        builder.Append(marked, last, marked.Length - last);
        return (builder.ToString(), expected);
    }

    public static CSharpCompilation Compile(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12));
        var isScript = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        return CSharpCompilation.Create(
            "Corpus",
            new[] { tree },
            TestReferences.Net80.Add(TestReferences.Newtonsoft),
            new CSharpCompilationOptions(isScript ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static IReadOnlyList<Diagnostic> CompileErrors(string source)
        => Compile(source).GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>The analyzers' diagnostics on <paramref name="source"/>, which has to compile (the corpus is real code).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string name, string source, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyDictionary<string, string>? options = null)
    {
        var compilation = Compile(source);
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"[{name}] does not compile: {string.Join("; ", errors)}");

        var withAnalyzers = options is null
            ? compilation.WithAnalyzers(analyzers)
            : compilation.WithAnalyzers(analyzers, Infrastructure.GlobalAnalyzerOptions.Create(options));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}
