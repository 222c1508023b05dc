using System.Text.Json;
using SafeWrites.Cli.Analysis;

namespace SafeWrites.Cli.Output;

/// <summary>`--format json`: a flat list for scripts (paths relative to the scanned root, 1-based lines and columns).</summary>
internal static class JsonReport
{
    public static void Write(Stream stream, IReadOnlyList<Finding> findings, RuleCatalog catalog, string root, AnalysisResult result, int baselined)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("tool", "safewrites");
        json.WriteString("version", SarifReport.ToolVersion());
        json.WriteString("root", root);
        json.WriteNumber("filesAnalyzed", result.FilesAnalyzed);
        json.WriteNumber("baselined", baselined);
        json.WriteStartArray("findings");
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("severity", CliOptions.SeverityName(finding.Severity));
            json.WriteString("path", finding.RelativePath);
            json.WriteNumber("line", finding.Line);
            json.WriteNumber("column", finding.Column);
            json.WriteNumber("endLine", finding.EndLine);
            json.WriteNumber("endColumn", finding.EndColumn);
            json.WriteString("member", finding.Member);
            json.WriteString("message", finding.Message);
            json.WriteString("helpUri", TextReport.HelpLink(catalog, finding.RuleId));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        foreach (var rule in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(rule.Key, rule.Count());
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
