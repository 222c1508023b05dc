using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeWrites.Package.Tests;

/// <summary>What the analyzer and code fix assemblies in the package's analyzers/dotnet/cs/ declare.</summary>
internal sealed class PackedAnalyzers
{
    private PackedAnalyzers(IReadOnlyDictionary<string, DiagnosticDescriptor> rules, IReadOnlySet<string> fixableIds)
    {
        Rules = rules;
        FixableIds = fixableIds;
    }

    /// <summary>Every descriptor the analyzers declare, by id.</summary>
    public IReadOnlyDictionary<string, DiagnosticDescriptor> Rules { get; }

    /// <summary>The ids some exported code fix provider fixes.</summary>
    public IReadOnlySet<string> FixableIds { get; }

    public static PackedAnalyzers Load(string analyzerDirectory)
    {
        var context = new DirectoryLoadContext(analyzerDirectory);
        var types = Directory.GetFiles(analyzerDirectory, "*.dll")
            .SelectMany(path => context.LoadFromAssemblyPath(path).GetTypes())
            .Where(t => !t.IsAbstract)
            .ToList();

        var rules = new SortedDictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var type in types.Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null))
        {
            foreach (var descriptor in ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            {
                rules[descriptor.Id] = descriptor;
            }
        }

        var fixable = types.Where(t => t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet(StringComparer.Ordinal);
        return new PackedAnalyzers(rules, fixable);
    }

    /// <summary>Loads the packed SafeWrites assemblies; Roslyn itself comes from the test's own context.</summary>
    private sealed class DirectoryLoadContext(string directory) : AssemblyLoadContext("packed-safewrites-analyzers")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
