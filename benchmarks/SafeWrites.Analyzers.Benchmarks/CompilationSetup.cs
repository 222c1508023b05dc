using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>
/// How the measured compilation is built: the .NET 8 reference assemblies plus extra references (a loose folder of
/// real code misses its package references), the SDK's implicit global usings when asked for, and the
/// .editorconfig-style options the analyzers see.
/// </summary>
public sealed class CompilationSetup
{
    /// <summary>The global usings <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> gives a Microsoft.NET.Sdk project.</summary>
    public static readonly IReadOnlyList<string> ImplicitUsingNamespaces = new[]
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    /// <summary>The name of the added file of global usings; <c>.g.cs</c> marks it generated, so no analyzer looks at it.</summary>
    public const string ImplicitUsingsFileName = "ImplicitUsings.g.cs";

    public static CompilationSetup Default { get; } = new(ImmutableArray<MetadataReference>.Empty, implicitUsings: false, new Dictionary<string, string>());

    private CompilationSetup(ImmutableArray<MetadataReference> extraReferences, bool implicitUsings, IReadOnlyDictionary<string, string> options)
    {
        ExtraReferences = extraReferences;
        References = Net80.References.All.Concat(extraReferences).ToImmutableArray();
        ImplicitUsings = implicitUsings;
        AnalyzerConfigOptions = options;
    }

    public ImmutableArray<MetadataReference> ExtraReferences { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public bool ImplicitUsings { get; }

    /// <summary>Global analyzer options (<c>safewrites.sw1001.scope = all</c> …), as a .globalconfig would give them.</summary>
    public IReadOnlyDictionary<string, string> AnalyzerConfigOptions { get; }

    /// <summary>
    /// Resolves every <c>--reference</c> (a DLL, or a folder whose *.dll directly inside are taken; files that are not
    /// .NET assemblies are skipped) and keeps the first assembly of each name, the .NET 8 ones first.
    /// </summary>
    public static CompilationSetup Create(IEnumerable<string> referencePaths, bool implicitUsings, IReadOnlyDictionary<string, string> options)
    {
        var names = new HashSet<string>(
            Net80.References.All.OfType<PortableExecutableReference>().Select(r => Path.GetFileNameWithoutExtension(r.FilePath ?? r.Display ?? "")),
            StringComparer.OrdinalIgnoreCase);
        var references = new List<MetadataReference>();
        foreach (var dll in referencePaths.SelectMany(ExpandReference))
        {
            if (AssemblyNameOf(dll) is { } name && names.Add(name))
            {
                references.Add(MetadataReference.CreateFromFile(dll));
            }
        }

        return new CompilationSetup(references.ToImmutableArray(), implicitUsings, options);
    }

    /// <summary>The trees the setup adds to the corpus (the implicit global usings), parsed with <paramref name="parseOptions"/>.</summary>
    public IEnumerable<SyntaxTree> ExtraTrees(CSharpParseOptions parseOptions)
    {
        if (ImplicitUsings)
        {
            var text = string.Concat(ImplicitUsingNamespaces.Select(ns => $"global using global::{ns};\n"));
            yield return CSharpSyntaxTree.ParseText(text, parseOptions, ImplicitUsingsFileName);
        }
    }

    public AnalyzerOptions AnalyzerOptions(ImmutableArray<AdditionalText> additionalFiles)
        => new(additionalFiles, new GlobalOptionsProvider(AnalyzerConfigOptions));

    private static IEnumerable<string> ExpandReference(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.dll", SearchOption.TopDirectoryOnly).OrderBy(p => p, StringComparer.Ordinal);
        }

        return File.Exists(path) ? new[] { path } : throw new ArgumentException($"--reference: no file or folder '{path}'");
    }

    private static string? AssemblyNameOf(string dll)
    {
        try
        {
            return AssemblyName.GetAssemblyName(dll).Name;
        }
        catch (BadImageFormatException)
        {
            return null; // a native DLL beside the managed ones
        }
    }

    /// <summary>The same options for every tree, like a .globalconfig.</summary>
    private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public GlobalOptionsProvider(IReadOnlyDictionary<string, string> options) => _options = new Options(options);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> _values;

            public Options(IReadOnlyDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
                => _values.TryGetValue(key, out value);
        }
    }
}
