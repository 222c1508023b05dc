using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Tests.Infrastructure;
using SafeWrites.Analyzers.Tests.Verifiers;
using SafeWrites.Analyzers.Waits;
using SafeWrites.Analyzers.Writes;
using Xunit;

namespace SafeWrites.Analyzers.Tests.Core;

/// <summary>
/// In an IDE most code is half-typed. Every analyzer of the assembly runs over every test source cut off at many
/// points, and over files with syntax errors, and must never throw (an exception surfaces to users as AD0001).
/// </summary>
public class AnalyzerRobustnessTests
{
    private const int CutsPerSource = 10;

    private static readonly string[] BrokenSources =
    {
        "using System.IO; class C { void M(string p) { File.WriteAllText(p, ); } }",
        "using System.IO; class C { void M(string p) { File.WriteAllText(; } }",
        "using System.IO; class C { void M(string p) { using var s = File.Create(); s.Write(); } }",
        "using System.IO; class C { void M(string p) { using var s = new FileStream(p, FileMode.); JsonSerializer.Serialize(s, ); } }",
        "using System.IO; class C { void M() { var s = File.Open(x, y, z); s.Write(new byte[1]); File.Move(s, ); } }",
        "using System.IO; class C { void M(string p) { new StreamWriter(p, ).Write(\"\"); new StreamWriter(p, append: ).Write(1); } }",
        "using System.IO; class C { void M(string p) { var o = new FileStreamOptions { Mode = }; using var s = new FileStream(p, o); s.WriteByte(1); } }",
        "using System.IO; class C { void M(string p) { File.WriteAllText(p, Undefined.Serialize(x)); File.Move(Undefined, p); } }",
        "using System.IO; using System.Text.Json; class C { void M(string p) { var json = ; File.WriteAllText(p, json); } }",
        "using System.IO; class C { void M(string p) { M2(p); } void M2(string q) => File.WriteAllText(q, \"\"; }",
        "using System.IO; class C { Stream S => File.Create(; }",
        "using System.IO; class C { void M(FileInfo f) { using var s = f.Open(FileMode.Create, ); s.WriteByte(1); f.MoveTo(); } }",
        "using System.IO; class C { void M(string p) { using (var s = File.Create(p)) s.WriteByte(1) } }",
        "File.WriteAllText(args[0], \"x\"); using var s = System.IO.File.Create(",
        "using System.IO; class C { void M(string p) { var x = p switch { _ => File.Create(p) }; x.WriteByte(1); } }",
        "using System.IO; partial class C { void M(string p) { File.WriteAllText(_tmp, p); Publish(); } partial void Publish(); }",
        "using System.IO; class C { string _tmp; void M(string p) { File.WriteAllText(_tmp, p); Publish(); } void Publish() => File.Move(_tmp); }",
        "using System.IO; class C { void M(string p) { File.WriteAllText(p + , \"\"); File.Move(p + , p); } }",
        "using System.IO; class C { void M(string p) { Stream s = null; s = s ?? File.Create(p); s.WriteByte(1); } }",
        "class C { void M() { System.IO.File.WriteAllBytes(\"a\", new byte[] { 1, 2 ",

        // Clocks and waits (SW2001, SW2002)
        "using System; using System.Threading; class C { void M() { var s = DateTime.UtcNow; while (DateTime.UtcNow - s < ) Thread.Sleep(; } }",
        "using System; class C { void M() { var d = DateTime.Now.AddSeconds(); do { } while (DateTime.Now < d",
        "using System; using System.IO; using System.Threading; class C { FileStream M(string p) { while (true) { try { return new FileStream(p, FileMode.CreateNew, ); } catch (IOException) { Thread.Sleep(); } } } }",
        "using System; using System.IO; class C { void M(string p) { FileStream h; for (;;) { try { h = File.Open(p, ); break; } catch (IOException) when (DateTime.UtcNow < ) { } } using (h) { } } }",
        "using System; using System.Threading; class C { void M(TimeProvider t) { var d = t.GetUtcNow() + ; while (t.GetUtcNow() < d) Thread.Sleep(1); } }",
    };

    [Fact]
    public void The_catalog_finds_the_analyzers_and_the_test_sources()
    {
        Assert.Contains(AnalyzerCatalog.Analyzers, analyzer => analyzer is FileOverwrittenInPlaceAnalyzer);
        Assert.Contains(AnalyzerCatalog.Analyzers, analyzer => analyzer is JsonSerializedInPlaceAnalyzer);
        Assert.Contains(AnalyzerCatalog.Analyzers, analyzer => analyzer is WallClockTimeoutAnalyzer);
        Assert.Contains(AnalyzerCatalog.Analyzers, analyzer => analyzer is HandRolledLockFileAnalyzer);
        Assert.True(AnalyzerCatalog.TestSources().Count >= 50, "expected the raw-string sources of the rule tests");
    }

    [Fact]
    public async Task Analyzers_do_not_throw_on_syntax_errors()
    {
        var failures = new ConcurrentBag<string>();
        foreach (var source in BrokenSources)
        {
            await RunAsync(source, failures);
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Analyzers_do_not_throw_on_half_typed_code()
    {
        var failures = new ConcurrentBag<string>();
        var sources = AnalyzerCatalog.TestSources();
        var cuts = new List<string>();
        foreach (var source in sources)
        {
            for (var i = 1; i <= CutsPerSource; i++)
            {
                cuts.Add(source.Substring(0, source.Length * i / (CutsPerSource + 1)));
            }

            // Also: the source with one line removed in the middle (an unfinished edit, unbalanced braces).
            var lines = source.Split('\n');
            cuts.Add(string.Join("\n", lines.Where((_, index) => index != lines.Length / 2)));
        }

        await Parallel.ForEachAsync(cuts, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (cut, _) => await RunAsync(cut, failures));
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_harness_catches_an_analyzer_that_throws()
    {
        var failures = new ConcurrentBag<string>();
        await RunAsync("class C { void M() { } }", failures, ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));
        Assert.NotEmpty(failures);
    }

    private static Task RunAsync(string source, ConcurrentBag<string> failures) => RunAsync(source, failures, AnalyzerCatalog.Analyzers);

    private static async Task RunAsync(string source, ConcurrentBag<string> failures, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12));
        var references = TestReferences.Net80.Add(TestReferences.Newtonsoft).Add(TestReferences.SafeWritesRuntime);
        var compilation = CSharpCompilation.Create(
            "Robustness",
            new[] { tree },
            references,
            new CSharpCompilationOptions(tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any()
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary));

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => failures.Add($"{analyzer.GetType().Name}: {exception}\n--- source ---\n{source}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                failures.Add(diagnostic + "\n--- source ---\n" + source);
            }
        }
    }

    /// <summary>Not a shipped analyzer (no attribute, no release tracking): it only proves the harness can fail.</summary>
#pragma warning disable RS1001 // Deliberately not discoverable.
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // Test-only rule.
        private static readonly DiagnosticDescriptor Rule = new("TEST0001", "Throws", "Throws", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationBlockAction(_ => throw new InvalidOperationException("boom"));
        }
    }
}
