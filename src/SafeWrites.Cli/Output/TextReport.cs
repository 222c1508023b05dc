using Microsoft.CodeAnalysis;
using SafeWrites.Cli.Analysis;

namespace SafeWrites.Cli.Output;

/// <summary>Compiler-style lines grouped by file (`path(line,col): warning SW1001: message [help]`), then a summary per rule.</summary>
internal static class TextReport
{
    public static void Write(TextWriter writer, Terminal terminal, IReadOnlyList<Finding> findings, RuleCatalog catalog, AnalysisResult result, int baselined)
    {
        foreach (var file in findings.GroupBy(f => f.RelativePath))
        {
            foreach (var finding in file)
            {
                writer.WriteLine($"{DisplayPath(finding.FullPath)}({finding.Line},{finding.Column}): {SeverityWord(terminal, finding.Severity)} {finding.RuleId}: {finding.Message} [{HelpLink(catalog, finding.RuleId)}]");
            }
        }

        if (findings.Count > 0)
        {
            writer.WriteLine();
            var width = findings.Select(f => Title(catalog, f.RuleId).Length).Max();
            foreach (var rule in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                writer.WriteLine($"  {rule.Key}  {Title(catalog, rule.Key).PadRight(width)}  {rule.Count(),5}");
            }
        }

        var bySeverity = findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {CliOptions.SeverityName(g.Key)}{(g.Count() == 1 ? "" : "s")}");
        var detail = findings.Count == 0 ? "" : $" ({string.Join(", ", bySeverity)})";
        var files = findings.Select(f => f.RelativePath).Distinct().Count();
        var summary = $"{findings.Count} finding{(findings.Count == 1 ? "" : "s")}{detail} in {files} file{(files == 1 ? "" : "s")}; {result.FilesAnalyzed} files analyzed";
        if (baselined > 0)
        {
            summary += $"; {baselined} known finding{(baselined == 1 ? "" : "s")} in the baseline not shown";
        }

        writer.WriteLine(terminal.Colour(summary, findings.Count == 0 ? ConsoleColor.Green : ConsoleColor.Yellow));
    }

    public static string HelpLink(RuleCatalog catalog, string id) => catalog.Find(id)?.HelpLinkUri ?? "";

    public static string Title(RuleCatalog catalog, string id) => catalog.Find(id)?.Title.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? id;

    /// <summary>Relative to the current folder when under it (clickable in a terminal), else absolute.</summary>
    public static string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }

    private static string SeverityWord(Terminal terminal, DiagnosticSeverity severity)
        => severity switch
        {
            DiagnosticSeverity.Error => terminal.Colour("error", ConsoleColor.Red),
            DiagnosticSeverity.Warning => terminal.Colour("warning", ConsoleColor.Yellow),
            DiagnosticSeverity.Info => terminal.Colour("info", ConsoleColor.Cyan),
            _ => terminal.Colour("hidden", ConsoleColor.Gray),
        };
}
