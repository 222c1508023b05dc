using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Writes;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>One analyzer's execution time over the runs (median, and the spread the shared machine causes) and the rule ids it owns.</summary>
public sealed record AnalyzerCost(string Name, IReadOnlyList<string> RuleIds, bool IsSafeWrites, double MedianMs, double MinMs, double MaxMs);

/// <summary>What one measurement found: times (medians over the runs) and what was reported.</summary>
public sealed record CostReport(
    string CorpusDescription,
    int Files,
    int Lines,
    int Runs,
    IReadOnlyDictionary<string, int> Planted,
    double CompilerMs,
    (double Min, double Max) CompilerRange,
    IReadOnlyList<AnalyzerCost> Analyzers,
    double SafeWritesMs,
    (double Min, double Max) SafeWritesRange,
    IReadOnlyDictionary<string, int> Reported,
    IReadOnlyList<string> CompilerErrors,
    IReadOnlyList<string> AnalyzerFailures)
{
    /// <summary>The SafeWrites diagnostics of the last run (what <c>--findings</c> lists).</summary>
    public IReadOnlyList<Diagnostic> Findings { get; init; } = Array.Empty<Diagnostic>();

    public IEnumerable<AnalyzerCost> SafeWrites => Analyzers.Where(a => a.IsSafeWrites);

    public AnalyzerCost BannedApi => Analyzers.Single(a => a.RuleIds.Contains(PeerAnalyzers.BannedApiRuleId));

    /// <summary>All SafeWrites analyzers together, as a fraction of the compiler's own time.</summary>
    public double SafeWritesPerCompiler => SafeWritesMs / CompilerMs;

    /// <summary>The analyzer that owns <paramref name="ruleId"/>, relative to RS0030.</summary>
    public double RulePerBannedApi(string ruleId) => SafeWrites.Single(a => a.RuleIds.Contains(ruleId)).MedianMs / BannedApi.MedianMs;
}

/// <summary>
/// Measures, in this process: the compiler's own <c>GetDiagnostics()</c> (the baseline), and every analyzer's execution
/// time as the analyzer driver reports it (<c>logAnalyzerExecutionTime</c>), SafeWrites and the peer in separate drivers. Each measurement
/// parses the corpus afresh (untimed) into a fresh compilation, so nothing bound or kept per tree in one run is reused by the next; one warm-up run (JIT, metadata) is not counted.
/// Both sides run single-threaded (<c>concurrentBuild</c> / <c>concurrentAnalysis</c> off): the ratio compares work,
/// not how well each side uses the cores of a shared machine.
/// </summary>
public static class AnalyzerCostBenchmark
{
    /// <summary>The newest language: real code uses it (the generated corpus parses the same under any version since 12).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: false);

