using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>What the IDE path cost: medians over the runs, in ms.</summary>
public sealed record IdeReport(
    string CorpusDescription,
    int Lines,
    int Files,
    string Document,
    int DocumentLines,
    int Runs,
    double CompilerMs,
    double SafeWritesWallMs,
    double SafeWritesExecutionMs,
    double PeerWallMs,
    int SafeWritesDiagnostics,
    IReadOnlyList<string> Failures)
{
    /// <summary>The target of issue 12: at most 2× the compiler's own diagnostics of the document.</summary>
    public double SafeWritesPerCompiler => SafeWritesWallMs / CompilerMs;
}

/// <summary>
/// The IDE path: after an edit, the IDE forks the compilation and asks for one document's diagnostics. Each run builds
/// a fresh compilation with the edited document (nothing bound survives from the last run), then times either the
/// compiler's <c>SemanticModel.GetDiagnostics()</c> for that document, or, on another fresh compilation,
/// <c>CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, span)</c> over the whole document. The
/// analyzer side is wall-clock: it includes the driver binding the document and whatever the rules compute about
/// the rest of the compilation (method summaries), i.e. more than the analyzers' own execution time, also shown.
/// </summary>
public static class IdePathBenchmark
{
    public static IdeReport Measure(Corpus corpus, int runs, CompilationSetup setup, Action<string>? progress = null)
    {
        var trees = AnalyzerCostBenchmark.Parse(corpus, setup);
        var document = PickDocument(trees);
        // The edit: one line typed into the document (a new tree, so a new compilation, as in the IDE).
        var edited = document.WithChangedText(document.GetText().Replace(document.GetText().Length, 0, "\n// edited\n"));
        trees = trees.Replace(document, edited);
        var span = edited.GetRoot().FullSpan;
        var safeWrites = AnalyzerCostBenchmark.SafeWritesAnalyzers();
        var peer = PeerAnalyzers.LoadBannedApiAnalyzers();
        var options = setup.AnalyzerOptions(ImmutableArray.Create(PeerAnalyzers.BannedSymbols()));
        var failures = new List<string>();

        double Compiler()
        {
            var model = AnalyzerCostBenchmark.NewCompilation(trees, setup).GetSemanticModel(edited);
            AnalyzerCostBenchmark.Collect();
            var stopwatch = Stopwatch.StartNew();
            model.GetDiagnostics();
            return stopwatch.Elapsed.TotalMilliseconds;
        }

        (double Wall, double Execution, int Count) Analyzers(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var withAnalyzers = AnalyzerCostBenchmark.WithAnalyzers(AnalyzerCostBenchmark.NewCompilation(trees, setup), analyzers, options, failures);
            var model = withAnalyzers.Compilation.GetSemanticModel(edited);
            AnalyzerCostBenchmark.Collect();
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, span, CancellationToken.None).GetAwaiter().GetResult();
            var wall = stopwatch.Elapsed.TotalMilliseconds;
            var execution = analyzers.Sum(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
            failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
            return (wall, execution, diagnostics.Length);
        }

        progress?.Invoke("warm-up");
        Compiler();
        Analyzers(safeWrites);
        Analyzers(peer);
        var compiler = new List<double>();
        var wall = new List<double>();
        var execution = new List<double>();
        var peerWall = new List<double>();
        var count = 0;
        for (var run = 1; run <= runs; run++)
        {
            progress?.Invoke($"run {run}/{runs}");
            compiler.Add(Compiler());
            var sw = Analyzers(safeWrites);
            wall.Add(sw.Wall);
            execution.Add(sw.Execution);
            count = sw.Count;
            peerWall.Add(Analyzers(peer).Wall);
        }

        return new IdeReport(
            corpus.Description, corpus.LineCount, corpus.Files.Count, edited.FilePath, Corpus.CountLines(edited.GetText().ToString()), runs,
            AnalyzerCostBenchmark.Median(compiler), AnalyzerCostBenchmark.Median(wall), AnalyzerCostBenchmark.Median(execution),
            AnalyzerCostBenchmark.Median(peerWall), count, failures.Distinct().ToList());
    }

    /// <summary>The largest document, the middle one among equals (the generator's files are all about one size).</summary>
    private static SyntaxTree PickDocument(ImmutableArray<SyntaxTree> trees)
    {
        var byLines = trees.Select(t => (Tree: t, Lines: t.GetText().Lines.Count)).ToList();
        var largest = byLines.Max(t => t.Lines);
        var candidates = byLines.Where(t => t.Lines >= largest * 9 / 10).ToList();
        return candidates[candidates.Count / 2].Tree;
    }

    public static void Write(IdeReport report, TextWriter output)
    {
        string Ms(double ms) => ms.ToString("N1", CultureInfo.InvariantCulture);
        output.WriteLine();
        output.WriteLine($"Corpus: {report.CorpusDescription}; {report.Lines.ToString("N0", CultureInfo.InvariantCulture)} lines in {report.Files} files");
        output.WriteLine($"Edited document: {report.Document}, {report.DocumentLines.ToString("N0", CultureInfo.InvariantCulture)} lines; runs: {report.Runs} after 1 warm-up, median; a fresh compilation each");
        output.WriteLine();
        output.WriteLine("| Measured (one document) | Median ms | × compiler |");
        output.WriteLine("|---|---:|---:|");
        output.WriteLine($"| Compiler `SemanticModel.GetDiagnostics()` (baseline) | {Ms(report.CompilerMs)} | 1.00 |");
        output.WriteLine($"| SafeWrites `GetAnalyzerSemanticDiagnosticsAsync(model, span)`, wall-clock | {Ms(report.SafeWritesWallMs)} | {Ratio(report.SafeWritesWallMs, report.CompilerMs)} |");
        output.WriteLine($"| … of which SafeWrites analyzers' own execution time (driver telemetry) | {Ms(report.SafeWritesExecutionMs)} | {Ratio(report.SafeWritesExecutionMs, report.CompilerMs)} |");
        output.WriteLine($"| RS0030 (peer) the same way, wall-clock | {Ms(report.PeerWallMs)} | {Ratio(report.PeerWallMs, report.CompilerMs)} |");
        output.WriteLine();
        foreach (var failure in report.Failures)
        {
            output.WriteLine("warning: " + failure);
        }

        output.WriteLine($"SafeWrites diagnostics in the document: {report.SafeWritesDiagnostics}");
        output.WriteLine("ide safewrites/compiler = " + report.SafeWritesPerCompiler.ToString("0.00", CultureInfo.InvariantCulture));
    }

    private static string Ratio(double part, double whole) => (part / whole).ToString("0.00", CultureInfo.InvariantCulture);
}
