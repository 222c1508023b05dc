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
    public static List<(Finding Finding, string Level, string? HelpUri)> FromSarif(string root, string sarifPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var run = document.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var found = new List<(Finding, string, string?)>();
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var id = result.GetProperty("ruleId").GetString()!;
            if (!id.StartsWith("SW", StringComparison.Ordinal))
            {
                continue;
            }

            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var file = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
            var line = location.GetProperty("region").GetProperty("startLine").GetInt32();
            var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
            var ruleId = rule.GetProperty("id").GetString();
            if (ruleId != id)
            {
                throw new InvalidDataException($"{sarifPath}: result {id} points at rule {ruleId}");
            }

            var helpUri = rule.TryGetProperty("helpUri", out var uri) ? uri.GetString() : null;
            found.Add((new Finding(Relative(root, file), line, id), result.GetProperty("level").GetString()!, helpUri));
        }

        return found;
    }

    public static string Relative(string root, string path) => Path.GetRelativePath(root, path.Trim()).Replace('\\', '/');

    [GeneratedRegex(@"//\s*⚠\s*(SW\d{4})")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),\d+\): (?<level>warning|error) (?<id>SW\d{4}): .*\[(?<project>[^\]\r\n]+)\]\s*$", RegexOptions.Multiline)]
    private static partial Regex ConsolePattern();
}
