using System.Text.Json;
using System.Text.RegularExpressions;

namespace SafeWrites.Cli.Tests;

/// <summary>The CI recipes of docs/ci.md, run as written with the matrix values a CI system would fill in.</summary>
public sealed class CiRecipeTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(CliHarness.RepositoryRoot(), "docs", "ci.md"));

    [Theory]
    [InlineData("GitHub Actions")]
    [InlineData("Azure Pipelines")]
    public async Task Recipe_shards_write_valid_sarif_that_together_hold_every_finding(string system)
    {
        var command = Assert.Single(Commands(system));
        Assert.StartsWith("safewrites check . --shard ", command, StringComparison.Ordinal);
        using var repository = CliHarness.NewFolder().WithCases("src/a").WithCases("src/b").WithCases("tests");
        using var staging = CliHarness.NewFolder();
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0-rtm.5.json")));

        var sharded = new List<string>();
        for (var shard = 1; shard <= 3; shard++)
        {
            var filled = command
                .Replace("${{ matrix.shard }}", shard.ToString(), StringComparison.Ordinal)
                .Replace("$(System.JobPositionInPhase)", shard.ToString(), StringComparison.Ordinal)
                .Replace("$(System.TotalJobsInPhase)", "3", StringComparison.Ordinal)
                .Replace("$(Build.ArtifactStagingDirectory)", staging.Path, StringComparison.Ordinal);
            Assert.DoesNotContain("$", filled, StringComparison.Ordinal);
            // `.` is the checked-out repository (the job's working folder).
            var args = filled.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(a => a == "." ? repository.Path : a).ToArray();
            var output = args[Array.IndexOf(args, "--output") + 1];
            if (!Path.IsPathRooted(output))
            {
                output = Path.Combine(staging.Path, output);
                args[Array.IndexOf(args, "--output") + 1] = output;
            }

            var run = CliHarness.Run(args);
            Assert.True(run.ExitCode is 0 or 1, run.ToString());
            var sarif = File.ReadAllText(output);
            Assert.Empty(schema.Validate(sarif));
            sharded.AddRange(Results(sarif));
        }

        var full = Results(CliHarness.Run("check", repository.Path, "--format", "sarif").Output).ToList();
        Assert.True(full.Count >= 15, "the three copies of the cases have findings of every rule");
        Assert.Equal(full.Order(StringComparer.Ordinal), sharded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Recipes_install_the_tool_package_by_its_id()
    {
        var installs = Regex.Matches(Doc, @"dotnet tool install --global SafeWrites\.Cli --version \d+\.\d+\.\d+").Count;
        Assert.True(installs >= 3, "the intro and both recipes install SafeWrites.Cli (ToolPackageTests runs the same install with --tool-path)");
    }

    /// <summary>The `safewrites` lines of the recipe's YAML block (after `run:` or `script:`).</summary>
    private static IEnumerable<string> Commands(string system)
    {
        var section = Doc[Doc.IndexOf("## " + system, StringComparison.Ordinal)..];
        var yaml = Regex.Match(section, "```yaml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        return Regex.Matches(yaml, @"(?m)(?:run|script): (safewrites .+)$").Select(m => m.Groups[1].Value.Trim());
    }

    private static IEnumerable<string> Results(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                return $"{r.GetProperty("ruleId").GetString()} {location.GetProperty("artifactLocation").GetProperty("uri").GetString()} {location.GetProperty("region").GetProperty("startLine").GetInt32()}";
            })
            .ToList();
    }
}
