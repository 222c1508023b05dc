using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Waits;

/// <summary>
/// SW2003: an in-process lock region writes a file other processes can write too. Reported at the statement that
/// enters the lock; additional locations: the write (or the call that writes) in the region, then the written path.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InProcessLockGuardsSharedFileAnalyzer : SafeWritesAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.InProcessLockGuardsSharedFile);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (!symbols.HasFileApis)
        {
            return;
        }

        RegisterBodyAction(context, WaitPass.Get(symbols), static (block, waits) =>
        {
            foreach (var shared in waits.SharedFileLocks)
            {
                block.ReportDiagnostic(Diagnostic.Create(
                    Rules.InProcessLockGuardsSharedFile,
                    OperationHelpers.FirstLineLocation(shared.Enter.Syntax),
                    new[] { shared.Write.Syntax.GetLocation(), shared.Path.Syntax.GetLocation() },
                    DescribeLock(shared.Enter.Syntax),
                    shared.Path.Syntax.ToString()));
            }
        });
    }

    /// <summary><c>lock (_gate)</c>, <c>_gate.Wait()</c> …: the entering statement without its body.</summary>
    private static string DescribeLock(SyntaxNode enter)
        => enter switch
        {
            LockStatementSyntax lockStatement => "lock (" + lockStatement.Expression + ")",
            ExpressionStatementSyntax statement => statement.Expression.ToString(),
            _ => enter.ToString(),
        };
}
