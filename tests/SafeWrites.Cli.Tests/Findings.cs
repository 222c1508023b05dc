using System.Text.Json;

namespace SafeWrites.Cli.Tests;

/// <summary>One finding of `--format json`, reduced to what the tests compare.</summary>
public sealed record JsonFinding(string RuleId, string Severity, string Path, int Line, int Column, string Member);

public static class Findings
{
    public static IReadOnlyList<JsonFinding> FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new JsonFinding(
                f.GetProperty("ruleId").GetString()!,
                f.GetProperty("severity").GetString()!,
                f.GetProperty("path").GetString()!,
                f.GetProperty("line").GetInt32(),
                f.GetProperty("column").GetInt32(),
                f.GetProperty("member").GetString()!))
            .ToList();
    }

    /// <summary>Runs `check --format json` over the arguments and returns the findings (asserting the run itself worked).</summary>
    public static IReadOnlyList<JsonFinding> Check(params string[] args)
    {
        var run = CliHarness.Run(new[] { "check", "--format", "json" }.Concat(args).ToArray());
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        return FromJson(run.Output);
    }
}
