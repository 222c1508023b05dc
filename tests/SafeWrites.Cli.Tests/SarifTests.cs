using System.Reflection;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeWrites.Cli.Tests;

public sealed class SarifTests
{
    /// <summary>The SARIF 2.1.0 schema (rtm.5, the one code-scanning services validate against), shipped with the tests.</summary>
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0-rtm.5.json");

    [Fact]
    public async Task Sarif_output_is_valid_against_the_2_1_0_schema()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        var sarif = Path.Combine(folder.Path, "out", "results.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(sarif)!);
        var run = CliHarness.Run("check", folder.Path, "--format", "sarif", "--output", sarif, "--exclude", "out");
        Assert.True(run.ExitCode == 1, run.ToString());

        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath));
        var errors = schema.Validate(File.ReadAllText(sarif));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));

        // The validator itself rejects a broken log (a result without a message, a wrong version), so the pass above means something.
        var broken = File.ReadAllText(sarif).Replace("\"version\": \"2.1.0\"", "\"version\": \"1.0\"", StringComparison.Ordinal);
        Assert.NotEmpty(schema.Validate(broken));
    }

    [Fact]
    public void Sarif_has_rule_metadata_relative_paths_regions_and_snippets()
    {
        using var folder = CliHarness.NewFolder().WithCases("src");
        var run = CliHarness.Run("check", folder.Path, "--format", "sarif");
        using var document = JsonDocument.Parse(run.Output);
        var sarifRun = document.RootElement.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(FolderModeTests.AllRules, rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.EndsWith(rule.GetProperty("id").GetString() + ".md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            Assert.Equal(DefaultLevels[rule.GetProperty("id").GetString()!], rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        }

        var rootUri = sarifRun.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()!;
        Assert.Equal(new Uri(folder.Path + "/").AbsoluteUri, rootUri);
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.StartsWith("src/", uri, StringComparison.Ordinal);
            Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            var region = location.GetProperty("region");
            var line = File.ReadAllLines(Path.Combine(folder.Path, uri))[region.GetProperty("startLine").GetInt32() - 1];
            var snippet = region.GetProperty("snippet").GetProperty("text").GetString()!;
            Assert.StartsWith(snippet.Split('\n')[0], line[(region.GetProperty("startColumn").GetInt32() - 1)..], StringComparison.Ordinal);
        }
    }

    /// <summary>Each rule's SARIF level as its descriptor declares it (Info → note).</summary>
    private static readonly Dictionary<string, string> DefaultLevels =
        Assembly.Load("SafeWrites.Analyzers").GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .GroupBy(descriptor => descriptor.Id)
            .ToDictionary(group => group.Key, group => group.First().DefaultSeverity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "note",
            });
}
