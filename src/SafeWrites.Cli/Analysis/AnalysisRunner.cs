using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Cli.Loading;

namespace SafeWrites.Cli.Analysis;

/// <summary>What one analysis pass found, and what it cost.</summary>
internal sealed class AnalysisResult
{
    public List<Finding> Findings { get; } = new();

    public int FilesAnalyzed { get; set; }

    public int ProjectsAnalyzed { get; set; }

    public int CompilerErrors { get; set; }

    /// <summary>Only with --verbose: the compiler's own diagnostics pass (declarations and every method body bound).</summary>
    public TimeSpan CompileTime { get; set; }

    /// <summary>Only with --verbose: the analyzers' own execution time, summed over analyzers.</summary>
    public TimeSpan AnalyzerTime { get; set; }

    public TimeSpan AnalysisWallTime { get; set; }

    /// <summary>Getting each project's compilation (parsing and, in project mode, source generators).</summary>
    public TimeSpan CompilationTime { get; set; }

    /// <summary>Making findings of the diagnostics (baseline keys) and sorting them.</summary>
    public TimeSpan FindingsTime { get; set; }

    /// <summary>How many projects had files outside the scan (obj/, other shards, --exclude), suppressed rather than analyzed.</summary>
    public int ProjectsScoped { get; set; }
}

/// <summary>
/// Runs the package's analyzers over loaded inputs the way the compiler does (CompilationWithAnalyzers with the
/// project's analyzer config options, so .editorconfig / .globalconfig severities and #pragma apply), and keeps
/// the findings the options ask for.
/// </summary>
internal sealed class AnalysisRunner
{
    private readonly RuleCatalog _catalog;
    private readonly CliOptions _options;
    private readonly string _root;
    private readonly Terminal _terminal;
    private readonly System.Text.RegularExpressions.Regex[] _excludes;

    public AnalysisRunner(RuleCatalog catalog, CliOptions options, string root, Terminal terminal)
    {
        _catalog = catalog;
        _options = options;
        _root = root;
        _terminal = terminal;
        _excludes = options.Excludes.Select(FileWalker.GlobToRegex).ToArray();
    }

    public async Task<AnalysisResult> RunAsync(IReadOnlyList<LoadedInput> inputs, CancellationToken cancellationToken)
    {
        var result = new AnalysisResult();
        var seen = new HashSet<(string, string, int, int)>();
        var files = new HashSet<string>(StringComparer.Ordinal);
        var projects = inputs.SelectMany(i => i.Solution.Projects.Where(p => p.Language == LanguageNames.CSharp)).ToList();
        for (var i = 0; i < projects.Count; i++)
        {
            _terminal.Progress($"analyzing {projects[i].Name} ({i + 1}/{projects.Count})");
            var diagnostics = await AnalyzeProjectAsync(projects[i], result, files, cancellationToken).ConfigureAwait(false);
            var findings = Stopwatch.StartNew();
            foreach (var diagnostic in diagnostics)
            {
                // A file in several projects (multi-targeting, linked files) is reported once.
                var span = diagnostic.Location.SourceSpan;
                if (seen.Add((diagnostic.Id, diagnostic.Location.SourceTree!.FilePath, span.Start, span.End)))
                {
                    result.Findings.Add(Finding.Create(diagnostic, _root));
                }
            }

            result.FindingsTime += findings.Elapsed;
        }

        result.ProjectsAnalyzed = projects.Count;
        result.FilesAnalyzed = files.Count;
        var sort = Stopwatch.StartNew();
        result.Findings.Sort(Compare);
        result.FindingsTime += sort.Elapsed;
        return result;
    }

    private static int Compare(Finding a, Finding b)
    {
        var byPath = string.CompareOrdinal(a.RelativePath, b.RelativePath);
        var byLine = a.Line.CompareTo(b.Line);
        var byColumn = a.Column.CompareTo(b.Column);
        return byPath != 0 ? byPath : byLine != 0 ? byLine : byColumn != 0 ? byColumn : string.CompareOrdinal(a.RuleId, b.RuleId);
    }

    /// <summary>Diagnostics of one project that pass the filters (in source, rule, severity, shard, exclude).</summary>
    public async Task<IReadOnlyList<Diagnostic>> AnalyzeProjectAsync(Project project, AnalysisResult? result, HashSet<string>? files, CancellationToken cancellationToken)
        => await AnalyzeAsync(project, onlyPath: null, result, files, cancellationToken).ConfigureAwait(false);

