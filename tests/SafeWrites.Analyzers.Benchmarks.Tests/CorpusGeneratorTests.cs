using System;
using System.IO;
using System.Linq;
using Xunit;

namespace SafeWrites.Analyzers.Benchmarks.Tests;

public class CorpusGeneratorTests
{
    private static readonly CorpusSettings Small = new(Lines: 2_000, Files: 10, Seed: 7);

    [Fact]
    public void SameSeedGivesTheSameFiles()
    {
        var first = CorpusGenerator.Generate(Small);
        var second = CorpusGenerator.Generate(Small);

        Assert.Equal(first.Files, second.Files);
        Assert.Equal(first.Planted, second.Planted);
    }

    [Fact]
    public void DifferentSeedGivesDifferentFiles()
    {
        var first = CorpusGenerator.Generate(Small);
        var other = CorpusGenerator.Generate(Small with { Seed = 8 });

        Assert.Equal(first.Files.Select(f => f.Path), other.Files.Select(f => f.Path));
        Assert.NotEqual(first.Files.Select(f => f.Text), other.Files.Select(f => f.Text));
    }

    [Theory]
    [InlineData(2_000, 10)]
    [InlineData(20_000, 100)]
    public void HitsTheRequestedSize(int lines, int files)
    {
        var corpus = CorpusGenerator.Generate(new CorpusSettings(lines, files));

        // One shared models file on top of the requested ones; each file overshoots by at most one member.
        Assert.Equal(files + 1, corpus.Files.Count);
        Assert.InRange(corpus.LineCount, lines * 0.9, lines * 1.15);
    }

    [Fact]
    public void MostCodeTouchesNoHazard()
    {
        var corpus = CorpusGenerator.Generate(new CorpusSettings(20_000, 100));

        // The default density: about one hazard per 700 lines, every rule planted.
        Assert.All(corpus.Planted.Values, count => Assert.True(count > 0));
        Assert.InRange(corpus.Planted.Values.Sum(), 15, 45);
    }

    [Fact]
    public void HazardEveryZeroPlantsNothing()
    {
        var corpus = CorpusGenerator.Generate(new CorpusSettings(20_000, 100) { HazardEveryLines = 0 });

        Assert.All(corpus.Planted.Values, count => Assert.Equal(0, count));
        Assert.DoesNotContain(corpus.Files, file => file.Text.Contains("AcquireLock", StringComparison.Ordinal));
    }

    [Fact]
    public void SourceFolderIsReadBackWithoutBuildOutput()
    {
        var corpus = CorpusGenerator.Generate(Small);
        var directory = Path.Combine(Path.GetTempPath(), "sw-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            corpus.WriteTo(directory);
            Directory.CreateDirectory(Path.Combine(directory, "obj"));
            File.WriteAllText(Path.Combine(directory, "obj", "Generated.cs"), "class Generated { }");

            var read = Corpus.FromDirectory(directory);

            Assert.Equal(corpus.Files.Count, read.Files.Count);
            Assert.Equal(corpus.LineCount, read.LineCount);
            Assert.Empty(read.Planted);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void OptionsParseTheCommandLine()
    {
        var options = BenchmarkOptions.Parse(new[] { "--lines", "50000", "--seed", "3", "--runs", "7", "--scaling" });

        Assert.Equal(new CorpusSettings(50_000, 250, 3), options.Corpus);
        Assert.Equal(7, options.Runs);
        Assert.True(options.Scaling);
        Assert.Equal(new CorpusSettings(), BenchmarkOptions.Parse(Array.Empty<string>()).Corpus);
        Assert.Equal(0, BenchmarkOptions.Parse(new[] { "--hazard-every", "0" }).Corpus.HazardEveryLines);
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(new[] { "--lines" }));
        Assert.Throws<ArgumentException>(() => BenchmarkOptions.Parse(new[] { "--fast" }));
    }
}
