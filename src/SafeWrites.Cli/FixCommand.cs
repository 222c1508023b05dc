using System.Text;
using DiffPlex.Renderer;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SafeWrites.Cli.Analysis;
using SafeWrites.Cli.Fixing;
using SafeWrites.Cli.Loading;

namespace SafeWrites.Cli;

/// <summary>
/// `safewrites fix`: Fix All per document for the findings `check` reports. A file is written only when it still
/// parses and, in project mode, its project gains no compiler error; `--dry-run` prints a unified diff instead.
/// </summary>
internal static class FixCommand
{
    public static async Task<int> RunAsync(CliOptions options, Terminal terminal, CancellationToken cancellationToken)
    {
        var catalog = RuleCatalog.Load().Only(options.Rules);
        var inputs = await InputLoader.LoadAsync(options, forFix: true, catalog.Rules, terminal, cancellationToken).ConfigureAwait(false);
        var root = InputLoader.CommonRoot(inputs);
        var runner = new AnalysisRunner(catalog, options, root, terminal);
        var analysis = await runner.RunAsync(inputs, cancellationToken).ConfigureAwait(false);
        var fixer = new DocumentFixer(catalog, runner);
        var written = 0;
        var fixedCount = 0;
        var notFixed = new List<(Finding Finding, string Reason)>();
        var byFile = analysis.Findings.GroupBy(f => f.FullPath).ToList();
        for (var i = 0; i < byFile.Count; i++)
        {
            terminal.Progress($"fixing {i + 1}/{byFile.Count} files");
            var (document, input) = Find(inputs, byFile[i].Key);
            var fix = await fixer.FixAsync(document, byFile[i].ToList(), await NoFixReasonAsync(document, input, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            notFixed.AddRange(fix.NotFixed);
            if (fix.Fixed is null)
            {
                continue;
            }

            var rejection = await RejectionAsync(fix.Original, fix.Fixed, input.IsFolderMode, cancellationToken).ConfigureAwait(false);
            if (rejection is not null)
            {
                notFixed.AddRange(fix.FixedFindings.Select(f => (f, "file left as it was: " + rejection)));
                continue;
            }

            fixedCount += fix.FixedFindings.Count;
            written++;
            var before = await fix.Original.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var after = await fix.Fixed.GetTextAsync(cancellationToken).ConfigureAwait(false);
            terminal.EndProgress();
            if (options.DryRun)
            {
                var name = byFile[i].First().RelativePath;
                terminal.Output.Write(UnidiffRenderer.GenerateUnidiff(before.ToString(), after.ToString(), "a/" + name, "b/" + name));
            }
            else
            {
                Write(byFile[i].Key, after, before.Encoding);
                var rules = string.Join(", ", fix.FixedFindings.GroupBy(f => f.RuleId).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} x{g.Count()}"));
                terminal.Output.WriteLine($"fixed {TextReportPath(byFile[i].Key)}: {rules}");
            }
        }

        terminal.EndProgress();
        foreach (var note in inputs.SelectMany(i => i.Notes))
        {
            terminal.Error.WriteLine("note: " + note);
        }

        foreach (var (finding, reason) in notFixed.OrderBy(n => n.Finding.RelativePath, StringComparer.Ordinal).ThenBy(n => n.Finding.Line))
        {
            terminal.Output.WriteLine($"{TextReportPath(finding.FullPath)}({finding.Line},{finding.Column}): not fixed {finding.RuleId}: {reason}");
        }

        var verb = options.DryRun ? "would fix" : "fixed";
        terminal.Error.WriteLine($"{verb} {fixedCount} finding{(fixedCount == 1 ? "" : "s")} in {written} file{(written == 1 ? "" : "s")}; {notFixed.Count} not fixed");
        return notFixed.Count == 0 ? CheckCommand.Clean : CheckCommand.Findings;
    }

    private static string TextReportPath(string fullPath) => Output.TextReport.DisplayPath(fullPath);

    private static (Document Document, LoadedInput Input) Find(IReadOnlyList<LoadedInput> inputs, string path)
    {
        foreach (var input in inputs)
        {
            var id = input.Solution.GetDocumentIdsWithFilePath(path).FirstOrDefault();
            if (id is not null && input.Solution.GetDocument(id) is { } document)
            {
                return (document, input);
            }
        }

        throw new InvalidOperationException("a finding's file is in no loaded project: " + path);
    }

    /// <summary>Why a finding gets no fix: most often the compilation cannot see the runtime the fixes rewrite to.</summary>
    private static async Task<string> NoFixReasonAsync(Document document, LoadedInput input, CancellationToken cancellationToken)
    {
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation?.GetTypeByMetadataName("SafeWrites.AtomicFile") is not null)
        {
            return "no fix offered for that shape";
        }

        return input.IsFolderMode
            ? "the fix needs the SafeWrites runtime; pass --add-runtime-reference (then add the SafeWrites package to the project)"
            : "the fix needs the SafeWrites runtime; add the SafeWrites package to the project";
    }

    /// <summary>Null when the fixed document may be written; else why not.</summary>
    private static async Task<string?> RejectionAsync(Document original, Document fixedDocument, bool folderMode, CancellationToken cancellationToken)
    {
        var beforeTree = await original.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        var afterTree = await fixedDocument.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        var newSyntaxErrors = NewErrors(beforeTree!.GetDiagnostics(cancellationToken), afterTree!.GetDiagnostics(cancellationToken));
        if (newSyntaxErrors is not null)
        {
            return "the fixed file does not parse: " + newSyntaxErrors;
        }

        if (folderMode)
        {
            return null;
        }

        var before = await original.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var after = await fixedDocument.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var newCompileErrors = NewErrors(before!.GetDiagnostics(cancellationToken), after!.GetDiagnostics(cancellationToken));
        return newCompileErrors is null ? null : "the project would gain a compiler error: " + newCompileErrors;
    }

    /// <summary>The first error in <paramref name="after"/> beyond those of <paramref name="before"/> (by id and message), or null.</summary>
    private static string? NewErrors(IEnumerable<Diagnostic> before, IEnumerable<Diagnostic> after)
    {
        var known = before.Where(d => d.Severity == DiagnosticSeverity.Error).GroupBy(Describe).ToDictionary(g => g.Key, g => g.Count());
        foreach (var error in after.Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var key = Describe(error);
            if (known.TryGetValue(key, out var count) && count > 0)
            {
                known[key] = count - 1;
                continue;
            }

            var line = error.Location.GetLineSpan();
            return $"{Path.GetFileName(line.Path)}({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1}): {key}";
        }

        return null;
    }

    private static string Describe(Diagnostic diagnostic) => diagnostic.Id + ": " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes atomically (the runtime's own AtomicFile), keeping the file's encoding and whether it had a BOM.</summary>
    private static void Write(string path, SourceText text, Encoding? original)
    {
        var hasBom = false;
        using (var stream = File.OpenRead(path))
        {
            Span<byte> head = stackalloc byte[3];
            hasBom = stream.Read(head) == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
        }

        var encoding = original is null || original.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(hasBom) : original;
        AtomicFile.WriteAllText(path, text.ToString(), encoding);
    }
}
