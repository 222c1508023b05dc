using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using SafeWrites.Cli.Analysis;

namespace SafeWrites.Cli.Output;

/// <summary>
/// SARIF 2.1.0 as code-scanning services read it: the rules in tool.driver.rules, each result with its region and
/// snippet, and paths relative to the scanned root through originalUriBaseIds.
/// </summary>
internal static class SarifReport
{
    private const string RootBase = "SRCROOT";

    public static void Write(Stream stream, IReadOnlyList<Finding> findings, IReadOnlyList<DiagnosticDescriptor> rules, string root, Shard shard)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "SafeWrites");
        json.WriteString("informationUri", "https://github.com/safewrites/safewrites");
        json.WriteString("semanticVersion", ToolVersion());
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        if (!shard.IsAll)
        {
            // Each shard is a complete log of its slice; the id keeps the uploads apart.
            json.WriteStartObject("automationDetails");
            json.WriteString("id", $"safewrites/shard-{shard.Index}-of-{shard.Count}/");
            json.WriteEndObject();
        }

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(RootBase);
        json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(t => t.Id, t => t.i);
        foreach (var finding in findings)
        {
            WriteResult(json, finding, ruleIndex);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", RuleName(rule));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title.ToString(CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Description.ToString(CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpLinkUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteBoolean("enabled", rule.IsEnabledByDefault);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", string.Join("/", finding.RelativePath.Split('/').Select(Uri.EscapeDataString)));
        json.WriteString("uriBaseId", RootBase);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        json.WriteNumber("startColumn", finding.Column);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        json.WriteStartObject("snippet");
        json.WriteString("text", finding.Diagnostic.Location.SourceTree!.GetText().ToString(finding.Diagnostic.Location.SourceSpan));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        // The baseline key: stable under edits elsewhere in the file, so code scanning keeps tracking the same alert.
        json.WriteString("safewritesKey/v1", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(finding.BaselineKey)))[..32].ToLowerInvariant());
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The rule's name as SARIF wants it (an identifier): its title in PascalCase.</summary>
    internal static string RuleName(DiagnosticDescriptor rule)
        => string.Concat(rule.Title.ToString(CultureInfo.InvariantCulture)
            .Split(' ', '-', '/', '(', ')', ',', '.', '\'')
            .Where(w => w.Length > 0)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    internal static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    internal static string ToolVersion()
        => typeof(SarifReport).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
