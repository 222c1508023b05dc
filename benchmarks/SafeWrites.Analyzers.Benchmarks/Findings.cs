using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
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

    public static void Write(CostReport report, IEnumerable<string> ruleIds, TextWriter output)
    {
        var findings = Collect(report.Findings);
        output.WriteLine($"# SafeWrites findings: {report.CorpusDescription}; {report.Lines.ToString("N0", CultureInfo.InvariantCulture)} lines in {report.Files} files; {report.CompilerErrors.Count} compiler errors");
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
