using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Xunit;

namespace SafeWrites.Analyzers.Benchmarks.Tests;

/// <summary>The options for measuring a folder of real code: references, implicit usings, analyzer options, the findings file.</summary>
public sealed class SourceOptionsTests : IDisposable
{
    // Real code of a modern project: no `using System.IO;` (implicit usings) and a package type (Newtonsoft).
    private const string SettingsStore = """
        using Newtonsoft.Json;

        namespace Sample;

        public sealed class SettingsStore
        {
            public void Save(object settings)
            {
                var json = JsonConvert.SerializeObject(settings);
                File.WriteAllText("settings.json", json);
            }
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sw-bench-" + Guid.NewGuid().ToString("N"));

    public SourceOptionsTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "src"));
        File.WriteAllText(Path.Combine(_folder, "src", "SettingsStore.cs"), SettingsStore);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string NewtonsoftDll => typeof(JsonConvert).Assembly.Location;

    [Fact]
    public void WithoutReferenceAndImplicitUsingsTheLooseFolderDoesNotBindAndNothingIsFound()
    {
        var (findings, errors, failures) = FindingsRun.Run(Corpus.FromDirectory(_folder), CompilationSetup.Default);

        Assert.True(errors > 0);
        Assert.DoesNotContain(findings, d => d.Id == "SW1002");
        Assert.Empty(failures);
    }

    [Fact]
    public void ReferenceAndImplicitUsingsBindTheFolderAndTheFindingIsListed()
    {
        var findingsFile = Path.Combine(_folder, "findings.tsv");
        var options = BenchmarkOptions.Parse(new[]
        {
            "--source", Path.Combine(_folder, "src"), "--runs", "0", "--reference", NewtonsoftDll, "--implicit-usings", "--findings", findingsFile,
        });
        var output = new StringWriter();

        BenchmarkRunner.Run(options, output);

        Assert.Contains("; 0 compiler errors", output.ToString());
        var lines = File.ReadAllLines(findingsFile);
        Assert.Contains("# SW1002: 1", lines);
        Assert.Contains("# SW1001: 0", lines);
        var finding = Assert.Single(lines, line => !line.StartsWith('#'));
        var columns = finding.Split('\t');
        Assert.Equal("SW1002", columns[0]);
        Assert.Equal("SettingsStore.cs:10", columns[1]);
        Assert.Equal("File.WriteAllText(\"settings.json\", json);", columns[2]);
        Assert.NotEmpty(columns[3]);
    }

    [Fact]
    public void AReferenceFolderTakesItsDotNetDllsAndSkipsOthers()
    {
        var references = Path.Combine(_folder, "refs");
        Directory.CreateDirectory(references);
        File.Copy(NewtonsoftDll, Path.Combine(references, "Newtonsoft.Json.dll"));
        File.WriteAllText(Path.Combine(references, "native.dll"), "not a .NET assembly");

        var setup = CompilationSetup.Create(new[] { references }, implicitUsings: false, new System.Collections.Generic.Dictionary<string, string>());

        var reference = Assert.Single(setup.ExtraReferences);
        Assert.EndsWith("Newtonsoft.Json.dll", reference.Display, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAssemblyTheNet8ReferencesHaveIsNotAddedTwice()
    {
        var setup = CompilationSetup.Create(new[] { typeof(System.Text.Json.JsonSerializer).Assembly.Location }, implicitUsings: false, new System.Collections.Generic.Dictionary<string, string>());

        Assert.Empty(setup.ExtraReferences);
    }

    [Fact]
    public void AnalyzerOptionsReachTheAnalyzersAsGlobalOptions()
    {
        var options = BenchmarkOptions.Parse(new[] { "--option", "safewrites.sw1001.scope = all" });
        var setup = CompilationSetup.Create(options.References, options.ImplicitUsings, options.AnalyzerOptions);

        var provider = setup.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty).AnalyzerConfigOptionsProvider;

        Assert.True(provider.GlobalOptions.TryGetValue("safewrites.sw1001.scope", out var value));
        Assert.Equal("all", value);
    }

    [Theory]
    [InlineData("--reference", "no/such/folder-or.dll")]
    [InlineData("--option", "no-equals-sign")]
    [InlineData("--runs", "0")]
    [InlineData("--findings", "out.tsv")]
    public void BadArgumentsGetAClearError(string name, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(new[] { name, value }));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheIdeModeCutsTheCorpusIntoDocumentsOfAbout2000Lines()
    {
        var options = BenchmarkOptions.Parse(new[] { "--ide", "--lines", "200000" });

        Assert.True(options.Ide);
        Assert.Equal(100, options.Corpus.Files);
    }
}
