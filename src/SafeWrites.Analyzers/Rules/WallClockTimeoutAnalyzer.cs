using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Infrastructure;

namespace SafeWrites.Analyzers;

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

        // Every timeout SW2001 reports is measured from a wall-clock read in the same block, and most blocks read no
        // clock: an operation action notes a read (the driver's own walk, no walk of ours), and only such blocks
        // get the loop analysis at their end.
        context.RegisterOperationBlockStartAction(blockStart =>
        {
            var readsWallClock = false;
            blockStart.RegisterOperationAction(
                operationContext =>
                {
                    if (!readsWallClock && ClockReads.IsWallClockRead(operationContext.Operation, symbols))
                    {
                        readsWallClock = true;
                    }
                },
                OperationKind.PropertyReference,
                OperationKind.Invocation);
            blockStart.RegisterOperationBlockEndAction(blockEnd =>
            {
                if (readsWallClock)
                {
                    Analyze(blockEnd, symbols);
                }
            });
        });
    }

    private static void Analyze(OperationBlockAnalysisContext blockContext, KnownSymbols symbols)
    {
        foreach (var block in blockContext.OperationBlocks)
        {
            foreach (var timeout in WallClockTimeouts.Find(block, symbols))
            {
                blockContext.ReportDiagnostic(Diagnostic.Create(
                    Rules.WallClockTimeout,
                    OperationHelpers.FirstLineLocation(timeout.Start.Syntax),
                    new[] { WaitLoops.KeywordLocation(timeout.Loop) },
                    timeout.Start.Syntax.ToString()));
            }
        }
    }
}
