using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace SafeWrites.Package.Tests;

/// <summary>
/// The editor path of docs/editors.md for Neovim, Emacs and Helix: csharp-ls (a .NET tool) on a project that
/// references the packed package shows the SafeWrites diagnostics of an open file, with the same ids, ranges and
/// messages and help links as the build, once the client sets <c>csharp.analyzersEnabled</c>; and none with it off.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CsharpLsTests(PackageFixture fixture, ITestOutputHelper output)
{
    private const string ServerVersion = "0.28.0";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan DiagnosticsDeadline = TimeSpan.FromMinutes(4);

    [SkippableFact]
    public async Task Csharp_ls_reports_the_SafeWrites_diagnostics_of_open_files_only_with_analyzers_enabled()
    {
        var tools = Path.Combine(fixture.Work, "csharp-ls");
        var install = fixture.Run(fixture.Work, "tool", "install", "csharp-ls", "--version", ServerVersion, "--tool-path", tools);
        Skip.If(install.ExitCode != 0, $"csharp-ls {ServerVersion} could not be installed as a .NET tool:\n{install}");

        // A project of the unsafe samples' sources; the build's error log (Net8Consumer compiles the same files) says what to expect.
        var project = Path.Combine(fixture.Samples, "Editor");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "Editor.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Library</OutputType>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SafeWrites" />
              </ItemGroup>
            </Project>
            """);
        var built = Findings.SarifResults(fixture.Samples, fixture.DefaultLogs[PackageFixture.Consumers[0]]);
        var expected = new Dictionary<string, List<SarifResult>>();
        foreach (var source in fixture.UnsafeProjects.SelectMany(p => Directory.GetFiles(Path.Combine(fixture.Samples, Path.GetDirectoryName(p)!), "*.cs")))
        {
            var copy = Path.Combine(project, Path.GetFileName(source));
            File.Copy(source, copy);
            expected[copy] = built.Where(r => r.Finding.File == Findings.Relative(fixture.Samples, source)).ToList();
        }

        Assert.Contains(expected.Values, results => results.Count > 0);

        // A compiler (not analyzer) warning: with the analyzers off it still shows, so an empty answer is not a project still loading.
        var marker = Path.Combine(project, "Marker.cs");
        File.WriteAllText(marker, "#warning compiled by csharp-ls\n");
        var files = expected.Keys.Append(marker).ToList();
        PackageFixture.Require(fixture.Run(project, "restore", "Editor.csproj"), "Restoring the editor project failed");

        var analyzersEnabled = true;
        JsonObject Settings() => new() { ["analyzersEnabled"] = Volatile.Read(ref analyzersEnabled) };
        var server = Dotnet.StartInfo(Path.Combine(tools, "csharp-ls"), project, fixture.Environment, "--loglevel", "info");
        using var client = new LspClient(server, (method, _) => method == "workspace/configuration" ? new JsonArray(Settings()) : null);
        try
        {
            var clock = Stopwatch.StartNew();
            var root = new Uri(project + Path.DirectorySeparatorChar).AbsoluteUri;
            await client.Request("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = root,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = "Editor" }),
                ["capabilities"] = new JsonObject
                {
                    // Pull diagnostics: the client asks for a file's diagnostics (textDocument/diagnostic).
                    ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false } },
                    ["workspace"] = new JsonObject { ["configuration"] = true },
                },
            }, RequestTimeout);
            await client.Notify("initialized", new JsonObject());
            foreach (var file in files)
            {
                await client.Notify("textDocument/didOpen", new JsonObject
                {
                    ["textDocument"] = new JsonObject
                    {
                        ["uri"] = new Uri(file).AbsoluteUri,
                        ["languageId"] = "csharp",
                        ["version"] = 1,
                        ["text"] = File.ReadAllText(file),
                    },
                });
            }

            var shown = await WaitForDiagnostics(client, files, got => got.Values.Sum(d => d.Count(IsSafeWrites)) >= expected.Values.Sum(r => r.Count));
            output.WriteLine($"csharp-ls showed {shown.Values.Sum(d => d.Count(IsSafeWrites))} SafeWrites diagnostics after {clock.Elapsed.TotalSeconds:0.0} s:");
            output.WriteLine(string.Join("\n", shown.SelectMany(f => f.Value.Select(d => $"  {Path.GetFileName(f.Key)} {d}"))));
            foreach (var (file, results) in expected)
            {
                var want = results.Select(r => new Shown(r.Finding.Id, Lsp(r.Region), SeverityOf(r.Level), r.Message, r.HelpUri ?? "")).Order().ToList();
                var got = shown[file].Where(IsSafeWrites).Order().ToList();
                Assert.True(want.SequenceEqual(got),
                    $"{Path.GetFileName(file)}: the build reported\n  {string.Join("\n  ", want)}\nbut csharp-ls showed\n  {string.Join("\n  ", got)}\n{client.Transcript()}");
            }

            // Off (csharp-ls's default): the analyzers do not run, the SafeWrites diagnostics go away.
            Volatile.Write(ref analyzersEnabled, false);
            await client.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["csharp"] = Settings() } });
            bool Off(Dictionary<string, List<Shown>> got) => got[marker].Any(d => d.Id == "CS1030") && !got.Values.Any(d => d.Any(IsSafeWrites));
            var off = await WaitForDiagnostics(client, files, Off);
            Assert.True(Off(off),
                $"With csharp.analyzersEnabled = false csharp-ls showed {string.Join("; ", off.Values.SelectMany(d => d))} (expected CS1030 and no SW diagnostic)\n{client.Transcript()}");

            await client.Shutdown(RequestTimeout);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\n{client.Transcript()}", e);
        }
    }

    /// <summary>Asks for each open file's diagnostics until <paramref name="done"/> holds or the deadline passes (the server loads the project first).</summary>
    private static async Task<Dictionary<string, List<Shown>>> WaitForDiagnostics(LspClient client, IEnumerable<string> files, Func<Dictionary<string, List<Shown>>, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var shown = new Dictionary<string, List<Shown>>();
            foreach (var file in files)
            {
                var report = await client.Request("textDocument/diagnostic", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = new Uri(file).AbsoluteUri },
                }, RequestTimeout);
                shown[file] = (report?["items"]?.AsArray() ?? [])
                    .Select(d => new Shown(d!["code"]?.ToString() ?? "", Lsp(d["range"]!), d["severity"]?.GetValue<int>() ?? 0, d["message"]?.ToString() ?? "", d["codeDescription"]?["href"]?.ToString() ?? ""))
                    .ToList();
            }

            if (done(shown) || deadline.Elapsed > DiagnosticsDeadline)
            {
                return shown;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static bool IsSafeWrites(Shown diagnostic) => diagnostic.Id.StartsWith("SW", StringComparison.Ordinal);

    /// <summary>A diagnostic as the editor shows it: the help link is where clicking the id goes.</summary>
    private sealed record Shown(string Id, string Range, int Severity, string Message, string HelpLink) : IComparable<Shown>
    {
        public int CompareTo(Shown? other) => string.CompareOrdinal(ToString(), other?.ToString());
    }

    /// <summary>An LSP range (0-based lines and UTF-16 columns) as text.</summary>
    private static string Lsp(JsonNode range) =>
        $"{range["start"]!["line"]}:{range["start"]!["character"]}-{range["end"]!["line"]}:{range["end"]!["character"]}";

    /// <summary>A SARIF region (1-based, end column exclusive) as the LSP range of the same text.</summary>
    private static string Lsp((int StartLine, int StartColumn, int EndLine, int EndColumn) region) =>
        $"{region.StartLine - 1}:{region.StartColumn - 1}-{region.EndLine - 1}:{region.EndColumn - 1}";

    /// <summary>The LSP DiagnosticSeverity of a SARIF level.</summary>
    private static int SeverityOf(string level) => level switch
    {
        "error" => 1,
        "warning" => 2,
        "note" => 3,
        _ => 4,
    };
}
