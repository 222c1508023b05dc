namespace SafeWrites.Cli.Tests;

/// <summary>The shipped form: `dotnet pack` makes the tool package, `dotnet tool install --tool-path` installs it, and the installed command runs.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void Packed_tool_installs_and_checks_a_folder_and_a_project()
    {
        using var work = CliHarness.NewFolder();
        var feed = Path.Combine(work.Path, "feed");
        var tools = Path.Combine(work.Path, "tools");
        var cli = Path.Combine(CliHarness.RepositoryRoot(), "src", "SafeWrites.Cli", "SafeWrites.Cli.csproj");
        var (exit, output) = CliHarness.Exec("dotnet", $"pack \"{cli}\" -c Release -o \"{feed}\" -nologo", work.Path, timeoutSeconds: 1500);
        Assert.True(exit == 0, output);
        var package = Assert.Single(Directory.GetFiles(feed, "SafeWrites.Cli.*.nupkg"));
        var version = Path.GetFileNameWithoutExtension(package)["SafeWrites.Cli.".Length..];

        (exit, output) = CliHarness.Exec("dotnet", $"tool install --tool-path \"{tools}\" --add-source \"{feed}\" --version {version} SafeWrites.Cli", work.Path);
        Assert.True(exit == 0, output);
        var safewrites = Path.Combine(tools, OperatingSystem.IsWindows() ? "safewrites.exe" : "safewrites");
        Assert.True(File.Exists(safewrites), output);

        using var cases = CliHarness.NewFolder();
        var project = TestProjects.Create(cases, "App", referenceRuntime: false);
        (exit, output) = CliHarness.Exec(safewrites, $"check \"{cases.Path}\"", work.Path);
        Assert.True(exit == 1, output);
        Assert.Contains("warning SW1001:", output, StringComparison.Ordinal);

        TestProjects.Restore(project);
        (exit, output) = CliHarness.Exec(safewrites, $"check \"{project}\" --format json", work.Path);
        Assert.True(exit == 1, output);
        Assert.Contains("\"ruleId\": \"SW2002\"", output, StringComparison.Ordinal);
    }
}
