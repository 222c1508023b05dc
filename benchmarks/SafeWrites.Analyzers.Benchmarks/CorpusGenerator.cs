using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>Size and density of a generated corpus.</summary>
public sealed record CorpusSettings(int Lines = CorpusSettings.DefaultLines, int Files = CorpusSettings.DefaultFiles, int Seed = 1)
{
    public const int DefaultLines = 200_000;
    public const int DefaultFiles = 1_000;

    /// <summary>About one planted hazard (a real SW diagnostic) per this many lines: most code touches none. 0: no hazards (a code base whose warnings are fixed).</summary>
    public int HazardEveryLines { get; init; } = 700;

    /// <summary>About one look-alike (file, JSON or clock code that is fine) per this many lines.</summary>
    public int LookAlikeEveryLines { get; init; } = 120;
}

/// <summary>
/// Writes a C# code base that looks like an application's: services, settings and cache classes with async code,
/// loops, locks and LINQ. A few members write files, serialize JSON, read clocks or reset state — mostly safely
/// (look-alikes the rules must leave alone), sometimes not (hazards, one diagnostic each, counted in
/// <see cref="Corpus.Planted"/>). The same settings always give the same files.
/// </summary>
public static class CorpusGenerator
{
    private static readonly string[] Areas = { "Billing", "Catalog", "Shipping", "Accounts", "Reporting", "Inventory", "Notifications", "Search" };
    private static readonly string[] Nouns = { "Order", "Invoice", "Customer", "Product", "Shipment", "Report", "Ledger", "Quote", "Basket", "Refund" };
    private static readonly string[] ClassKinds = { "Service", "Settings", "Cache", "Processor", "Store", "Coordinator" };

    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Shared;

        """;

    /// <summary>Types every generated file uses; one file, not counted as a hazard or look-alike.</summary>
    private const string SharedModels = """
        using System;
        using System.Collections.Generic;

        namespace Contoso.Shared;

        public sealed record OrderLine(string Sku, int Quantity, decimal Price);

        public sealed record Order(int Id, string Customer, decimal Total, DateTime CreatedAt, IReadOnlyList<OrderLine> Lines);

        public sealed class AppSettings
        {
            public string Name { get; set; } = "";
            public int RetryCount { get; set; } = 3;
            public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
            public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
        }

        public interface IOrderSource
        {
            IAsyncEnumerable<Order> ReadAsync(string customer);
            bool IsReady { get; }
        }

        """;

    public static Corpus Generate(CorpusSettings settings)
    {
        if (settings.Lines <= 0 || settings.Files <= 0)
        {
            throw new ArgumentException("Lines and files must be positive.", nameof(settings));
        }

        var state = new GeneratorState(settings);
        var files = new List<SourceFile> { new("Shared/Models.cs", SharedModels) };
        var linesPerFile = Math.Max(40, settings.Lines / settings.Files);
        for (var index = 0; index < settings.Files; index++)
        {
            files.Add(GenerateFile(state, index, linesPerFile));
        }

        var hazards = settings.HazardEveryLines > 0 ? $"one hazard per ~{settings.HazardEveryLines} lines" : "no hazards";
        var description = $"generated, seed {settings.Seed}, {hazards}, one look-alike per ~{settings.LookAlikeEveryLines} lines";
        return new Corpus(description, files, state.Planted);
    }

    private static SourceFile GenerateFile(GeneratorState state, int index, int targetLines)
    {
        var area = Areas[index % Areas.Length];
        var module = "Module" + (index / Areas.Length);
        var code = new StringBuilder(targetLines * 40);
        code.Append(Usings).Append("namespace Contoso.").Append(area).Append('.').Append(module).Append(";\n");

        var lines = Corpus.CountLines(code.ToString());
        var classCount = 1 + state.Random.Next(3);
        for (var c = 0; c < classCount; c++)
        {
            var className = Nouns[state.Random.Next(Nouns.Length)] + ClassKinds[state.Random.Next(ClassKinds.Length)] + index + "_" + c;
            var classBudget = (targetLines - lines) / (classCount - c);
            lines += AppendClass(state, code, className, classBudget);
        }

        return new SourceFile($"{area}/{module}/File{index:D4}.cs", code.ToString());
    }

    /// <summary>Appends one class of about <paramref name="budget"/> lines; returns the lines written.</summary>
    private static int AppendClass(GeneratorState state, StringBuilder code, string className, int budget)
    {
        var body = new StringBuilder();
        var lines = 0;
        var member = 0;
        do
        {
            var text = state.NextMember(member++);
            body.Append('\n').Append(text);
            lines += Corpus.CountLines(text) + 1;
        }
        while (lines < budget - 4);

        code.Append('\n')
            .Append("public sealed class ").Append(className).Append('\n')
            .Append("{\n")
            .Append("    private readonly object _gate = new();\n")
            .Append("    private int _version;\n")
            .Append(body)
            .Append("}\n");
        return lines + 6;
    }

    /// <summary>The random source, the running line count and what has been planted so far.</summary>
    private sealed class GeneratorState
    {
        private readonly CorpusSettings _settings;
        private readonly Dictionary<string, int> _planted = Templates.Hazards.Select(h => h.RuleId).Distinct().ToDictionary(id => id, _ => 0);
        private int _lines;
        private int _nextHazardAt;
        private int _nextLookAlikeAt;
        private int _hazardCount;
        private int _uniqueId;

        public GeneratorState(CorpusSettings settings)
        {
            _settings = settings;
            Random = new Random(settings.Seed);
            _nextHazardAt = settings.HazardEveryLines > 0 ? Random.Next(settings.HazardEveryLines / 4) : int.MaxValue;
            _nextLookAlikeAt = Random.Next(settings.LookAlikeEveryLines);
        }

        public Random Random { get; }

        public IReadOnlyDictionary<string, int> Planted => _planted;

        /// <summary>
        /// The next member: a hazard or a look-alike when the line count reaches its next (jittered) spot, else plain
        /// code. Hazards go round-robin over the templates so every rule is planted even in a small corpus.
        /// </summary>
        public string NextMember(int memberIndex)
        {
            var id = ++_uniqueId;
            string text;
            if (memberIndex > 0 && _lines >= _nextHazardAt)
            {
                var hazard = Templates.Hazards[_hazardCount++ % Templates.Hazards.Length];
                _planted[hazard.RuleId]++;
                text = hazard.Write(new TemplateContext(Random, id));
                _nextHazardAt = _lines + Jitter(_settings.HazardEveryLines);
            }
            else if (memberIndex > 0 && _lines >= _nextLookAlikeAt)
            {
                text = Templates.LookAlikes[Random.Next(Templates.LookAlikes.Length)](new TemplateContext(Random, id));
                _nextLookAlikeAt = _lines + Jitter(_settings.LookAlikeEveryLines);
            }
            else
            {
                text = Templates.Plain[Random.Next(Templates.Plain.Length)](new TemplateContext(Random, id));
            }

            _lines += Corpus.CountLines(text) + 1;
            return text;
        }

        private int Jitter(int every) => every / 2 + Random.Next(every);
    }
}
