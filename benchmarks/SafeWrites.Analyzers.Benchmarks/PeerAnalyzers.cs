using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>
/// The peer: Microsoft.CodeAnalysis.BannedApiAnalyzers (RS0030), loaded from the package DLLs the build copies to
/// banned-api/, with BannedSymbols.txt (the File and JsonSerializer APIs SW1001/SW1002 watch) as its additional file.
/// </summary>
public static class PeerAnalyzers
{
    public const string BannedApiRuleId = "RS0030";

    private const string AnalyzerFileName = "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "banned-api");

    public static string BannedSymbolsPath => Path.Combine(AppContext.BaseDirectory, "BannedSymbols.txt");

    /// <summary>The C# analyzers of the package (RS0030 among them).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> LoadBannedApiAnalyzers()
    {
        var path = Path.Combine(Directory, AnalyzerFileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("BannedApiAnalyzers was not copied beside the benchmark; build the project (dotnet run does).", path);
        }

        var reference = new AnalyzerFileReference(path, new DirectoryAnalyzerLoader(Directory));
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        if (!analyzers.Any(a => a.SupportedDiagnostics.Any(d => d.Id == BannedApiRuleId)))
        {
            throw new InvalidOperationException($"{AnalyzerFileName} has no {BannedApiRuleId} analyzer.");
        }

        return analyzers;
    }

    public static AdditionalText BannedSymbols() => new TextFile(BannedSymbolsPath, File.ReadAllText(BannedSymbolsPath));

    private sealed class TextFile : AdditionalText
    {
        private readonly SourceText _text;

        public TextFile(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>
    /// Loads the analyzer and its dependencies (Microsoft.Bcl.AsyncInterfaces …) from its folder, but shares Roslyn
    /// with the host: the analyzer's DiagnosticAnalyzer must be the host's type.
    /// </summary>
    private sealed class DirectoryAnalyzerLoader : AssemblyLoadContext, IAnalyzerAssemblyLoader
    {
        private readonly string _directory;

        public DirectoryAnalyzerLoader(string directory)
            : base("BannedApiAnalyzers")
        {
            _directory = directory;
        }

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => LoadFromAssemblyPath(Path.GetFullPath(fullPath));

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var candidate = Path.Combine(_directory, assemblyName.Name + ".dll");
            var isRoslyn = assemblyName.Name is { } name && name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                           && !name.Contains("BannedApi", StringComparison.Ordinal);
            return !isRoslyn && File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
