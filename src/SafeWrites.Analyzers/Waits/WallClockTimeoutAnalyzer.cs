using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Waits;

/// <summary>
/// SW2001: a wall-clock read decides when a waiting or retrying loop gives up. Reported at the read that starts
/// the measurement, with the loop's keyword as additional location (the SW2002 fix offers itself from there).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WallClockTimeoutAnalyzer : SafeWritesAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.WallClockTimeout);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (!symbols.HasClocks)
        {
            return;
        }

        RegisterBodyAction(context, WaitPass.Get(symbols), static (block, waits) =>
        {
            foreach (var timeout in waits.Timeouts)
            {
                block.ReportDiagnostic(Diagnostic.Create(
                    Rules.WallClockTimeout,
                    OperationHelpers.FirstLineLocation(timeout.Start.Syntax),
                    new[] { timeout.LoopLocation },
                    timeout.Start.Syntax.ToString()));
            }
        });
    }
}
