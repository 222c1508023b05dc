using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeWrites.Analyzers.Tests.Infrastructure;

/// <summary>Analyzer options (the keys of a <c>.globalconfig</c>) set for every tree of a compilation run by hand.</summary>
internal sealed class GlobalAnalyzerOptions : AnalyzerConfigOptionsProvider
{
    private readonly Options _options;

    private GlobalAnalyzerOptions(IReadOnlyDictionary<string, string> values) => _options = new Options(values);

    public override AnalyzerConfigOptions GlobalOptions => _options;

    /// <summary>Options for <see cref="CompilationWithAnalyzers"/> with these keys set globally.</summary>
    public static AnalyzerOptions Create(IReadOnlyDictionary<string, string> values)
        => new(ImmutableArray<AdditionalText>.Empty, new GlobalAnalyzerOptions(values));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public Options(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
