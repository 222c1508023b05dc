using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Tests.Infrastructure;
using SafeWrites.Analyzers.Tests.Verifiers;
using Xunit;
using Xunit.Abstractions;

namespace SafeWrites.Analyzers.Tests.Core;

/// <summary>
/// The cross-method questions (who calls this helper, what is this field set to, is this path moved later) must
/// not make analysis quadratic in the size of a type: a big generated type is analyzed in seconds (the quadratic version took 47 s here).
/// </summary>
public class AnalyzerPerformanceTests
{
    private const int Methods = 600;

    private readonly ITestOutputHelper _output;

    public AnalyzerPerformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_large_type_full_of_writes_is_analyzed_quickly()
    {
        var source = new StringBuilder("using System.IO;\nusing System.Text.Json;\n\npublic partial class Big\n{\n    private string _tmp = \"x.tmp\";\n");
        for (var i = 0; i < Methods; i++)
        {
            source.Append($$"""
                    public void Save{{i}}(string path, string text)
                    {
                        var tmp = path + ".tmp";
                        Write{{i}}(tmp, text);
                        File.Move(tmp, path, true);
                        File.WriteAllText(path + ".{{i}}", JsonSerializer.Serialize(text));
                        using var stream = File.Create(_tmp);
                        stream.WriteByte(1);
                    }

                    private static void Write{{i}}(string target, string text) => File.WriteAllText(target, text);

                """);
        }

        source.Append("}\n");
        var tree = CSharpSyntaxTree.ParseText(source.ToString());
        var compilation = CSharpCompilation.Create("Big", new[] { tree }, TestReferences.Net80, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        stopwatch.Stop();
        _output.WriteLine($"{Methods * 2} methods, {diagnostics.Length} diagnostics, {stopwatch.ElapsedMilliseconds} ms");

        // One SW1002 and one SW1001 (the _tmp field is never moved) per SaveN; the helpers are temp-then-rename.
        Assert.Equal(Methods, diagnostics.Count(d => d.Id == "SW1002"));
        Assert.Equal(Methods, diagnostics.Count(d => d.Id == "SW1001"));
        Assert.True(stopwatch.Elapsed.TotalSeconds < 40, $"analysis took {stopwatch.Elapsed}");
    }
}
