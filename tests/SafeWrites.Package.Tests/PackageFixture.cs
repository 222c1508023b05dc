using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace SafeWrites.Package.Tests;

/// <summary>The test classes that share one packed package and its built consumers (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed package";
}

/// <summary>
/// Packs the solution once into a temporary folder feed and prepares a copy of samples/package that restores from
/// it with an isolated package cache: the unsafe samples (net8.0), two libraries (net8.0, netstandard2.0) compiling
/// all the unsafe sources, and the fixed samples. Builds them all once (diagnostics, SARIF) and records what the
/// unsafe programs print, which the formatted and the fixed programs must print too.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string HelpLinkBase = "https://github.com/safewrites/safewrites/blob/main/docs/rules/";
    public const string SarifPath = "obj/safewrites.sarif";
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public PackageFixture()
    {
        RepoRoot = FindRepoRoot();
        Work = Directory.CreateTempSubdirectory("safewrites-package-test-").FullName;
        try
        {
            Feed = Path.Combine(Work, "feed");
            Samples = Path.Combine(Work, "samples");
            Environment = new Dictionary<string, string>
            {
                // Isolated cache: a SafeWrites of the same version restored earlier must not stand in for this one.
                ["NUGET_PACKAGES"] = Path.Combine(Samples, ".packages"),
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            };

            // The tests' build built every project of the solution (this project references nuget/).
            Pack = Run(RepoRoot, "pack", Path.Combine(RepoRoot, "SafeWrites.sln"), "-c", Configuration, "--no-build", "-tl:off", $"-p:PackageOutputPath={Feed}/");
            Require(Pack, "Packing SafeWrites.sln failed");
            FeedFiles = Directory.GetFiles(Feed).Select(Path.GetFileName).ToList()!;
            // The solution also packs the adapter package SafeWrites.DistributedLock and the tool SafeWrites.Cli.
            var nupkg = Directory.GetFiles(Feed, "SafeWrites.*.nupkg").Single(p => char.IsDigit(Path.GetFileName(p)["SafeWrites.".Length]));
            PackageFiles = EntriesOf(nupkg);
            SymbolFiles = EntriesOf(Path.ChangeExtension(nupkg, ".snupkg"));
            ZipFile.ExtractToDirectory(nupkg, PackageDirectory);
            Nuspec = XDocument.Load(Path.Combine(PackageDirectory, "SafeWrites.nuspec"));
            Analyzers = PackedAnalyzers.Load(Path.Combine(PackageDirectory, "analyzers", "dotnet", "cs"));

            WriteConsumers(Samples);
            Require(Run(Samples, "restore", "All.slnx"), $"Restoring the consumers from the feed {Feed} and nuget.org failed");
            FixedProjects = Projects(Samples, "Fixed");

            Expected = UnsafeProjects.Concat(Consumers).ToDictionary(p => p, ExpectedFor);
            if (Expected.Values.All(e => e.Count == 0))
            {
                throw new InvalidOperationException(
                    $"The packed analyzer declares none of the rules the samples mark (it declares {string.Join(", ", Analyzers.Rules.Keys)}): nothing to test.");
            }

            // One build of every consumer, the fixed samples too (a build with no warning is clean with -warnaserror).
            DefaultBuild = Build(Samples, "All.slnx");
            Require(DefaultBuild, "Building the consumers failed");
            // Kept aside: the other tests' builds rewrite the logs in place.
            DefaultLogs = Expected.Keys.Concat(FixedProjects).ToDictionary(p => p, p =>
            {
                var copy = Path.Combine(Work, "default-logs", p.Replace('/', '_') + ".sarif");
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(LogOf(Samples, p), copy);
                return copy;
            });
            UnsafeOutputs = RunPrograms(Samples, "Unsafe");
        }
        catch
        {
            Dispose(); // nothing of a failed setup is needed: the exception carries the output
            throw;
        }
    }

    public string RepoRoot { get; }

    public string Work { get; }

    public string Feed { get; }

    /// <summary>The copy of samples/package the consumers are built in.</summary>
    public string Samples { get; }

    public string PackageDirectory => Path.Combine(Work, "package");

    public IReadOnlyDictionary<string, string> Environment { get; }

    public ProcessResult Pack { get; }

    public IReadOnlyList<string> FeedFiles { get; }

    public IReadOnlyList<string> PackageFiles { get; }

    public IReadOnlyList<string> SymbolFiles { get; }

    public XDocument Nuspec { get; }

    internal PackedAnalyzers Analyzers { get; }

    /// <summary>The unsafe sample projects (net8.0), relative to <see cref="Samples"/>.</summary>
    public IReadOnlyList<string> UnsafeProjects { get; private set; } = [];

    /// <summary>
    /// Libraries that compile every unsafe sample's sources (not their programs), one per target framework:
    /// the builds that only look at diagnostics use these two instead of the four sample programs.
    /// </summary>
    public static IReadOnlyList<string> Consumers { get; } =
        ["Net8Consumer/Net8Consumer.csproj", "NetStandardConsumer/NetStandardConsumer.csproj"];

    /// <summary>The fixed sample projects (net8.0), relative to <see cref="Samples"/>.</summary>
    public IReadOnlyList<string> FixedProjects { get; } = [];

    /// <summary>The diagnostics each consumer must show: the marked ones of rules the packed analyzer declares.</summary>
    internal IReadOnlyDictionary<string, HashSet<Finding>> Expected { get; }

    /// <summary>The build of every consumer (unsafe and fixed) with the default mode and an error log.</summary>
    public ProcessResult DefaultBuild { get; }

    /// <summary>The error log of each unsafe consumer's default build.</summary>
    public IReadOnlyDictionary<string, string> DefaultLogs { get; }

    /// <summary>What each sample's unsafe program printed, by sample name.</summary>
    public IReadOnlyDictionary<string, string> UnsafeOutputs { get; }

    internal DiagnosticSeverity SeverityOf(string id) => Analyzers.Rules[id].DefaultSeverity;

    public ProcessResult Run(string directory, params string[] args)
    {
        var result = Dotnet.Run(directory, Environment, BuildTimeout, args);
        lock (Timings)
        {
            Timings.Add($"{result.Elapsed.TotalSeconds,6:0.0} s  {result.CommandLine}");
        }

        return result;
    }

    /// <summary>How long each command took, for the test output.</summary>
    public List<string> Timings { get; } = [];

    /// <summary>A full (not incremental) build: the compiler must run to report, and to write the error log.</summary>
    public ProcessResult Build(string directory, string solution, params string[] args)
    {
        foreach (var log in Directory.GetFiles(directory, "safewrites.sarif", SearchOption.AllDirectories))
        {
            File.Delete(log);
        }

        return Run(directory, ["build", solution, "--no-restore", "--no-incremental", "-tl:off", $"-p:ErrorLog={SarifPath}%2Cversion=2.1", .. args]);
    }

    public static string LogOf(string directory, string project) => Path.Combine(directory, Path.GetDirectoryName(project)!, SarifPath);

    /// <summary>The SW diagnostics the error log of a consumer's last build lists.</summary>
    internal static List<(Finding Finding, string Level, string? HelpUri)> Sarif(string directory, string project)
    {
        var log = LogOf(directory, project);
        Assert.True(File.Exists(log), $"{project} wrote no error log at {log}");
        return Findings.FromSarif(directory, log);
    }

    /// <summary>Runs each sample's program of one form (Unsafe, Fixed) in a fresh folder; its output, by sample.</summary>
    public Dictionary<string, string> RunPrograms(string directory, string form) =>
        UnsafeProjects.Select(p => p.Split('/')[0]).ToDictionary(sample => sample, sample =>
        {
            var program = Path.Combine(directory, sample, form, "bin", "Debug", "net8.0", $"{sample}.{form}.dll");
            var result = Run(directory, program, Directory.CreateDirectory(Path.Combine(Work, "runs", Guid.NewGuid().ToString("N"))).FullName);
            Require(result, $"The {form} {sample} program failed");
            return result.Output.Trim();
        });

    /// <summary>Copies the consumer sources (not their build output or NuGet.config) into <paramref name="target"/>.</summary>
    public void CopySamples(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".packages"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }

    public static void Require(ProcessResult result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what}: {result}");
        }
    }

    public void Dispose()
    {
        try
        {
            // SAFEWRITES_KEEP_PACKAGE_TEST=1 keeps the packed feed and the built consumers to look at after a failure.
            if (System.Environment.GetEnvironmentVariable("SAFEWRITES_KEEP_PACKAGE_TEST") is null)
            {
                Directory.Delete(Work, recursive: true);
            }
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is in the temp directory.
        }
    }

    private HashSet<Finding> ExpectedFor(string project)
    {
        // A consumer library compiles every unsafe sample's sources; a sample, its own.
        var sources = Consumers.Contains(project)
            ? UnsafeProjects.SelectMany(p => Directory.GetFiles(Path.Combine(Samples, Path.GetDirectoryName(p)!), "*.cs"))
            : Directory.GetFiles(Path.Combine(Samples, Path.GetDirectoryName(project)!), "*.cs");
        return sources.SelectMany(f => Findings.Markers(Samples, f)).Where(f => Analyzers.Rules.ContainsKey(f.Id)).ToHashSet();
    }

    private void WriteConsumers(string target)
    {
        var source = Path.Combine(RepoRoot, "samples", "package");
        CopySamples(source, target);
        File.WriteAllText(Path.Combine(target, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="test-feed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="test-feed"><package pattern="SafeWrites" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        foreach (var (project, framework) in Consumers.Zip(["net8.0", "netstandard2.0"]))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetDirectoryName(project)!));
            File.WriteAllText(Path.Combine(target, project), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{framework}</TargetFramework>
                <OutputType>Library</OutputType>
                <LangVersion>latest</LangVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SafeWrites" />
                <Compile Include="../*/Unsafe/*.cs" />
              </ItemGroup>
            </Project>
            """);
        }

        UnsafeProjects = Projects(target, "Unsafe");
        WriteSolution(target, "Consumers.slnx", Consumers);
        WriteSolution(target, "All.slnx", [.. UnsafeProjects, .. Consumers, .. Projects(target, "Fixed")]);
    }

    public static List<string> Projects(string root, string form) =>
        Directory.GetFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Select(p => Findings.Relative(root, p))
            .Where(p => p.Split('/') is [_, var f, _] && f == form)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static void WriteSolution(string root, string name, IEnumerable<string> projects) =>
        new XElement("Solution", projects.Select(p => new XElement("Project", new XAttribute("Path", p))))
            .Save(Path.Combine(root, name));

    private static List<string> EntriesOf(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SafeWrites.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SafeWrites.sln above {AppContext.BaseDirectory}");
    }
}