    /// <summary>Every SafeWrites analyzer, found in the analyzer assembly (new rules are measured without a change here).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> SafeWritesAnalyzers()
        => typeof(FileOverwrittenInPlaceAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                           && type.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    public static CostReport Measure(Corpus corpus, int runs, Action<string>? progress = null, CompilationSetup? setup = null)
    {
        setup ??= CompilationSetup.Default;
        if (runs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(runs), "At least one run.");
        }

        var trees = Parse(corpus, setup);
        var safeWrites = SafeWritesAnalyzers();
        var peer = PeerAnalyzers.LoadBannedApiAnalyzers();
        var analyzers = safeWrites.AddRange(peer);
        var options = setup.AnalyzerOptions(ImmutableArray.Create(PeerAnalyzers.BannedSymbols()));

        // Warm-up: JIT, reference metadata, the analyzers' first compilation.
        progress?.Invoke("warm-up");
        TimeCompiler(trees, setup, out _);
        RunAnalyzers(trees, setup, safeWrites, options);
        RunAnalyzers(trees, setup, peer, options);

        var compilerTimes = new List<double>();
        var analyzerTimes = analyzers.ToDictionary(a => a, _ => new List<double>());
        var safeWritesTotals = new List<double>();
        IReadOnlyList<string> compilerErrors = Array.Empty<string>();
        AnalyzerRun lastRun = default;
        var findings = ImmutableArray<Diagnostic>.Empty;
        for (var run = 1; run <= runs; run++)
        {
            progress?.Invoke($"run {run}/{runs}");
            compilerTimes.Add(TimeCompiler(Parse(corpus, setup), setup, out compilerErrors));

            // Separate drivers: the driver charges its per-tree work (the generated-code check before the first
            // diagnostic in a tree) to whichever analyzer reports there first, so each side pays its own, as if alone.
            // Freshly parsed trees each time: what an analyzer keeps per tree (SafeWrites' text index) is not reused
            // from the run before, as in a command-line build; parsing is not timed.
            var safeWritesRun = RunAnalyzers(Parse(corpus, setup), setup, safeWrites, options);
            findings = safeWritesRun.Diagnostics;
            lastRun = safeWritesRun.Merge(RunAnalyzers(Parse(corpus, setup), setup, peer, options));
            foreach (var (analyzer, ms) in lastRun.Times)
            {
                analyzerTimes[analyzer].Add(ms);
            }

            safeWritesTotals.Add(safeWrites.Sum(a => lastRun.Times[a]));
        }

        var costs = analyzers
            .Select(a => new AnalyzerCost(
                a.GetType().Name,
                a.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList(),
                safeWrites.Contains(a),
                Median(analyzerTimes[a]),
                analyzerTimes[a].Min(),
                analyzerTimes[a].Max()))
            .ToList();
        return new CostReport(
            corpus.Description,
            corpus.Files.Count,
            corpus.LineCount,
            runs,
            corpus.Planted,
            Median(compilerTimes),
            (compilerTimes.Min(), compilerTimes.Max()),
            costs,
            Median(safeWritesTotals),
            (safeWritesTotals.Min(), safeWritesTotals.Max()),
            lastRun.Reported,
            compilerErrors,
            lastRun.Failures)
        {
            Findings = findings.Where(d => d.Id != "AD0001").ToList(),
        };
    }

    /// <summary>The corpus's trees and the setup's own (implicit usings), each file's path as its tree path.</summary>
    public static ImmutableArray<SyntaxTree> Parse(Corpus corpus, CompilationSetup setup)
        => corpus.Files.Select(file => CSharpSyntaxTree.ParseText(file.Text, ParseOptions, file.Path))
            .Concat(setup.ExtraTrees(ParseOptions))
            .ToImmutableArray();

    public static CSharpCompilation NewCompilation(ImmutableArray<SyntaxTree> trees, CompilationSetup setup)
        => CSharpCompilation.Create("Corpus", trees, setup.References, CompilationOptions);

    /// <summary>The baseline: the compiler's own diagnostics (declarations and every method body bound), in ms.</summary>
    private static double TimeCompiler(ImmutableArray<SyntaxTree> trees, CompilationSetup setup, out IReadOnlyList<string> errors)
    {
        var compilation = NewCompilation(trees, setup);
        Collect();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = compilation.GetDiagnostics();
        stopwatch.Stop();
        errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private readonly record struct AnalyzerRun(
        Dictionary<DiagnosticAnalyzer, double> Times,
        IReadOnlyDictionary<string, int> Reported,
        IReadOnlyList<string> Failures,
        ImmutableArray<Diagnostic> Diagnostics)
    {
        public AnalyzerRun Merge(AnalyzerRun other)
            => new(
                Times.Concat(other.Times).ToDictionary(p => p.Key, p => p.Value),
                Reported.Concat(other.Reported).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)),
                Failures.Concat(other.Failures).ToList(),
                Diagnostics.AddRange(other.Diagnostics));
    }

    private static AnalyzerRun RunAnalyzers(ImmutableArray<SyntaxTree> trees, CompilationSetup setup, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
    {
        var failures = new List<string>();
        var withAnalyzers = WithAnalyzers(NewCompilation(trees, setup), analyzers, options, failures);
        Collect();
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var times = new Dictionary<DiagnosticAnalyzer, double>();
        foreach (var analyzer in analyzers)
        {
            var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            times[analyzer] = telemetry.ExecutionTime.TotalMilliseconds;
        }

        var reported = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
        return new AnalyzerRun(times, reported, failures, diagnostics);
    }

    /// <summary>The analyzers over <paramref name="compilation"/>, single-threaded, timed; exceptions go to <paramref name="failures"/>.</summary>
    public static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, List<string> failures)
        => compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, _) =>
                {
                    lock (failures)
                    {
                        failures.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}");
                    }
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true));

    /// <summary>Start every measurement from the same heap state, so one run's garbage is not collected in the next.</summary>
    public static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    public static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
