using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Tests.Verifiers;
using SafeWrites.Analyzers.Waits;
using Xunit;
using Xunit.Abstractions;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>
/// SW2001/SW2002 follow helper methods of the same file (waits, lock attempts, guards): a large type full of wait
/// loops that call helpers must still be analyzed in seconds.
/// </summary>
public class SW2001SW2002PerformanceTests
{
    private const int Methods = 400;

    private readonly ITestOutputHelper _output;

    public SW2001SW2002PerformanceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_large_type_full_of_wait_and_lock_loops_is_analyzed_quickly()
    {
        var source = new StringBuilder("using System;\nusing System.IO;\nusing System.Threading;\n\npublic class Big\n{\n");
        for (var i = 0; i < Methods; i++)
        {
            source.Append($$"""
                    public bool Wait{{i}}(Func<bool> done)
                    {
                        var deadline = DateTime.UtcNow.AddSeconds({{i + 1}});
                        while (!done())
                        {
                            if (DateTime.UtcNow > deadline) return false;
                            Pause{{i}}();
                            Log{{i}}("waiting");
                        }

                        return true;
                    }

                    public FileStream Lock{{i}}(string path)
                    {
                        while (true)
                        {
                            try { return Open{{i}}(path); }
                            catch (IOException) { Pause{{i}}(); }
                        }
                    }

                    private static FileStream Open{{i}}(string path) => new FileStream(path, FileMode.CreateNew);
                    private static void Pause{{i}}() => Thread.Sleep(10);
                    private static void Log{{i}}(string text) => Console.WriteLine(text);

                """);
        }

        source.Append("}\n");
        var tree = CSharpSyntaxTree.ParseText(source.ToString());
        var compilation = CSharpCompilation.Create("Big", new[] { tree }, TestReferences.Net80, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new WallClockTimeoutAnalyzer(), new HandRolledLockFileAnalyzer());
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        stopwatch.Stop();
        _output.WriteLine($"{Methods * 5} methods, {diagnostics.Length} diagnostics, {stopwatch.ElapsedMilliseconds} ms");

        Assert.Equal(Methods, diagnostics.Count(d => d.Id == "SW2001"));
        Assert.Equal(Methods, diagnostics.Count(d => d.Id == "SW2002"));
        Assert.True(stopwatch.Elapsed.TotalSeconds < 40, $"analysis took {stopwatch.Elapsed}");
    }
}
