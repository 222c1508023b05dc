using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Cli.Analysis;

namespace SafeWrites.Cli.Tests;

/// <summary>
/// The tool analyzes a project's compilation in one pass and keeps the files outside the scan (obj/, other shards,
/// --exclude) out by suppressing the rules there. These tests hold the analyzer driver to what that relies on.
/// </summary>
public sealed class ScanScopeTests
{
    [Fact]
    public async Task Analyzers_run_only_on_the_scanned_files_and_the_rest_still_binds()
    {
        var scanned = CSharpSyntaxTree.ParseText("class A { void M() { new B().Run(); } }", path: "A.cs");
        var outside = CSharpSyntaxTree.ParseText("class B { public void Run() { } }", path: "B.cs");
        var compilation = Compile(scanned, outside);
        var scoped = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(
            new ScanScope(compilation.Options.SyntaxTreeOptionsProvider, new[] { scanned }, new[] { BlockCounter.Rule.Id })));
        var counter = new BlockCounter();

        var diagnostics = await scoped.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(counter)).GetAnalyzerDiagnosticsAsync();

        Assert.Equal(new[] { "A.cs" }, counter.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "A.cs" }, diagnostics.Select(d => d.Location.SourceTree!.FilePath).Distinct());
        // A.M calls B.Run: B.cs, though not analyzed, is still in the compilation for binding.
        Assert.Empty(scoped.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task The_projects_own_severities_still_apply_in_the_scanned_files()
    {
        var scanned = CSharpSyntaxTree.ParseText("class A { void M() { } }", path: "A.cs");
        var outside = CSharpSyntaxTree.ParseText("class B { void M() { } }", path: "B.cs");
        var compilation = Compile(scanned, outside);
        var asError = compilation.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { [BlockCounter.Rule.Id] = ReportDiagnostic.Error });
        var scoped = compilation.WithOptions(asError.WithSyntaxTreeOptionsProvider(
            new ScanScope(asError.SyntaxTreeOptionsProvider, new[] { scanned }, new[] { BlockCounter.Rule.Id })));

        var diagnostics = await scoped.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new BlockCounter())).GetAnalyzerDiagnosticsAsync();

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("A.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    private static CSharpCompilation Compile(params SyntaxTree[] trees)
        => CSharpCompilation.Create("scope", trees, Basic.Reference.Assemblies.Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>Reports every method body and counts, per file, the bodies the driver handed it.</summary>
#pragma warning disable RS1001 // Test-only analyzer, handed to the driver directly: nothing should discover it.
    private sealed class BlockCounter : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // Test-only rule.
        public static readonly DiagnosticDescriptor Rule = new("TEST001", "Body", "Body", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        public ConcurrentDictionary<string, int> Files { get; } = new(StringComparer.Ordinal);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => start.RegisterCodeBlockAction(block =>
            {
                if (block.OwningSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary })
                {
                    Files.AddOrUpdate(block.CodeBlock.SyntaxTree.FilePath, 1, (_, n) => n + 1);
                    block.ReportDiagnostic(Diagnostic.Create(Rule, block.CodeBlock.GetLocation()));
                }
            }));
        }
    }
}
