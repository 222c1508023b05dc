using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>Entry point; the work is in <see cref="BenchmarkRunner"/> so the smoke test runs the same code.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        try
        {
            BenchmarkRunner.Run(options, Console.Out, message => Console.Error.WriteLine("  " + message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        return 0;
    }
}

/// <summary>Runs what the options ask for and prints the tables and ratio lines.</summary>
public static class BenchmarkRunner
{
    /// <summary>Returns the report of the main corpus (the tests look at it).</summary>
    public static CostReport? Run(BenchmarkOptions options, TextWriter output, Action<string>? progress = null)
    {
        if (options.WriteCorpusTo is { } target)
        {
            CorpusGenerator.Generate(options.Corpus).WriteTo(target);
            output.WriteLine($"wrote the corpus to {target}");
            return null;
        }

        output.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, load average {LoadAverage()}");
        var setup = CompilationSetup.Create(options.References, options.ImplicitUsings, options.AnalyzerOptions);
        if (setup.ExtraReferences.Length > 0 || setup.ImplicitUsings || setup.AnalyzerConfigOptions.Count > 0)
        {
            output.WriteLine($"Compilation: {setup.ExtraReferences.Length} extra references, implicit usings {(setup.ImplicitUsings ? "on" : "off")}, " +
                             $"options [{string.Join(", ", setup.AnalyzerConfigOptions.Select(p => p.Key + "=" + p.Value))}]");
        }

        if (options.Ide)
        {
            IdePathBenchmark.Write(IdePathBenchmark.Measure(CorpusGenerator.Generate(options.Corpus), options.Runs, setup, progress), output);
            output.WriteLine($"Load average at the end: {LoadAverage()}");
            return null;
        }

        var corpus = options.SourceDirectory is { } source ? Corpus.FromDirectory(source) : CorpusGenerator.Generate(options.Corpus);
        if (options.Runs == 0)
        {
            // Findings only: one analyzer pass, nothing timed.
            var (found, errors, failures) = FindingsRun.Run(corpus, setup);
            WriteFindings(options.FindingsPath!, corpus, errors, AnalyzerCostBenchmark.SafeWritesAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(), found);
            foreach (var failure in failures)
            {
                output.WriteLine("warning: " + failure);
            }

            output.WriteLine($"findings: {found.Count} written to {options.FindingsPath}; {errors} compiler errors");
            return null;
        }

        var report = AnalyzerCostBenchmark.Measure(corpus, options.Runs, progress, setup);
        output.WriteLine();
        Report.Write(report, output);
        if (options.FindingsPath is { } findingsPath)
        {
            WriteFindings(findingsPath, corpus, report.CompilerErrors.Count, report.SafeWrites.SelectMany(a => a.RuleIds), report.Findings);

            output.WriteLine($"findings: {report.Findings.Count} written to {findingsPath}");
        }

        if (options.Scaling)
        {
            var reports = new List<CostReport>();
            foreach (var lines in BenchmarkOptions.ScalingLines)
            {
                progress?.Invoke($"scaling: {lines:N0} lines");
                var settings = options.Corpus with { Lines = lines, Files = BenchmarkOptions.FilesFor(lines) };
                // The main corpus is one of the sizes when it is generated with the same settings: reuse its report.
                reports.Add(options.SourceDirectory is null && settings == options.Corpus
                    ? report
                    : AnalyzerCostBenchmark.Measure(CorpusGenerator.Generate(settings), options.Runs, progress));
            }

            output.WriteLine();
            Report.WriteScaling(reports, output);
        }

        output.WriteLine($"Load average at the end: {LoadAverage()}");
        return report;
    }

    private static void WriteFindings(string path, Corpus corpus, int compilerErrors, IEnumerable<string> ruleIds, IEnumerable<Microsoft.CodeAnalysis.Diagnostic> findings)
    {
        using var writer = new StreamWriter(path);
        FindingsReport.Write(corpus, compilerErrors, ruleIds, findings, writer);
    }

    /// <summary>The 1/5/15-minute load average (Linux); the machine is shared, so it belongs next to every number.</summary>
    public static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ', 4)[..3]) : "n/a";
    }
}
