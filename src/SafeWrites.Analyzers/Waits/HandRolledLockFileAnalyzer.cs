using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Waits;

/// <summary>SW2002: a loop that takes a lock by opening a file exclusively, catching IOException and sleeping. Reported at the loop keyword.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandRolledLockFileAnalyzer : SafeWritesAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.HandRolledLockFile);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (!symbols.HasLockFileApis)
        {
            return;
        }

        RegisterBodyAction(context, WaitPass.Get(symbols), static (block, waits) =>
        {
            foreach (var lockLoop in waits.LockLoops)
            {
                block.ReportDiagnostic(Diagnostic.Create(
                    Rules.HandRolledLockFile,
                    WaitLoops.KeywordLocation(lockLoop.Loop),
                    lockLoop.LockPath?.Syntax.ToString() ?? "the lock file"));
            }
        });
    }
}
