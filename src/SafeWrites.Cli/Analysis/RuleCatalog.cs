using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeWrites.Cli.Analysis;

/// <summary>
/// Every analyzer and code fix of the package, found by reflection over the two assemblies (so the tool never
/// names a rule class and runs exactly what the package ships), and the rules they declare.
/// </summary>
internal sealed class RuleCatalog
{
    private RuleCatalog(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<CodeFixProvider> fixers)
    {
        Analyzers = analyzers;
        Fixers = fixers;
        Rules = analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public ImmutableArray<CodeFixProvider> Fixers { get; }

    /// <summary>One descriptor per rule id, sorted by id.</summary>
    public ImmutableArray<DiagnosticDescriptor> Rules { get; }

    public static RuleCatalog Load()
    {
        // Loaded by assembly name (both are project references of the tool), never by a rule's type or namespace.
        var analyzerAssembly = Assembly.Load(new AssemblyName("SafeWrites.Analyzers"));
        var fixAssembly = Assembly.Load(new AssemblyName("SafeWrites.CodeFixes"));
        return new RuleCatalog(Instantiate<DiagnosticAnalyzer>(analyzerAssembly), Instantiate<CodeFixProvider>(fixAssembly));
    }

    /// <summary>The catalog limited to analyzers that report one of <paramref name="ruleIds"/> (all when empty).</summary>
    public RuleCatalog Only(IReadOnlyCollection<string> ruleIds)
        => ruleIds.Count == 0
            ? this
            : new RuleCatalog(
                Analyzers.Where(a => a.SupportedDiagnostics.Any(d => ruleIds.Contains(d.Id))).ToImmutableArray(),
                Fixers.Where(f => f.FixableDiagnosticIds.Any(ruleIds.Contains)).ToImmutableArray());

    public DiagnosticDescriptor? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);

    public IEnumerable<CodeFixProvider> FixersFor(string id) => Fixers.Where(f => f.FixableDiagnosticIds.Contains(id));

    private static ImmutableArray<T> Instantiate<T>(Assembly assembly)
        where T : class
        => assembly.GetTypes()
            .Where(t => typeof(T).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
