using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace SafeWrites.Package.Tests;

/// <summary>
/// The package as a user gets it: contents, presets, diagnostics in net8.0 and netstandard2.0 consumers,
/// -warnaserror, SafeWritesMode, .editorconfig overrides, SARIF, `dotnet format analyzers`, the fixed samples.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests(PackageFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Presets = ["recommended", "strict", "none"];

    [Fact]
    public void Solution_packs_one_package_with_runtime_analyzers_presets_and_metadata()
    {
        lock (fixture.Timings)
        {
            output.WriteLine("Commands run so far:\n" + string.Join("\n", fixture.Timings));
        }

        var version = fixture.Nuspec.Descendants().Single(e => e.Name.LocalName == "version").Value;
        // One SafeWrites package (runtime and analyzers together), beside it the adapter package and the command-line tool.
        Assert.Equal(
            new[] { $"SafeWrites.{version}.nupkg", $"SafeWrites.{version}.snupkg", $"SafeWrites.DistributedLock.{version}.nupkg", $"SafeWrites.Cli.{version}.nupkg" }.Order(),
            fixture.FeedFiles.Order());

        string[] expected =
        [
            "README.md",
            "analyzers/dotnet/cs/SafeWrites.Analyzers.dll",
            "analyzers/dotnet/cs/SafeWrites.CodeFixes.dll",
            "buildTransitive/SafeWrites.targets",
            .. Presets.Select(p => $"buildTransitive/config/{p}.globalconfig"),
            "lib/net8.0/SafeWrites.dll",
            "lib/net8.0/SafeWrites.xml",
            "lib/netstandard2.0/SafeWrites.dll",
            "lib/netstandard2.0/SafeWrites.xml",
        ];
        var content = fixture.PackageFiles
            .Where(f => f != "SafeWrites.nuspec" && f != "[Content_Types].xml" && !f.StartsWith("_rels/") && !f.StartsWith("package/"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), content.Order(StringComparer.Ordinal));
        Assert.Contains("lib/net8.0/SafeWrites.pdb", fixture.SymbolFiles);
        Assert.Contains("lib/netstandard2.0/SafeWrites.pdb", fixture.SymbolFiles);

        string Meta(string name) => fixture.Nuspec.Descendants().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";
        Assert.Equal("SafeWrites", Meta("id"));
        Assert.NotEqual("", Meta("authors"));
        Assert.NotEqual("", Meta("description"));
        Assert.Contains("analyzers", Meta("tags"));
        Assert.Equal("README.md", Meta("readme"));
        Assert.Equal("MIT", Meta("license"));
        Assert.StartsWith("https://github.com/", fixture.Nuspec.Descendants().Single(e => e.Name.LocalName == "repository").Attribute("url")?.Value);
        Assert.NotEqual("true", Meta("developmentDependency"));

        var groups = fixture.Nuspec.Descendants().Where(e => e.Name.LocalName == "group")
            .ToDictionary(g => g.Attribute("targetFramework")!.Value, g => g.Elements().Select(d => d.Attribute("id")!.Value).ToList());
        Assert.Equal(new[] { ".NETStandard2.0", "net8.0" }, groups.Keys.Order());
        Assert.Empty(groups["net8.0"]);
        Assert.Contains("System.Text.Json", groups[".NETStandard2.0"]);
        Assert.DoesNotContain(groups.Values.SelectMany(ids => ids), id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_preset_sets_every_rule_the_packed_analyzer_declares()
    {
        Assert.NotEmpty(fixture.Analyzers.Rules);
        foreach (var preset in Presets)
        {
            var path = Path.Combine(fixture.PackageDirectory, "buildTransitive", "config", $"{preset}.globalconfig");
            var lines = File.ReadAllLines(path).Select(l => l.Trim()).ToList();
            Assert.Contains("is_global = true", lines);
            Assert.Contains("global_level = -1", lines);
            var severities = lines.Select(l => Regex.Match(l, @"^dotnet_diagnostic\.(\w+)\.severity\s*=\s*(\w+)$"))
                .Where(m => m.Success)
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            var expected = fixture.Analyzers.Rules.ToDictionary(r => r.Key, r => preset switch
            {
                "recommended" => r.Value.DefaultSeverity >= DiagnosticSeverity.Warning ? "warning" : "suggestion",
                "strict" => "error",
                _ => "none",
            });
            Assert.Equal(expected.OrderBy(e => e.Key), severities.OrderBy(e => e.Key));

            // strict also widens SW1001 to every in-place write (rules.md: safewrites.sw1001.scope); the others keep its default.
            var scope = lines.Where(l => l.StartsWith("safewrites.sw1001.scope", StringComparison.Ordinal)).ToList();
            Assert.Equal(preset == "strict" ? new[] { "safewrites.sw1001.scope = all" } : Array.Empty<string>(), scope);
        }
    }

    [Fact]
    public void Net8_and_netstandard2_consumers_show_the_marked_diagnostics()
    {
        var printed = Findings.FromConsole(fixture.Samples, fixture.DefaultBuild.Output);
        Assert.DoesNotContain(printed, d => d.Level == "error");
        foreach (var (project, expected) in fixture.Expected)
        {
            // The log has every severity; the build output shows the warnings.
            AssertSameFindings(expected, Findings.FromSarif(fixture.Samples, fixture.DefaultLogs[project]).Select(r => r.Finding), $"{project}, error log");
            AssertSameFindings(
                expected.Where(f => fixture.SeverityOf(f.Id) == DiagnosticSeverity.Warning),
                printed.Where(d => d.Project == project).Select(d => d.Finding),
                $"{project}, build output");
        }
    }

    [Fact]
    public void Warnaserror_fails_the_build_naming_the_rules()
    {
        var build = fixture.Build(fixture.Samples, "Consumers.slnx", "-warnaserror");
        Assert.True(build.ExitCode != 0, $"The build should fail: {build}");
        var errors = Findings.FromConsole(fixture.Samples, build.Output).Where(d => d.Level == "error").ToList();
        foreach (var (project, expected) in Consumers())
        {
            AssertSameFindings(
                expected.Where(f => fixture.SeverityOf(f.Id) == DiagnosticSeverity.Warning),
                errors.Where(d => d.Project == project).Select(d => d.Finding),
                $"{project}, errors with -warnaserror");
        }
    }

    [Fact]
    public void Strict_mode_makes_every_rule_an_error_and_editorconfig_overrides_it()
    {
        // .editorconfig wins over the preset: one rule is turned off there, the others stay errors.
        var overridden = fixture.Expected.Values.SelectMany(f => f).Select(f => f.Id).Min(StringComparer.Ordinal)!;
        var editorConfig = Path.Combine(fixture.Samples, ".editorconfig");
        File.WriteAllText(editorConfig, $"root = true\n\n[*.cs]\ndotnet_diagnostic.{overridden}.severity = none\n");
        try
        {
            var build = fixture.Build(fixture.Samples, "Consumers.slnx", "-p:SafeWritesMode=strict");
            var errors = Findings.FromConsole(fixture.Samples, build.Output).Where(d => d.Level == "error").ToList();
            var anyLeft = false;
            foreach (var (project, expected) in Consumers())
            {
                var left = expected.Where(f => f.Id != overridden).ToList();
                anyLeft |= left.Count > 0;
                AssertSameFindings(left, errors.Where(d => d.Project == project).Select(d => d.Finding), $"{project}, errors in strict mode");
                var logged = PackageFixture.Sarif(fixture.Samples, project);
                Assert.All(logged, r => Assert.Equal("error", r.Level));
                AssertSameFindings(left, logged.Select(r => r.Finding), $"{project}, error log in strict mode with {overridden} = none");
            }

            Assert.True(anyLeft ? build.ExitCode != 0 : build.ExitCode == 0, $"Unexpected exit code: {build}");
        }
        finally
        {
            File.Delete(editorConfig);
        }
    }

    [Fact]
    public void None_mode_silences_every_rule()
    {
        var build = fixture.Build(fixture.Samples, "Consumers.slnx", "-p:SafeWritesMode=none", "-warnaserror");
        Assert.True(build.ExitCode == 0, $"The build should pass: {build}");
        Assert.DoesNotMatch(@"\bSW\d{4}\b", build.Output);
        foreach (var project in PackageFixture.Consumers)
        {
            Assert.Empty(PackageFixture.Sarif(fixture.Samples, project));
        }
    }

    [Fact]
    public void An_unknown_mode_fails_the_build_saying_which_modes_exist()
    {
        var build = fixture.Build(fixture.Samples, PackageFixture.Consumers[^1], "-p:SafeWritesMode=strcit");
        Assert.True(build.ExitCode != 0, $"The build should fail: {build}");
        Assert.Contains("error SWB001: SafeWritesMode 'strcit' is not one of: default, recommended, strict, none.", build.Output);
    }

    [Fact]
    public void ErrorLog_writes_sarif_2_1_with_every_rule_and_its_help_link()
    {
        foreach (var project in fixture.Expected.Keys)
        {
            var log = fixture.DefaultLogs[project];
            using var document = JsonDocument.Parse(File.ReadAllText(log));
            var root = document.RootElement;
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());
            Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString());
            var rules = root.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.TryGetProperty("helpUri", out var u) ? u.GetString() : null);
            foreach (var id in fixture.Analyzers.Rules.Keys)
            {
                Assert.True(rules.TryGetValue(id, out var helpUri), $"{log} does not list rule {id}");
                Assert.Equal(PackageFixture.HelpLinkBase + id + ".md", helpUri);
            }

            foreach (var (finding, level, helpUri) in Findings.FromSarif(fixture.Samples, log))
            {
                Assert.Equal(fixture.SeverityOf(finding.Id) == DiagnosticSeverity.Warning ? "warning" : "note", level);
                Assert.Equal(PackageFixture.HelpLinkBase + finding.Id + ".md", helpUri);
            }
        }
    }

    [Fact]
    public void SafeWritesSarifLog_writes_sarif_2_1_and_leaves_the_version_alone()
    {
        var (project, build) = BuildNet8Consumer("-p:SafeWritesSarifLog=logs/safewrites.sarif");
        Assert.DoesNotContain("SWB002", build.Output);

        // The folder did not exist: the package creates it.
        var log = Path.Combine(fixture.Samples, Path.GetDirectoryName(project)!, "logs", "safewrites.sarif");
        Assert.Equal("2.1.0", SarifVersion(log));
        AssertSameFindings(fixture.Expected[project], Findings.FromSarif(fixture.Samples, log).Select(r => r.Finding), $"{project}, SafeWritesSarifLog");
        Assert.Equal(new Version(1, 0, 0, 0), AssemblyVersion(project));
    }

    [Fact]
    public void An_unescaped_comma_in_ErrorLog_warns_SWB002_and_the_escaped_one_does_not()
    {
        var (project, build) = BuildNet8Consumer("-p:ErrorLog=obj/trap.sarif,version=2.1");
        Assert.Contains("warning SWB002: ErrorLog is 'obj/trap.sarif' with no ',version='", build.Output);
        Assert.Contains("-p:SafeWritesSarifLog=obj/trap.sarif", build.Output);

        // What the warning says happened: SARIF 1.0, and the comma's second half became the assembly's version.
        Assert.Equal("1.0.0", SarifVersion(Path.Combine(fixture.Samples, Path.GetDirectoryName(project)!, "obj", "trap.sarif")));
        Assert.Equal(new Version(2, 1, 0, 0), AssemblyVersion(project));

        // The fixture's builds escape it (%2C).
        Assert.Contains("%2Cversion=2.1", fixture.DefaultBuild.CommandLine);
        Assert.DoesNotContain("SWB002", fixture.DefaultBuild.Output);
    }

    /// <summary>A build of the net8.0 consumer with no error log of the fixture's: the property under test sets it.</summary>
    private (string Project, ProcessResult Build) BuildNet8Consumer(string property)
    {
        var project = PackageFixture.Consumers[0];
        var build = fixture.Run(fixture.Samples, "build", project, "--no-restore", "--no-incremental", "-tl:off", property);
        PackageFixture.Require(build, $"The build with {property} failed");
        return (project, build);
    }

    private static string? SarifVersion(string log)
    {
        Assert.True(File.Exists(log), $"no error log at {log}");
        using var document = JsonDocument.Parse(File.ReadAllText(log));
        return document.RootElement.GetProperty("version").GetString();
    }

    private Version? AssemblyVersion(string project) =>
        AssemblyName.GetAssemblyName(Path.Combine(fixture.Samples, Path.GetDirectoryName(project)!, "bin", "Debug", "net8.0", Path.GetFileNameWithoutExtension(project) + ".dll")).Version;

    [SkippableFact]
    public void Dotnet_format_applies_the_fixes_and_the_programs_print_the_same()
    {
        var marked = fixture.UnsafeProjects.SelectMany(p => fixture.Expected[p]).Select(f => f.Id).ToHashSet();
        var fixable = marked.Where(fixture.Analyzers.FixableIds.Contains).Order(StringComparer.Ordinal).ToList();
        Skip.If(fixable.Count == 0,
            $"The packed SafeWrites.CodeFixes.dll fixes none of the rules the samples show ({string.Join(", ", marked.Order())}): nothing for dotnet format to apply.");

        // A copy to rewrite, sharing the restored packages.
        var copy = Path.Combine(fixture.Work, "formatted");
        fixture.CopySamples(fixture.Samples, copy);
        Directory.CreateSymbolicLink(Path.Combine(copy, ".packages"), Path.Combine(fixture.Samples, ".packages"));
        PackageFixture.WriteSolution(copy, "Format.slnx", fixture.UnsafeProjects);
        PackageFixture.Require(fixture.Run(copy, "restore", "Format.slnx"), "Restoring the copy failed");

        var format = fixture.Run(copy, ["format", "analyzers", "Format.slnx", "--no-restore", "--severity", "info", "--diagnostics", .. fixable]);
        PackageFixture.Require(format, "dotnet format failed");

        // What has no packed fix yet is left as it was, and may warn; everything else must be gone and compile, also in
        // the two consumer libraries (net8.0, netstandard2.0) that compile the formatted sources.
        var unfixable = marked.Except(fixable).ToList();
        PackageFixture.WriteSolution(copy, "Formatted.slnx", [.. fixture.UnsafeProjects, .. PackageFixture.Consumers]);
        PackageFixture.Require(fixture.Run(copy, "restore", "Formatted.slnx"), "Restoring the formatted copy failed");
        var build = fixture.Build(copy, "Formatted.slnx", "-warnaserror", $"-p:WarningsNotAsErrors={string.Join("%3B", unfixable)}");
        PackageFixture.Require(build, "The formatted samples do not build clean");
        foreach (var project in fixture.UnsafeProjects.Concat(PackageFixture.Consumers))
        {
            AssertSameFindings(
                fixture.Expected[project].Where(f => unfixable.Contains(f.Id)),
                PackageFixture.Sarif(copy, project).Select(r => r.Finding),
                $"{project} after dotnet format");
        }

        Assert.Equal(fixture.UnsafeOutputs, fixture.RunPrograms(copy, "Unsafe"));
    }

    [Fact]
    public void Fixed_samples_build_clean_and_print_what_the_unsafe_ones_print()
    {
        // The fixture's build had no -warnaserror: no warning at all there is the same as a clean -warnaserror build.
        var complaints = fixture.DefaultBuild.Output.Split('\n')
            .Where(line => Regex.IsMatch(line, @": (warning|error) [A-Z]+\d+:") && line.Contains("/Fixed/", StringComparison.Ordinal))
            .ToList();
        Assert.True(complaints.Count == 0, $"The fixed samples warn:\n{string.Join("\n", complaints)}");
        Assert.NotEmpty(fixture.FixedProjects);
        foreach (var project in fixture.FixedProjects)
        {
            Assert.Empty(Findings.FromSarif(fixture.Samples, fixture.DefaultLogs[project]));
        }

        Assert.Equal(fixture.UnsafeOutputs, fixture.RunPrograms(fixture.Samples, "Fixed"));
    }

    private IEnumerable<KeyValuePair<string, HashSet<Finding>>> Consumers() =>
        PackageFixture.Consumers.Select(p => KeyValuePair.Create(p, fixture.Expected[p]));

    private static void AssertSameFindings(IEnumerable<Finding> expected, IEnumerable<Finding> actual, string where)
    {
        var want = expected.ToHashSet();
        var got = actual.ToHashSet();
        var missing = want.Except(got).Order().ToList();
        var extra = got.Except(want).Order().ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{where}:\n  missing: {string.Join("; ", missing)}\n  unexpected: {string.Join("; ", extra)}");
    }
}
