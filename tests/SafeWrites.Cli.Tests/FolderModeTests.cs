using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeWrites.Cli.Tests;

public sealed class FolderModeTests
{
    internal static readonly string[] AllRules = { "SW1001", "SW1002", "SW1003", "SW1004", "SW1005", "SW1006", "SW2001", "SW2002", "SW2003", "SW3001" };

    [Fact]
    public void Per_rule_results_match_the_analyzers_run_by_the_compiler()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        var cli = Findings.Check(folder.Path)
            .Select(f => $"{f.RuleId} {f.Path}({f.Line},{f.Column})")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        var compiler = CompilerRun(folder.Path)
            .Select(d => $"{d.Id} {Path.GetFileName(d.Location.SourceTree!.FilePath)}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1})")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(compiler, cli);
        // The cases exercise every rule, so an empty or partial run cannot pass.
        foreach (var rule in AllRules)
        {
            Assert.Contains(cli, f => f.StartsWith(rule + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Folder_with_an_ImplicitUsings_project_binds_File_without_a_using()
    {
        using var folder = CliHarness.NewFolder();
        const string code = "namespace App;\npublic static class Saver\n{\n    public static void Save(string text) => File.WriteAllText(\"settings.json\", text);\n}\n";
        folder.File("App/Saver.cs", code);
        folder.File("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        var withImplicit = Findings.Check(folder.Path);
        Assert.Equal(new[] { "SW1001 App/Saver.cs(4,45)" }, withImplicit.Select(f => $"{f.RuleId} {f.Path}({f.Line},{f.Column})"));

        // The same code without ImplicitUsings does not bind File: nothing is reported (no guessing).
        folder.File("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0</TargetFramework><ImplicitUsings>disable</ImplicitUsings></PropertyGroup></Project>");
        Assert.Empty(Findings.Check(folder.Path));
    }

    [Fact]
    public void Sibling_projects_compile_together_and_a_package_in_the_NuGet_cache_is_referenced()
    {
        using var folder = CliHarness.NewFolder();
        folder.File("Core/Core.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" /></ItemGroup></Project>");
        folder.File("Core/Model.cs", "namespace Core;\npublic sealed class Model { public string Name { get; set; } = \"\"; }\n");
        folder.File("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"../Core/Core.csproj\" /></ItemGroup></Project>");
        folder.File("App/Store.cs", "using System.IO;\nusing Core;\nusing Newtonsoft.Json;\nnamespace App;\npublic static class Store\n{\n    public static void Save(string path, Model model) => File.WriteAllText(path, JsonConvert.SerializeObject(model));\n}\n");
        var run = CliHarness.Run("check", folder.Path, "--verbose");
        Assert.True(run.ExitCode == 1, run.ToString());
        // Model (the sibling project) and JsonConvert (the cached package) resolved: the loose compilation has no error.
        Assert.Contains("compiler errors: 0", run.Error, StringComparison.Ordinal);
        Assert.Contains("App/Store.cs(7,", run.Output.Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public void Bin_obj_git_and_excluded_globs_are_skipped()
    {
        using var folder = CliHarness.NewFolder();
        const string unsafeWrite = "using System.IO;\nstatic class W { static void S() => File.WriteAllText(\"settings.json\", \"x\"); }\n";
        foreach (var path in new[] { "src/A.cs", "bin/B.cs", "obj/C.cs", ".git/D.cs", "src/Generated/E.cs", "src/F.g.cs" })
        {
            folder.File(path, unsafeWrite.Replace("class W", "class W" + Path.GetFileNameWithoutExtension(path).Replace(".", ""), StringComparison.Ordinal));
        }

        var found = Findings.Check(folder.Path, "--exclude", "Generated", "--exclude", "**/*.g.cs");
        Assert.Equal(new[] { "src/A.cs" }, found.Select(f => f.Path));
    }

    [Fact]
    public void Editorconfig_and_globalconfig_severities_apply()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        folder.File(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.SW1001.severity = error\ndotnet_diagnostic.SW2001.severity = none\n");
        folder.File(".globalconfig", "is_global = true\ndotnet_diagnostic.SW3001.severity = suggestion\n");
        var found = Findings.Check(folder.Path);
        Assert.All(found.Where(f => f.RuleId == "SW1001"), f => Assert.Equal("error", f.Severity));
        Assert.Contains(found, f => f.RuleId == "SW1001");
        Assert.DoesNotContain(found, f => f.RuleId == "SW2001");
        Assert.All(found.Where(f => f.RuleId == "SW3001"), f => Assert.Equal("info", f.Severity));
        Assert.Contains(found, f => f.RuleId == "SW3001");

        // --severity warning hides the suggestion; --fail-on error fails on the error.
        var run = CliHarness.Run("check", folder.Path, "--severity", "warning", "--fail-on", "error");
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("SW3001:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_WriteMethods_list_in_the_folder_is_read_as_the_package_reads_it()
    {
        using var folder = CliHarness.NewFolder();
        folder.File("Lib/BlobStore.cs", "namespace Lib;\npublic interface IBlobStore\n{\n    void Put(string name, string content);\n}\n");
        folder.File("App/Settings.cs", "using Lib;\nnamespace App;\npublic sealed class Settings\n{\n    public void Save(IBlobStore store, string text) => store.Put(\"settings.json\", text);\n}\n");

        // Without the list, the interface call is nobody's write.
        Assert.Empty(Findings.Check(folder.Path));

        folder.File("App/SafeWrites.WriteMethods.txt", "# the store writes whole files in place\nM:Lib.IBlobStore.Put(System.String,System.String);write\n");
        var found = Findings.Check(folder.Path);
        Assert.Equal(new[] { "SW1001 App/Settings.cs(5,56)" }, found.Select(f => $"{f.RuleId} {f.Path}({f.Line},{f.Column})"));
    }

    [Fact]
    public void SafeWritesMode_preset_in_a_project_applies_in_folder_mode()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        folder.File("Cases.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><SafeWritesMode>strict</SafeWritesMode></PropertyGroup></Project>");
        var found = Findings.Check(folder.Path);
        Assert.NotEmpty(found);
        Assert.All(found, f => Assert.Equal("error", f.Severity));
    }

    [Fact]
    public void Rules_option_limits_the_rules_and_unknown_rules_are_an_input_error()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        var found = Findings.Check(folder.Path, "--rules", "SW2001,SW3001");
        Assert.Equal(new[] { "SW2001", "SW3001" }, found.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal));

        var unknown = CliHarness.Run("check", folder.Path, "--rules", "SW9999");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown rule SW9999", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_split_the_files_without_overlap_and_together_cover_all()
    {
        using var folder = CliHarness.NewFolder().WithCases("a").WithCases("b").WithCases("c");
        var all = Findings.Check(folder.Path).Select(f => $"{f.RuleId} {f.Path} {f.Line}").ToList();
        var shards = Enumerable.Range(1, 3).Select(k => Findings.Check(folder.Path, "--shard", $"{k}/3").Select(f => $"{f.RuleId} {f.Path} {f.Line}").ToList()).ToList();
        Assert.Equal(all.Order(StringComparer.Ordinal), shards.SelectMany(s => s).Order(StringComparer.Ordinal));
        Assert.True(shards.Count(s => s.Count > 0) >= 2, "the 12 files should land in at least two of three shards");
        var files = shards.Select(s => s.Select(f => f.Split(' ')[1]).ToHashSet()).ToList();
        Assert.Empty(files[0].Intersect(files[1]).Concat(files[0].Intersect(files[2])).Concat(files[1].Intersect(files[2])));
    }

    [Fact]
    public void Text_output_is_compiler_style_with_help_links_and_a_summary_per_rule_and_no_colour_when_redirected()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        var run = CliHarness.Run("check", folder.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"Writes\.cs\(\d+,\d+\): warning SW1001: .+ \[https://\S+/docs/rules/SW1001\.md\]", run.Output);
        Assert.Matches(@"(?m)^  SW1001  File is overwritten in place\s+\d+$", run.Output);
        Assert.DoesNotContain("\u001b[", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_shown_only_on_a_terminal_outside_CI()
    {
        using var folder = CliHarness.NewFolder().WithCases();
        var ci = Environment.GetEnvironmentVariable("CI");
        try
        {
            Environment.SetEnvironmentVariable("CI", null);
            var onTerminal = RunWithTerminal(folder.Path);
            Assert.Contains("\ranalyzing", onTerminal, StringComparison.Ordinal);
            Environment.SetEnvironmentVariable("CI", "true");
            Assert.DoesNotContain("\r", RunWithTerminal(folder.Path), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CI", ci);
        }
    }

    private static string RunWithTerminal(string path)
    {
        var error = new StringWriter();
        Program.RunAsync(new[] { "check", path }, new Terminal(new StringWriter(), error, interactiveOutput: false, interactiveError: true)).GetAwaiter().GetResult();
        return error.ToString();
    }

    /// <summary>The reference: the same files compiled by the compiler with every analyzer of the package attached.</summary>
    private static ImmutableArray<Diagnostic> CompilerRun(string folder)
    {
        var trees = Directory.GetFiles(folder, "*.cs").Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: f));
        var compilation = CSharpCompilation.Create("cases", trees, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzers = Assembly.Load(new AssemblyName("SafeWrites.Analyzers")).GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        return compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
