using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SafeWrites.Package.Tests;

/// <summary>A diagnostic at a line of a source file (path relative to the samples folder, '/'-separated).</summary>
internal sealed record Finding(string File, int Line, string Id)
{
    public override string ToString() => $"{File}({Line}): {Id}";
}

/// <summary>A result of a SARIF log; the region's lines and columns are 1-based, its end column exclusive.</summary>
internal sealed record SarifResult(Finding Finding, string Level, string? HelpUri, string Message, (int StartLine, int StartColumn, int EndLine, int EndColumn) Region);

/// <summary>A diagnostic as the build printed it.</summary>
internal sealed record ConsoleDiagnostic(string Project, Finding Finding, string Level);

internal static partial class Findings
{
    /// <summary>The samples mark each expected diagnostic with a trailing <c>// ⚠ SWnnnn</c> on its line.</summary>
    public static IEnumerable<Finding> Markers(string root, string sourceFile)
    {
        var lines = File.ReadAllLines(sourceFile);
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in MarkerPattern().Matches(lines[i]))
            {
                yield return new Finding(Relative(root, sourceFile), i + 1, match.Groups[1].Value);
            }
        }
    }

    /// <summary>SW diagnostics from build output lines such as <c>/x/a.cs(3,9): warning SW1001: … [/x/a.csproj]</c>.</summary>
    public static HashSet<ConsoleDiagnostic> FromConsole(string root, string output) =>
        ConsolePattern().Matches(output)
            .Select(m => new ConsoleDiagnostic(
                Relative(root, m.Groups["project"].Value),
                new Finding(Relative(root, m.Groups["file"].Value), int.Parse(m.Groups["line"].Value), m.Groups["id"].Value),
                m.Groups["level"].Value))
            .ToHashSet();

    /// <summary>SW results of a SARIF 2.1 log, with the level and help link the log gives them.</summary>
    public static List<(Finding Finding, string Level, string? HelpUri)> FromSarif(string root, string sarifPath) =>
        SarifResults(root, sarifPath).Select(r => (r.Finding, r.Level, r.HelpUri)).ToList();

    /// <summary>SW results of a SARIF 2.1 log in full: level, help link, message and region (1-based, end column exclusive).</summary>
    public static List<SarifResult> SarifResults(string root, string sarifPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var run = document.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var found = new List<SarifResult>();
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var id = result.GetProperty("ruleId").GetString()!;
            if (!id.StartsWith("SW", StringComparison.Ordinal))
            {
                continue;
            }

            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var file = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
            var region = location.GetProperty("region");
            var line = region.GetProperty("startLine").GetInt32();
            var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
            var ruleId = rule.GetProperty("id").GetString();
            if (ruleId != id)
            {
                throw new InvalidDataException($"{sarifPath}: result {id} points at rule {ruleId}");
            }

            var helpUri = rule.TryGetProperty("helpUri", out var uri) ? uri.GetString() : null;
            found.Add(new SarifResult(
                new Finding(Relative(root, file), line, id),
                result.GetProperty("level").GetString()!,
                helpUri,
                result.GetProperty("message").GetProperty("text").GetString()!,
                (line, region.GetProperty("startColumn").GetInt32(), region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32())));
        }

        return found;
    }

    public static string Relative(string root, string path) => Path.GetRelativePath(root, path.Trim()).Replace('\\', '/');

    [GeneratedRegex(@"//\s*⚠\s*(SW\d{4})")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),\d+\): (?<level>warning|error) (?<id>SW\d{4}): .*\[(?<project>[^\]\r\n]+)\]\s*$", RegexOptions.Multiline)]
    private static partial Regex ConsolePattern();
}