    /// <summary>Diagnostics of one document only (its project compiled for binding), through the same filters.</summary>
    public async Task<IReadOnlyList<Diagnostic>> AnalyzeDocumentAsync(Document document, CancellationToken cancellationToken)
        => document.FilePath is null ? Array.Empty<Diagnostic>() : await AnalyzeAsync(document.Project, document.FilePath, result: null, files: null, cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(Project project, string? onlyPath, AnalysisResult? result, HashSet<string>? files, CancellationToken cancellationToken)
    {
        var getCompilation = Stopwatch.StartNew();
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (result is not null)
        {
            result.CompilationTime += getCompilation.Elapsed;
        }

        if (compilation is null)
        {
            return Array.Empty<Diagnostic>();
        }

        var trees = compilation.SyntaxTrees.Where(t => IsAnalyzed(t.FilePath) && (onlyPath is null || t.FilePath == onlyPath)).ToList();
        foreach (var tree in trees)
        {
            files?.Add(tree.FilePath);
        }

        if (_options.Verbose && result is not null)
        {
            var compile = Stopwatch.StartNew();
            result.CompilerErrors += compilation.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
            result.CompileTime += compile.Elapsed;
        }

        var wholeCompilation = trees.Count == compilation.SyntaxTrees.Count();
        if (!wholeCompilation && onlyPath is null)
        {
            // The files outside the scan (build output in obj/, a shard's other slices, --exclude) stay in the
            // compilation for binding; with the rules suppressed there, the driver does not run them on those files.
            if (result is not null)
            {
                result.ProjectsScoped++;
            }

            compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(
                new ScanScope(compilation.Options.SyntaxTreeOptionsProvider, trees, _catalog.Rules.Select(r => r.Id))));
        }

        var withAnalyzers = compilation.WithAnalyzers(
            _catalog.Analyzers,
            new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: _options.Verbose));
        var wall = Stopwatch.StartNew();
        ImmutableArray<Diagnostic> diagnostics;
        if (onlyPath is null)
        {
            // One pass over the whole compilation, as the compiler runs analyzers. Asking tree by tree
            // (GetAnalyzerSemanticDiagnosticsAsync) costs a partial analysis per tree, each with its own
            // compilation-start work: O(files x size), 4.85x a build at 98k lines (docs/benchmarks.md).
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // fix re-checks one document: analyzing that tree alone is cheaper than the whole compilation.
            var tree = trees.Single();
            diagnostics = (await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, cancellationToken).ConfigureAwait(false))
                .AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, cancellationToken).ConfigureAwait(false));
        }

        if (result is not null)
        {
            result.AnalysisWallTime += wall.Elapsed;
            if (_options.Verbose)
            {
                foreach (var analyzer in _catalog.Analyzers)
                {
                    var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
                    result.AnalyzerTime += telemetry.ExecutionTime;
                }
            }
        }

        var analyzedPaths = trees.Select(t => t.FilePath).ToHashSet(StringComparer.Ordinal);
        return diagnostics.Where(d => Keep(d, analyzedPaths)).ToList();
    }

    private bool Keep(Diagnostic diagnostic, HashSet<string> analyzedPaths)
    {
        if (!diagnostic.Location.IsInSource || !analyzedPaths.Contains(diagnostic.Location.SourceTree!.FilePath))
        {
            return false;
        }

        // AD0001 (an analyzer threw) is always shown: a crash must not pass as "no findings".
        if (diagnostic.Id == "AD0001")
        {
            return true;
        }

        return _catalog.Find(diagnostic.Id) is not null
               && (_options.Rules.Count == 0 || _options.Rules.Contains(diagnostic.Id))
               && diagnostic.Severity >= _options.Severity;
    }

    /// <summary>Files of the scanned root, not build output, not excluded, in this shard.</summary>
    private bool IsAnalyzed(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var relative = Path.GetRelativePath(_root, path).Replace('\\', '/');
        var segments = relative.Split('/');
        if (segments.Any(s => s is "obj" or "bin") || _excludes.Any(r => r.IsMatch(relative)))
        {
            return false;
        }

        return _options.Shard.Contains(relative);
    }
}
