namespace SafeWrites.Cli.Tests;

public sealed class BaselineTests
{
    [Fact]
    public void Known_findings_survive_lines_inserted_above_and_new_findings_are_reported()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        var baseline = Path.Combine(Path.GetTempPath(), "safewrites-cli-tests", Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var write = CliHarness.Run("check", folder.Path, "--write-baseline", baseline);
            Assert.True(write.ExitCode == 0, write.ToString());
            var recorded = Findings.Check(folder.Path).Count;
            Assert.True(recorded >= 5);

            // Lines inserted above every finding (a new using, a comment, a new member) move them all down.
            var writes = Path.Combine(folder.Path, "Writes.cs");
            var text = File.ReadAllText(writes);
            File.WriteAllText(writes, "// a header comment\n// and another\n" + text.Replace(
                "public sealed class Writes\n{\n",
                "public sealed class Writes\n{\n    public int Count { get; set; }\n\n    public void Noop()\n    {\n    }\n\n",
                StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder.Path, "Waits.cs"), "\n\n\n" + File.ReadAllText(Path.Combine(folder.Path, "Waits.cs")));

            var unchanged = CliHarness.Run("check", folder.Path, "--baseline", baseline);
            Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
            Assert.Contains($"0 findings in 0 files", unchanged.Output, StringComparison.Ordinal);
            Assert.Contains($"{recorded} known findings in the baseline not shown", unchanged.Output, StringComparison.Ordinal);

            // A new unsafe write (even one identical to a known one, in another member) is reported.
            File.WriteAllText(writes, File.ReadAllText(writes).Replace(
                "    public void Noop()\n    {\n",
                "    public void Noop()\n    {\n        File.WriteAllText(\"settings.json\", \"new\");\n",
                StringComparison.Ordinal));
            var fresh = Findings.Check(folder.Path, "--baseline", baseline);
            var only = Assert.Single(fresh);
            Assert.Equal(("SW1001", "Writes.Noop"), (only.RuleId, only.Member));
            Assert.Equal(1, CliHarness.Run("check", folder.Path, "--baseline", baseline).ExitCode);
        }
        finally
        {
            File.Delete(baseline);
        }
    }
}
