namespace SafeWrites.Cli.Tests;

public sealed class ExitCodeTests
{
    [Fact]
    public void Clean_code_exits_0()
    {
        using var folder = CliHarness.NewFolder();
        folder.File("Clean.cs", File.ReadAllText(Path.Combine(CliHarness.CasesFolder, "Clean.cs")));
        var run = CliHarness.Run("check", folder.Path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("0 findings", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_exit_1_and_fail_on_moves_the_threshold()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        Assert.Equal(1, CliHarness.Run("check", folder.Path).ExitCode);
        Assert.Equal(0, CliHarness.Run("check", folder.Path, "--fail-on", "error").ExitCode);
        Assert.Equal(0, CliHarness.Run("check", folder.Path, "--fail-on", "none").ExitCode);
    }

    [Theory]
    [InlineData("no-such-folder", "no such file or folder")]
    [InlineData("notes.txt", "not a folder, .csproj, .sln or .slnx")]
    public void Unreadable_inputs_exit_2_with_the_reason(string name, string reason)
    {
        using var folder = CliHarness.NewFolder();
        folder.File("notes.txt", "hello");
        var run = CliHarness.Run("check", Path.Combine(folder.Path, name));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shard", "4/3")]
    [InlineData("--severity", "loud")]
    [InlineData("--format", "xml")]
    [InlineData("--no-such-option", "x")]
    public void Bad_options_exit_2(string option, string value)
    {
        using var folder = CliHarness.NewFolder().WithCases();
        var run = CliHarness.Run("check", folder.Path, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_baseline_file_exits_2()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        var run = CliHarness.Run("check", folder.Path, "--baseline", Path.Combine(folder.Path, "missing.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--baseline", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_solutions_in_the_current_folder_without_a_path_exit_2()
    {
        using var folder = CliHarness.NewFolder();
        folder.File("a.sln", "");
        folder.File("b.slnx", "<Solution />");
        var error = Assert.Throws<Loading.InputException>(() => Loading.InputLoader.DefaultInput(folder.Path));
        Assert.Contains("name the one to check", error.Message, StringComparison.Ordinal);
    }
}
