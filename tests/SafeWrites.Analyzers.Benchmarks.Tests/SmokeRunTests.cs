using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace SafeWrites.Analyzers.Benchmarks.Tests;

/// <summary>One benchmark run on a tiny corpus, shared by the tests below (a few seconds).</summary>
public sealed class SmokeRun
{
    public SmokeRun()
    {
        // Denser hazards than the default so that 2,000 lines plant every rule more than once.
        var options = new BenchmarkOptions { Corpus = new CorpusSettings(Lines: 2_000, Files: 10) { HazardEveryLines = 150 }, Runs = 1 };
        var output = new StringWriter();
        Report = BenchmarkRunner.Run(options, output)!;
        Output = output.ToString();
    }

    public CostReport Report { get; }

    public string Output { get; }
}

public class SmokeRunTests : IClassFixture<SmokeRun>
{
    private readonly SmokeRun _run;

    public SmokeRunTests(SmokeRun run) => _run = run;

    [Fact]
    public void CorpusCompilesWithoutErrors()
        => Assert.Empty(_run.Report.CompilerErrors);

    [Fact]
    public void NoAnalyzerThrows()
        => Assert.Empty(_run.Report.AnalyzerFailures);

    [Fact]
    public void EverySafeWritesAnalyzerAndRS0030AreTimed()
    {
        var safeWrites = _run.Report.SafeWrites.ToList();

        Assert.Equal(AnalyzerCostBenchmark.SafeWritesAnalyzers().Length, safeWrites.Count);
        Assert.All(safeWrites, analyzer => Assert.True(analyzer.MedianMs > 0, analyzer.Name + " has no time"));
        Assert.True(_run.Report.BannedApi.MedianMs > 0);
        Assert.True(_run.Report.CompilerMs > 0);
    }

    [Fact]
    public void EachRuleReportsExactlyWhatWasPlanted()
    {
        var ruleIds = _run.Report.SafeWrites.SelectMany(a => a.RuleIds).ToList();

        Assert.Equal(ruleIds.OrderBy(id => id), _run.Report.Planted.Keys.OrderBy(id => id));
        foreach (var ruleId in ruleIds)
        {
            // Hazards are one diagnostic each and look-alikes none: a miss or a false positive changes the count.
            Assert.True(_run.Report.Planted[ruleId] > 0, ruleId + " was not planted");
            Assert.Equal((ruleId, _run.Report.Planted[ruleId]), (ruleId, _run.Report.Reported.GetValueOrDefault(ruleId)));
        }
    }

    [Fact]
    public void BannedApiReportsTheBannedCalls()
        => Assert.True(_run.Report.Reported.GetValueOrDefault(PeerAnalyzers.BannedApiRuleId) > 0);

    [Fact]
    public void OutputHasTheTableAndRatioLines()
    {
        Assert.Contains("| Compiler `GetDiagnostics()` (baseline) |", _run.Output);
        Assert.Matches(new Regex(@"^safewrites/compiler = \d+\.\d{4}\r?$", RegexOptions.Multiline), _run.Output);
        foreach (var ruleId in _run.Report.SafeWrites.SelectMany(a => a.RuleIds))
        {
            Assert.Matches(new Regex($@"^{ruleId}/RS0030 = \d+\.\d{{2}}\r?$", RegexOptions.Multiline), _run.Output);
        }
    }
}
