namespace SafeWrites.Cli.Tests;

/// <summary>Small real projects for project-mode tests (net10.0: the SDK's own targeting pack, so restore needs no download).</summary>
public static class TestProjects
{
    /// <summary>A project of the case files; with <paramref name="referenceRuntime"/>, it references the SafeWrites runtime DLL the tests run with.</summary>
    public static string Create(TempFolder folder, string name, bool referenceRuntime)
    {
        folder.WithCases(name);
        var runtime = referenceRuntime
            ? $"<ItemGroup><Reference Include=\"SafeWrites\"><HintPath>{typeof(SafeWrites.AtomicFile).Assembly.Location}</HintPath></Reference></ItemGroup>"
            : "";
        return folder.File(
            Path.Combine(name, name + ".csproj"),
            $"<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>disable</ImplicitUsings></PropertyGroup>{runtime}</Project>");
    }

    public static void Restore(string projectOrSolution)
    {
        var (exit, output) = CliHarness.Exec("dotnet", $"restore \"{projectOrSolution}\"", Path.GetDirectoryName(projectOrSolution)!);
        Assert.True(exit == 0, output);
    }

    public static (int ExitCode, string Output) Build(string project)
        => CliHarness.Exec("dotnet", $"build \"{project}\" --no-restore -nologo -v q", Path.GetDirectoryName(project)!);
}
