using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Infrastructure;

namespace SafeWrites.Analyzers;

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

        context.RegisterOperationAction(
            operationContext =>
            {
                if (LockFileLoops.TryAnalyze(operationContext.Operation, symbols, out var lockLoop))
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Rules.HandRolledLockFile,
                        WaitLoops.KeywordLocation(lockLoop.Loop),
                        lockLoop.LockPath?.Syntax.ToString() ?? "the lock file"));
                }
            },
            OperationKind.Loop);
    }
}
