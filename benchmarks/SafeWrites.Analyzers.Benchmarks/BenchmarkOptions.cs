using System;
using System.Collections.Generic;
using System.Globalization;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>The command line: <c>[--lines N] [--files N] [--seed S] [--runs R] [--source DIR] [--scaling] [--hazard-every N] [--write-corpus DIR]</c>.</summary>
public sealed record BenchmarkOptions
{
    public const string Usage =
        "usage: SafeWrites.Analyzers.Benchmarks [--lines N] [--files N] [--seed S] [--runs R] [--source DIR] [--scaling] [--hazard-every N] [--write-corpus DIR]\n" +
        "  --lines N          generated corpus size (default 200000)\n" +
        "  --files N          generated corpus files (default: lines / 200)\n" +
        "  --seed S           generator seed (default 1)\n" +
        "  --runs R           measured runs, median reported (default 5; one warm-up run comes first)\n" +
        "  --source DIR       measure the .cs files under DIR instead of a generated corpus\n" +
        "  --scaling          also measure generated corpora of 50k, 100k, 200k and 400k lines\n" +
        "  --hazard-every N   plant one real SW diagnostic per about N lines (default 700; 0: none, a clean code base)\n" +
        "  --write-corpus DIR write the generated corpus to DIR and stop";

    public CorpusSettings Corpus { get; init; } = new();

    public string? SourceDirectory { get; init; }

    public int Runs { get; init; } = 5;

    public bool Scaling { get; init; }

    public string? WriteCorpusTo { get; init; }

    public static readonly IReadOnlyList<int> ScalingLines = new[] { 50_000, 100_000, 200_000, 400_000 };

    /// <summary>Files for a corpus of <paramref name="lines"/> lines: about 200 lines a file, like the default.</summary>
    public static int FilesFor(int lines) => Math.Max(1, lines / (CorpusSettings.DefaultLines / CorpusSettings.DefaultFiles));

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        int? lines = null, files = null;
        var seed = 1;
        var hazardEvery = new CorpusSettings().HazardEveryLines;
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--lines":
                    lines = Positive(args, ref i);
                    break;
                case "--files":
                    files = Positive(args, ref i);
                    break;
                case "--seed":
                    seed = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--runs":
                    options = options with { Runs = Positive(args, ref i) };
                    break;
                case "--source":
                    options = options with { SourceDirectory = Value(args, ref i) };
                    break;
                case "--hazard-every":
                    hazardEvery = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--scaling":
                    options = options with { Scaling = true };
                    break;
                case "--write-corpus":
                    options = options with { WriteCorpusTo = Value(args, ref i) };
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'\n{Usage}");
            }
        }

        var corpusLines = lines ?? CorpusSettings.DefaultLines;
        return options with { Corpus = new CorpusSettings(corpusLines, files ?? FilesFor(corpusLines), seed) { HazardEveryLines = hazardEvery } };
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
        => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value\n{Usage}");

    private static int Positive(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        var value = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"{name} must be positive");
    }
}
