using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>Prints the results as Markdown tables (pasted into docs/benchmarks.md as is) and the ratio lines CI logs quote.</summary>
public static class Report
{
    /// <summary>
    /// Linear when the cost per 1k lines at the largest size is at most this times the cost at the smallest: growth
    /// worse than linear shows as a rising cost per line. (The spread between sizes is noise on a shared machine.)
    /// </summary>
    public const double LinearGrowth = 1.25;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(CostReport report, TextWriter output)
    {
        output.WriteLine($"Corpus: {report.CorpusDescription}; {report.Lines.ToString("N0", Invariant)} lines in {report.Files.ToString("N0", Invariant)} files");
        output.WriteLine($"Runs: {report.Runs} measured after 1 warm-up, median; compiler and analyzer driver single-threaded");
        if (report.Planted.Count > 0)
        {
            output.WriteLine("Planted: " + string.Join(", ", report.Planted.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")));
        }

        output.WriteLine();
        output.WriteLine("| Measured | Rules | Median ms | Min–max ms | % of compiler | Diagnostics | Planted |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        output.WriteLine($"| Compiler `GetDiagnostics()` (baseline) | | {Ms(report.CompilerMs)} | {Range(report.CompilerRange)} | 100.00% | {report.CompilerErrors.Count} errors | |");
        foreach (var analyzer in report.SafeWrites)
        {
            WriteAnalyzerRow(report, analyzer, analyzer.Name, output);
        }

        var safeWritesRules = report.SafeWrites.SelectMany(a => a.RuleIds).ToList();
        output.WriteLine($"| **All SafeWrites analyzers** | {string.Join(", ", safeWritesRules)} | **{Ms(report.SafeWritesMs)}** | {Range(report.SafeWritesRange)} | **{Percent(report.SafeWritesMs, report.CompilerMs)}** | {Count(report.Reported, safeWritesRules)} | {Count(report.Planted, safeWritesRules)} |");
        foreach (var analyzer in report.Analyzers.Where(a => !a.IsSafeWrites))
        {
            WriteAnalyzerRow(report, analyzer, analyzer.Name + " (peer, BannedApiAnalyzers)", output);
        }

        output.WriteLine();
        foreach (var failure in report.AnalyzerFailures.Concat(report.CompilerErrors.Take(10)))
        {
            output.WriteLine("warning: " + failure);
        }

        foreach (var line in RatioLines(report))
        {
            output.WriteLine(line);
        }
    }

    /// <summary><c>safewrites/compiler = 0.0268</c>, then <c>SWnnnn/RS0030 = 0.32</c> for every SafeWrites rule.</summary>
    public static IEnumerable<string> RatioLines(CostReport report)
    {
        yield return "safewrites/compiler = " + report.SafeWritesPerCompiler.ToString("0.0000", Invariant);
        foreach (var ruleId in report.SafeWrites.SelectMany(a => a.RuleIds).OrderBy(id => id, StringComparer.Ordinal))
        {
            yield return $"{ruleId}/{PeerAnalyzers.BannedApiRuleId} = " + report.RulePerBannedApi(ruleId).ToString("0.00", Invariant);
        }
    }

    public static void WriteScaling(IReadOnlyList<CostReport> reports, TextWriter output)
    {
        output.WriteLine("| Lines | Files | Compiler ms | SafeWrites ms | Compiler ms / 1k lines | SafeWrites ms / 1k lines | safewrites/compiler |");
        output.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var report in reports)
        {
            output.WriteLine($"| {report.Lines.ToString("N0", Invariant)} | {report.Files.ToString("N0", Invariant)} | {Ms(report.CompilerMs)} | {Ms(report.SafeWritesMs)} " +
                             $"| {PerThousandLines(report.CompilerMs, report).ToString("0.00", Invariant)} | {PerThousandLines(report.SafeWritesMs, report).ToString("0.00", Invariant)} " +
                             $"| {report.SafeWritesPerCompiler.ToString("0.0000", Invariant)} |");
        }

        output.WriteLine();
        output.WriteLine(LinearityLine("safewrites", reports.Select(r => PerThousandLines(r.SafeWritesMs, r)).ToList()));
        output.WriteLine(LinearityLine("compiler", reports.Select(r => PerThousandLines(r.CompilerMs, r)).ToList()));
    }

    /// <summary>The verdict line: cost per 1k lines at the largest size against the smallest, and the spread in between.</summary>
    public static string LinearityLine(string what, IReadOnlyList<double> msPerThousandLines)
    {
        var growth = msPerThousandLines[^1] / msPerThousandLines[0];
        var spread = msPerThousandLines.Max() / msPerThousandLines.Min();
        var verdict = growth <= LinearGrowth ? "linear" : "NOT linear";
        return $"scaling {what}: {verdict} (ms per 1k lines {Fixed2(msPerThousandLines[0])} at the smallest size, {Fixed2(msPerThousandLines[^1])} at the largest: " +
               $"{Fixed2(growth)}x, linear means <= {Fixed2(LinearGrowth)}x; spread across sizes {Fixed2(spread)}x)";
    }

    private static string Fixed2(double value) => value.ToString("0.00", Invariant);

    private static void WriteAnalyzerRow(CostReport report, AnalyzerCost analyzer, string label, TextWriter output)
        => output.WriteLine($"| {label} | {string.Join(", ", analyzer.RuleIds)} | {Ms(analyzer.MedianMs)} | {Range((analyzer.MinMs, analyzer.MaxMs))} | {Percent(analyzer.MedianMs, report.CompilerMs)} " +
                            $"| {Count(report.Reported, analyzer.RuleIds)} | {Count(report.Planted, analyzer.RuleIds)} |");

    private static double PerThousandLines(double ms, CostReport report) => ms * 1000 / report.Lines;

    private static string Ms(double ms) => ms.ToString("N1", Invariant);

    private static string Range((double Min, double Max) range) => Ms(range.Min) + "–" + Ms(range.Max);

    private static string Percent(double part, double whole) => (part / whole).ToString("P2", Invariant).Replace(" ", "", StringComparison.Ordinal);

    private static string Count(IReadOnlyDictionary<string, int> counts, IEnumerable<string> ruleIds)
        => counts.Count == 0 ? "" : ruleIds.Sum(id => counts.TryGetValue(id, out var n) ? n : 0).ToString(Invariant);
}
