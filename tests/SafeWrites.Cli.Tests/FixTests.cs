using System.Security.Cryptography;

namespace SafeWrites.Cli.Tests;

public sealed class FixTests
{
    [Fact]
    public void Dry_run_prints_a_unified_diff_and_changes_no_byte()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        var before = Snapshot(folder.Path);
        var run = CliHarness.Run("fix", folder.Path, "--dry-run", "--add-runtime-reference");
        Assert.Equal(before, Snapshot(folder.Path));
        Assert.Contains("--- a/Writes.cs", run.Output, StringComparison.Ordinal);
        Assert.Contains("+++ b/Writes.cs", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^@@ -\d+,\d+ \+\d+,\d+ @@", run.Output);
        Assert.Matches(@"(?m)^-\s+File\.WriteAllText\(path, text\);", run.Output);
        Assert.Matches(@"(?m)^\+\s+AtomicFile\.WriteAllText\(path, text\);", run.Output);
    }

    [Fact]
    public void Folder_mode_applies_runtime_fixes_only_with_add_runtime_reference()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        var without = CliHarness.Run("fix", folder.Path);
        Assert.Equal(1, without.ExitCode);
        Assert.Contains("not fixed SW1001: the fix needs the SafeWrites runtime; pass --add-runtime-reference", without.Output, StringComparison.Ordinal);
        Assert.Contains("no project in the folder references the SafeWrites package", without.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("AtomicFile", File.ReadAllText(Path.Combine(folder.Path, "Writes.cs")), StringComparison.Ordinal);
        // SW2001's fix needs no runtime (Stopwatch): it was applied.
        Assert.DoesNotContain(Findings.Check(folder.Path), f => f.RuleId == "SW2001");

        var with = CliHarness.Run("fix", folder.Path, "--add-runtime-reference");
        Assert.Contains("fixed ", with.Output, StringComparison.Ordinal);
        Assert.Contains("AtomicFile.WriteAllText(path, text)", File.ReadAllText(Path.Combine(folder.Path, "Writes.cs")), StringComparison.Ordinal);
        Assert.DoesNotContain(Findings.Check(folder.Path), f => f.RuleId == "SW1001" && f.Member == "Writes.SaveText");
    }

    [Fact]
    public void Fix_reports_what_it_could_not_fix_and_rules_limit_it()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        var run = CliHarness.Run("fix", folder.Path, "--rules", "SW2001");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("fixed ", run.Output, StringComparison.Ordinal);
        Assert.Contains(Findings.Check(folder.Path), f => f.RuleId == "SW1001");
        Assert.Contains("0 not fixed", run.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Snapshot(string folder)
        => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
