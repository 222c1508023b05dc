using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace SafeWrites.Analyzers.Benchmarks.Tests;

/// <summary>The IDE-path mode on a small generated corpus: it runs, times both sides and reports the ratio line.</summary>
public class IdePathTests
{
    [Fact]
    public void OneEditedDocumentIsMeasuredAgainstTheCompilersDiagnosticsOfIt()
    {
        var corpus = CorpusGenerator.Generate(new CorpusSettings(Lines: 4_000, Files: 2) { HazardEveryLines = 150 });

        var report = IdePathBenchmark.Measure(corpus, runs: 1, CompilationSetup.Default);
        var output = new StringWriter();
        IdePathBenchmark.Write(report, output);

        Assert.Empty(report.Failures);
        Assert.InRange(report.DocumentLines, 1_500, 2_500);
        Assert.True(report.CompilerMs > 0);
        Assert.True(report.SafeWritesWallMs > 0);
        Assert.True(report.PeerWallMs > 0);
        // Hazards are planted about every 150 lines, so the document has SafeWrites diagnostics to find.
        Assert.True(report.SafeWritesDiagnostics > 0);
        Assert.Matches(new Regex(@"^ide safewrites/compiler = \d+\.\d{2}\r?$", RegexOptions.Multiline), output.ToString());
    }
}
