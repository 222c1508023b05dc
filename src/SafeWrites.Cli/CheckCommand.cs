using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using SafeWrites.Cli.Analysis;
using SafeWrites.Cli.Loading;
using SafeWrites.Cli.Output;

namespace SafeWrites.Cli;

/// <summary>`safewrites check`: analyze, filter through the baseline, report, and turn the result into an exit code.</summary>
internal static class CheckCommand
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int InputError = 2;

    public static async Task<int> RunAsync(CliOptions options, Terminal terminal, CancellationToken cancellationToken)
    {
        var load = Stopwatch.StartNew();
        var catalog = RuleCatalog.Load().Only(options.Rules);
        var inputs = await InputLoader.LoadAsync(options, forFix: false, catalog.Rules, terminal, cancellationToken).ConfigureAwait(false);
        var root = InputLoader.CommonRoot(inputs);
        var loadTime = load.Elapsed;
        var analyze = Stopwatch.StartNew();
        var result = await new AnalysisRunner(catalog, options, root, terminal).RunAsync(inputs, cancellationToken).ConfigureAwait(false);
        var analyzeTime = analyze.Elapsed;
        terminal.EndProgress();
        foreach (var note in inputs.SelectMany(i => i.Notes))
        {
            terminal.Error.WriteLine("note: " + note);
        }

        var findings = result.Findings;
        var known = 0;
        if (options.Baseline is not null)
        {
            (findings, known) = Baseline.Apply(options.Baseline, result.Findings);
        }

        if (options.WriteBaseline is not null)
        {
            Baseline.Write(CreateFolderOf(options.WriteBaseline), result.Findings);
            terminal.Error.WriteLine($"wrote baseline {options.WriteBaseline} with {result.Findings.Count} finding{(result.Findings.Count == 1 ? "" : "s")}");
        }

        var report = Stopwatch.StartNew();
        WriteReport(options, terminal, catalog, root, result, findings, known);
        if (options.Verbose)
        {
            WriteCost(terminal.Error, result);
            WritePhases(terminal.Error, loadTime, analyzeTime, report.Elapsed, result);
        }

        // Writing a baseline records today's findings: it is the adoption step, not a gate.
        return options.WriteBaseline is null && options.FailOn is { } failOn && findings.Any(f => f.Severity >= failOn) ? Findings : Clean;
    }

    private static void WriteReport(CliOptions options, Terminal terminal, RuleCatalog catalog, string root, AnalysisResult result, List<Finding> findings, int known)
    {
        if (options.Format == OutputFormat.Text)
        {
            if (options.Output is null)
            {
                TextReport.Write(terminal.Output, terminal, findings, catalog, result, known);
            }
            else
            {
                using var writer = new StringWriter(CultureInfo.InvariantCulture);
                TextReport.Write(writer, new Terminal(writer, terminal.Error, interactiveOutput: false, interactiveError: false), findings, catalog, result, known);
                AtomicFile.WriteAllText(CreateFolderOf(options.Output), writer.ToString());
            }

            return;
        }

        using var buffer = new MemoryStream();
        if (options.Format == OutputFormat.Sarif)
        {
            SarifReport.Write(buffer, findings, catalog.Rules, root, options.Shard);
        }
        else
        {
            JsonReport.Write(buffer, findings, catalog, root, result, known);
        }

        if (options.Output is null)
        {
            terminal.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            AtomicFile.WriteAllBytes(CreateFolderOf(options.Output), buffer.ToArray());
            terminal.Error.WriteLine($"{findings.Count} finding{(findings.Count == 1 ? "" : "s")} in {result.FilesAnalyzed} files; wrote {options.Output}");
        }
    }

    /// <summary>Creates the folder an output file goes into (a CI step names a fresh artifact folder) and returns the path.</summary>
    private static string CreateFolderOf(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    private static void WriteCost(TextWriter writer, AnalysisResult result)
    {
        writer.WriteLine($"projects: {result.ProjectsAnalyzed}, files: {result.FilesAnalyzed}, compiler errors: {result.CompilerErrors}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compile: {result.CompileTime.TotalMilliseconds:F0} ms; analysis: {result.AnalyzerTime.TotalMilliseconds:F0} ms (analyzers' own time; analysis pass {result.AnalysisWallTime.TotalMilliseconds:F0} ms wall)"));
        var ratio = result.CompileTime.TotalMilliseconds > 0 ? result.AnalyzerTime.TotalMilliseconds / result.CompileTime.TotalMilliseconds : 0;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analysis / compile = {ratio:F3}"));
    }

    /// <summary>Wall time of each phase, to see where a slow run goes (docs/cli.md, "--verbose").</summary>
    private static void WritePhases(TextWriter writer, TimeSpan load, TimeSpan analyze, TimeSpan report, AnalysisResult result)
    {
        var other = analyze - result.CompilationTime - result.CompileTime - result.AnalysisWallTime - result.FindingsTime;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"phases: load {load.TotalMilliseconds:F0} ms; compilation {result.CompilationTime.TotalMilliseconds:F0} ms; compile diagnostics {result.CompileTime.TotalMilliseconds:F0} ms; "
            + $"analyzers {result.AnalysisWallTime.TotalMilliseconds:F0} ms ({result.ProjectsScoped} of {result.ProjectsAnalyzed} projects with files outside the scan); findings {result.FindingsTime.TotalMilliseconds:F0} ms; "
            + $"other {other.TotalMilliseconds:F0} ms; report {report.TotalMilliseconds:F0} ms"));
    }
}
