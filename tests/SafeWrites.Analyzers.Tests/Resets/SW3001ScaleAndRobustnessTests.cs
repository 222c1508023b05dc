using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Resets;
using SafeWrites.Analyzers.Tests.Verifiers;
using Xunit;

namespace SafeWrites.Analyzers.Tests.Resets;

/// <summary>
/// SW3001 at scale and on broken code: transitive save detection visits each method body once (measured with
/// the helper's own counters, not the clock), cycles end, and half-typed code never makes the analyzer throw.
/// </summary>
public class SW3001ScaleAndRobustnessTests
{
    // rules.md: a method saves when it reaches a real save within three calls. On a chain M0 → M1 → … → Mn-1 whose
    // last method writes, only the last three save; each body is summarised once, and each question follows at most
    // two call edges, so the work stays linear in the chain's length.
    [Fact]
    public void Transitive_save_detection_stops_after_three_calls_and_is_linear_on_a_chain_of_2000_methods()
    {
        var small = MeasureChain(1000, endsInSave: true);
        var large = MeasureChain(2000, endsInSave: true);

        Assert.Equal(new[] { 997, 998, 999 }, small.Saving);
        Assert.Equal(new[] { 1997, 1998, 1999 }, large.Saving);
        Assert.Equal(1000, small.Bodies);
        Assert.Equal(2000, large.Bodies);
        Assert.InRange(large.Calls, 1, 3 * 2000);
        Assert.InRange(large.Calls, 1, (2 * small.Calls) + 6);
    }

    [Fact]
    public void A_chain_without_a_save_and_a_call_cycle_are_answered_once()
    {
        var chain = MeasureChain(2000, endsInSave: false);
        Assert.Empty(chain.Saving);
        Assert.Equal(2000, chain.Bodies);
        Assert.InRange(chain.Calls, 1, 2 * 2000);

        var cycle = MeasureChain(500, endsInSave: false, closeCycle: true);
        Assert.Empty(cycle.Saving);
        Assert.Equal(500, cycle.Bodies);
        Assert.InRange(cycle.Calls, 1, 2 * 500);

        // A save reachable through the cycle's back edge is found from the methods within three calls of it.
        var cycleWithSave = MeasureChain(500, endsInSave: false, closeCycle: true, saveInFirst: true);
        Assert.Equal(new[] { 0, 498, 499 }, cycleWithSave.Saving);
    }

    [Fact]
    public async Task The_analyzer_reports_through_three_calls_and_not_through_a_2000_method_chain()
    {
        var near = await Analyze(Compile(ChainSource(3, endsInSave: true, closeCycle: false, saveInFirst: false)));
        var sw3001 = Assert.Single(near, d => d.Id == "SW3001");
        Assert.Contains("_dirty = false;", sw3001.Location.SourceTree!.GetText().ToString(sw3001.Location.SourceSpan), StringComparison.Ordinal);

        var far = await Analyze(Compile(ChainSource(2000, endsInSave: true, closeCycle: false, saveInFirst: false)));
        Assert.DoesNotContain(far, d => d.Id == "SW3001");
        Assert.DoesNotContain(near.AddRange(far), d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Truncated_and_half_typed_code_never_throws()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            public sealed class Store
            {
                private bool _dirty;
                private int _count;
                private readonly List<string> _items = new();
                public bool IsDirty { get => _dirty; set => _dirty = value; }

                public void Add(string item) { _items.Add(item); _count++; _dirty = true; }

                private void MarkClean() { _dirty = false; _count = 0; }

                public async Task SaveAsync()
                {
                    if (!_dirty) return;
                    _dirty = false;
                    try
                    {
                        await File.WriteAllLinesAsync("items.txt", _items);
                    }
                    catch (IOException e)
                    {
                        Console.Error.WriteLine(e);
                        _count = 0;
                    }
                    finally
                    {
                        MarkClean();
                        _items.Clear();
                    }

                    Task.Run(() => { _dirty = false; Flush(); });
                }

                private void Flush() => File.AppendAllText("log.txt", string.Join(",", _items));
            }
            """;

        var failures = new List<string>();
        for (var length = 0; length <= source.Length; length += 11)
        {
            var truncated = source.Substring(0, length);
            foreach (var variant in new[] { truncated, truncated + "\n_dirty = ;\n}", truncated.Replace("File.", "Fil.", StringComparison.Ordinal) })
            {
                var diagnostics = await Analyze(Compile(variant));
                failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => $"length {length}: {d.GetMessage()}"));
            }
        }

        Assert.Empty(failures);
    }

    private static (int[] Saving, int Bodies, int Calls) MeasureChain(int length, bool endsInSave, bool closeCycle = false, bool saveInFirst = false)
    {
        var compilation = Compile(ChainSource(length, endsInSave, closeCycle, saveInFirst));
        var saves = Saves.Get(KnownSymbols.Get(compilation));
        var chain = compilation.GetTypeByMetadataName("Chain")!;
        var methods = Enumerable.Range(0, length).Select(i => (IMethodSymbol)chain.GetMembers("M" + i).Single()).ToList();

        // Ask from the middle, the start and the end, then about every method (answers are memoized).
        foreach (var method in new[] { methods[length / 2], methods[0], methods[length - 1] })
        {
            saves.MethodSaves(method);
        }

        var saving = Enumerable.Range(0, length).Where(i => saves.MethodSaves(methods[i])).ToArray();
        return (saving, saves.BodiesVisited, saves.CallsFollowed);
    }

    private static string ChainSource(int length, bool endsInSave, bool closeCycle, bool saveInFirst)
    {
        var source = new StringBuilder();
        source.AppendLine("using System.IO;");
        source.AppendLine("public sealed class Chain");
        source.AppendLine("{");
        source.AppendLine("    private bool _dirty;");
        source.AppendLine("    public void Touch() { _dirty = true; }");
        source.AppendLine("    public bool HasChanges => _dirty;");
        source.AppendLine("    public void Start() { if (!_dirty) return; _dirty = false; M0(); }");
        for (var i = 0; i < length; i++)
        {
            string body;
            if (i == length - 1)
            {
                body = endsInSave ? "File.WriteAllText(\"chain.txt\", \"x\");" : closeCycle ? "M0();" : "System.Console.WriteLine();";
            }
            else
            {
                body = $"M{i + 1}();";
            }

            if (i == 0 && saveInFirst)
            {
                body += " File.WriteAllText(\"chain.txt\", \"x\");";
            }

            source.AppendLine($"    private void M{i}() {{ {body} }}");
        }

        source.AppendLine("}");
        return source.ToString();
    }

    private static Compilation Compile(string source)
        => CSharpCompilation.Create(
            "ChainTest",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            TestReferences.Net80.Add(TestReferences.SafeWritesRuntime),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static async Task<ImmutableArray<Diagnostic>> Analyze(Compilation compilation)
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new StateResetBeforeSaveAnalyzer());
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        return await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
    }
}
