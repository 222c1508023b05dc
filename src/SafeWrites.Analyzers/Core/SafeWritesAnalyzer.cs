using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeWrites.Analyzers.Core;

/// <summary>
/// Base of every SafeWrites analyzer: concurrent, skips generated code and the SafeWrites runtime itself, and
/// hands each compilation's <see cref="KnownSymbols"/> to <see cref="OnCompilationStart"/>, where a rule checks
/// the symbols it needs and registers its (cached) callbacks only when they are present.
/// </summary>
public abstract class SafeWritesAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The assembly of the runtime helpers (namespace and assembly <c>SafeWrites</c>): never reported.</summary>
    internal const string RuntimeAssemblyName = "SafeWrites";

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analyzed: without Analyze the driver skips generated files and [GeneratedCode]
        // symbols before any callback runs. ReportDiagnostics only stops it from re-checking each diagnostic, which
        // costs a walk of every token of the tree on the first diagnostic there (the largest single item in the
        // benchmark's profile, docs/benchmarks.md), and finds nothing: every diagnostic lies in the code analyzed.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.AssemblyName == RuntimeAssemblyName)
            {
                return;
            }

            var symbols = KnownSymbols.Get(start.Compilation);
            symbols.UseAdditionalFiles(start.Options.AdditionalFiles, start.CancellationToken);
            OnCompilationStart(start, symbols);
        });
    }

    /// <summary>
    /// Diagnostic property set when the write goes through an API a fix cannot rewrite without losing it
    /// (System.IO.Abstractions, a wrapper of the compilation, a user-listed method): every fix declines it.
    /// </summary>
    internal const string NoFixProperty = "SafeWrites.NoFix";

    /// <summary>The properties of a diagnostic whose write goes through <paramref name="method"/>s other than System.IO's: <see cref="NoFixProperty"/>, else none.</summary>
    internal static System.Collections.Immutable.ImmutableDictionary<string, string?>? NoFixUnlessSystemIO(params Microsoft.CodeAnalysis.IMethodSymbol?[] methods)
    {
        foreach (var method in methods)
        {
            if (method is not null && method.ContainingNamespace?.ToDisplayString() != "System.IO")
            {
                return System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(NoFixProperty, "not System.IO");
            }
        }

        return null;
    }

    /// <summary>Registers the rule's actions for one compilation; register nothing when its symbols are absent.</summary>
    internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols);

    /// <summary>
    /// Reports from the family's shared <paramref name="pass"/>: for each code block whose facts are not null,
    /// <paramref name="report"/> runs with them (the pass binds the block only when its syntax names a trigger).
    /// </summary>
    private protected static void RegisterBodyAction<TFacts>(CompilationStartAnalysisContext context, BodyPass<TFacts> pass, Action<CodeBlockAnalysisContext, TFacts> report)
        where TFacts : class
        => context.RegisterCodeBlockAction(block =>
        {
            if (pass.Get(block.CodeBlock, block.SemanticModel, block.CancellationToken) is { } facts)
            {
                report(block, facts);
            }
        });
}
