namespace SafeWrites.Cli.Tests;

public sealed class ProjectModeTests
{
    [Fact]
    public void An_unrestored_project_exits_2_with_the_reason()
    {
        using var folder = CliHarness.NewFolder();
        var project = TestProjects.Create(folder, "App", referenceRuntime: false);
        var run = CliHarness.Run("check", project);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not restored", run.Error, StringComparison.Ordinal);
        Assert.Contains("dotnet restore", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restored_project_reports_the_same_findings_as_folder_mode()
    {
        using var folder = CliHarness.NewFolder();
        var project = TestProjects.Create(folder, "App", referenceRuntime: false);
        TestProjects.Restore(project);
        var inProject = Findings.Check(project).Select(f => $"{f.RuleId} {f.Path}({f.Line},{f.Column})").ToList();
        var inFolder = Findings.Check(Path.GetDirectoryName(project)!).Select(f => $"{f.RuleId} {f.Path}({f.Line},{f.Column})").ToList();
        Assert.NotEmpty(inProject);
        Assert.Equal(inFolder, inProject);
    }

    [Fact]
    public void A_WriteMethods_list_in_the_project_folder_applies_without_the_package()
    {
        using var folder = CliHarness.NewFolder();
        var project = TestProjects.Create(folder, "App", referenceRuntime: false);
        folder.File("App/Store.cs", "namespace App;\npublic interface IBlobStore\n{\n    void Put(string name, string content);\n}\npublic sealed class Settings\n{\n    public void Save(IBlobStore store, string text) => store.Put(\"settings.json\", text);\n}\n");
        folder.File("App/SafeWrites.WriteMethods.txt", "M:App.IBlobStore.Put(System.String,System.String);write\n");
        TestProjects.Restore(project);

        var found = Findings.Check(project).Where(f => f.Path.EndsWith("Store.cs", StringComparison.Ordinal)).Select(f => $"{f.RuleId} ({f.Line},{f.Column})");
        Assert.Equal(new[] { "SW1001 (8,56)" }, found);
    }

    [Theory]
    [InlineData("sln")]
    [InlineData("slnx")]
    public void A_solution_loads_every_project(string format)
    {
        using var folder = CliHarness.NewFolder();
        var first = TestProjects.Create(folder, "First", referenceRuntime: false);
        var second = TestProjects.Create(folder, "Second", referenceRuntime: false);
        var (exit, output) = CliHarness.Exec("dotnet", $"new sln -n All --format {format}", folder.Path);
        Assert.True(exit == 0, output);
        var solution = Path.Combine(folder.Path, "All." + format);
        (exit, output) = CliHarness.Exec("dotnet", $"sln \"{solution}\" add \"{first}\" \"{second}\"", folder.Path);
        Assert.True(exit == 0, output);
        TestProjects.Restore(solution);

        var found = Findings.Check(solution);
        Assert.Contains(found, f => f.Path.StartsWith("First/", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Path.StartsWith("Second/", StringComparison.Ordinal));
        Assert.Equal(found.Count, found.Select(f => (f.RuleId, f.Path, f.Line, f.Column)).Distinct().Count());
    }

    [Fact]
    public void Fix_in_project_mode_leaves_a_project_that_builds_without_the_fixed_findings()
    {
        using var folder = CliHarness.NewFolder();
        var project = TestProjects.Create(folder, "App", referenceRuntime: true);
        TestProjects.Restore(project);
        var before = Findings.Check(project);

        var fix = CliHarness.Run("fix", project);
        Assert.True(fix.ExitCode is 0 or 1, fix.ToString());
        Assert.Contains("fixed ", fix.Output, StringComparison.Ordinal);

        var build = TestProjects.Build(project);
        Assert.True(build.ExitCode == 0, fix + "\n--- build\n" + build.Output);
        var after = Findings.Check(project);
        Assert.True(after.Count < before.Count, fix.ToString());
        // What is left is exactly what fix reported as not fixed.
        Assert.Equal(after.Count, fix.Output.Split('\n').Count(l => l.Contains(": not fixed ", StringComparison.Ordinal)));
    }
}
