using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>The command line; see <see cref="Usage"/>.</summary>
public sealed record BenchmarkOptions
{
    public const string Usage =
        "usage: SafeWrites.Analyzers.Benchmarks [--lines N] [--files N] [--seed S] [--runs R] [--source DIR] [--scaling] [--hazard-every N] [--write-corpus DIR]\n" +
        "       [--reference DLL-or-DIR]... [--implicit-usings] [--option KEY=VALUE]... [--findings FILE] [--ide]\n" +
        "  --lines N          generated corpus size (default 200000)\n" +
        "  --files N          generated corpus files (default: lines / 200)\n" +
        "  --seed S           generator seed (default 1)\n" +
        "  --runs R           measured runs, median reported (default 5; one warm-up run comes first; 0 with --findings: no timing)\n" +
        "  --source DIR       measure the .cs files under DIR instead of a generated corpus\n" +
        "  --scaling          also measure generated corpora of 50k, 100k, 200k and 400k lines\n" +
        "  --hazard-every N   plant one real SW diagnostic per about N lines (default 700; 0: none, a clean code base)\n" +
        "  --write-corpus DIR write the generated corpus to DIR and stop\n" +
        "  --reference P      add a reference: a DLL, or every .NET DLL directly in folder P (repeatable; loose folders miss their packages)\n" +
        "  --implicit-usings  add the SDK's implicit global usings (System, System.IO, System.Linq, ...)\n" +
        "  --option K=V       an analyzer option, as in a .globalconfig (repeatable), e.g. safewrites.sw1001.scope=all\n" +
        "  --findings FILE    write every SafeWrites finding (rule, path:line, the source line, message) and per-rule counts to FILE\n" +
        "  --ide              measure the IDE path instead: analyzer semantic diagnostics of one edited ~2,000-line document\n" +
        "                     of the generated corpus (--lines) against the compiler's own diagnostics of that document";

    public CorpusSettings Corpus { get; init; } = new();

    public string? SourceDirectory { get; init; }

    public int Runs { get; init; } = 5;

    public bool Scaling { get; init; }

    public string? WriteCorpusTo { get; init; }

    public IReadOnlyList<string> References { get; init; } = Array.Empty<string>();

    public bool ImplicitUsings { get; init; }

    public IReadOnlyDictionary<string, string> AnalyzerOptions { get; init; } = new Dictionary<string, string>();

    public string? FindingsPath { get; init; }

    public bool Ide { get; init; }

    /// <summary>The size of the edited document of <c>--ide</c>: files of about this many lines when --files is not given.</summary>
    public const int IdeDocumentLines = 2_000;

    public static readonly IReadOnlyList<int> ScalingLines = new[] { 50_000, 100_000, 200_000, 400_000 };

    /// <summary>Files for a corpus of <paramref name="lines"/> lines: about 200 lines a file, like the default.</summary>
    public static int FilesFor(int lines) => Math.Max(1, lines / (CorpusSettings.DefaultLines / CorpusSettings.DefaultFiles));

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        int? lines = null, files = null;
        var seed = 1;
        var hazardEvery = new CorpusSettings().HazardEveryLines;
        var options = new BenchmarkOptions();
        var references = new List<string>();
        var analyzerOptions = new Dictionary<string, string>(StringComparer.Ordinal);
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
                    options = options with { Runs = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture) };
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
                case "--reference":
                    references.Add(ExistingPath(Value(args, ref i)));
                    break;
                case "--implicit-usings":
                    options = options with { ImplicitUsings = true };
                    break;
                case "--option":
                    var (key, value) = KeyValue(Value(args, ref i));
                    analyzerOptions[key] = value;
                    break;
                case "--findings":
                    options = options with { FindingsPath = Value(args, ref i) };
                    break;
                case "--ide":
                    options = options with { Ide = true };
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'\n{Usage}");
            }
        }

        if (options.Runs < 0 || (options.Runs == 0 && options.FindingsPath is null))
        {
            throw new ArgumentException("--runs must be positive (0 only with --findings: the findings without timing)");
        }

        if (options.FindingsPath is not null && options.SourceDirectory is null)
        {
            throw new ArgumentException("--findings needs --source (a generated corpus has its planted counts instead)");
        }

        var corpusLines = lines ?? CorpusSettings.DefaultLines;
        var corpusFiles = files ?? (options.Ide ? Math.Max(1, corpusLines / IdeDocumentLines) : FilesFor(corpusLines));
        return options with
        {
            Corpus = new CorpusSettings(corpusLines, corpusFiles, seed) { HazardEveryLines = hazardEvery },
            References = references,
            AnalyzerOptions = analyzerOptions,
        };
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
        => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value\n{Usage}");

    private static string ExistingPath(string path)
        => File.Exists(path) || Directory.Exists(path) ? path : throw new ArgumentException($"--reference: no file or folder '{path}'");

    private static (string Key, string Value) KeyValue(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? (text[..equals].Trim(), text[(equals + 1)..].Trim())
            : throw new ArgumentException($"--option needs KEY=VALUE, got '{text}'");
    }

    private static int Positive(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        var value = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"{name} must be positive");
    }
}
