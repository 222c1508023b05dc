using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>One SafeWrites diagnostic, in the words a person judging it needs: where, the line, what the rule said.</summary>
public sealed record Finding(string RuleId, string Path, int Line, string SourceLine, string Message)
{
    public static Finding From(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var line = span.StartLinePosition.Line;
        var text = diagnostic.Location.SourceTree?.GetText();
        var source = text is not null && line < text.Lines.Count ? text.Lines[line].ToString().Trim() : "";
        return new Finding(diagnostic.Id, span.Path, line + 1, source, diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The <c>--findings</c> file: per-rule counts, then one finding a line, tab-separated
/// (rule, path:line, the source line trimmed, the message), ordered by rule, path and line.
/// </summary>
public static class FindingsReport
{
    public static IReadOnlyList<Finding> Collect(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.Select(Finding.From)
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ToList();

    public static void Write(Corpus corpus, int compilerErrors, IEnumerable<string> ruleIds, IEnumerable<Diagnostic> diagnostics, TextWriter output)
    {
        var findings = Collect(diagnostics);
        output.WriteLine($"# SafeWrites findings: {corpus.Description}; {corpus.LineCount.ToString("N0", CultureInfo.InvariantCulture)} lines in {corpus.Files.Count} files; {compilerErrors} compiler errors");
        var counts = findings.GroupBy(f => f.RuleId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var ruleId in ruleIds.OrderBy(id => id, StringComparer.Ordinal))
        {
            output.WriteLine($"# {ruleId}: {counts.GetValueOrDefault(ruleId)}");
        }

        foreach (var f in findings)
        {
            output.WriteLine($"{f.RuleId}\t{f.Path}:{f.Line}\t{OneLine(f.SourceLine)}\t{OneLine(f.Message)}");
        }
    }

    private static string OneLine(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}

/// <summary>The <c>--runs 0 --findings FILE</c> path: one analyzer pass for the findings, no timing.</summary>
public static class FindingsRun
{
    public static (IReadOnlyList<Diagnostic> Findings, int CompilerErrors, IReadOnlyList<string> Failures) Run(Corpus corpus, CompilationSetup setup)
    {
        var failures = new List<string>();
        var analyzers = AnalyzerCostBenchmark.SafeWritesAnalyzers();
        var compilation = AnalyzerCostBenchmark.NewCompilation(AnalyzerCostBenchmark.Parse(corpus, setup), setup);
        var withAnalyzers = AnalyzerCostBenchmark.WithAnalyzers(compilation, analyzers, setup.AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), failures);
        var all = withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var ruleIds = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        failures.AddRange(all.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
        return (all.Where(d => ruleIds.Contains(d.Id)).ToList(), all.Count(d => d.Severity == DiagnosticSeverity.Error && !ruleIds.Contains(d.Id)), failures);
    }
}
