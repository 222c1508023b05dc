using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Resets;

/// <summary>SW3001: a pending-changes marker is reset before, or regardless of, the save that persists the changes.</summary>
/// <remarks>Reports what the family's shared <see cref="ResetPass"/> found in a code block; no operation actions.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StateResetBeforeSaveAnalyzer : SafeWritesAnalyzer
{
    /// <summary>Diagnostic property set when the code fix can move the reset (after the first additional location).</summary>
    internal const string FixableProperty = "MoveAfterSave";

    /// <summary>Diagnostic property set when every statement of the finally is a reset: the fix moves them all and drops the finally.</summary>
    internal const string WholeFinallyProperty = "WholeFinally";

    private static readonly ImmutableDictionary<string, string?> Fixable = ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, "true");

    private static readonly ImmutableDictionary<string, string?> FixableWholeFinally = Fixable.Add(WholeFinallyProperty, "true");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.StateResetBeforeSave);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
        => RegisterBodyAction(context, ResetPass.Get(symbols), (block, reports) =>
        {
            foreach (var report in reports)
            {
                Report(block, report);
            }
        });

    private static void Report(CodeBlockAnalysisContext context, LostResetReport report)
        => context.ReportDiagnostic(Diagnostic.Create(
            Rules.StateResetBeforeSave,
            OperationHelpers.FirstLineLocation(report.Reset.Syntax),
            report.FixAfter is { } fixAfter ? new[] { fixAfter } : null,
            report.FixAfter is null ? null : report.WholeFinally ? FixableWholeFinally : Fixable,
            report.Member.Name));
}
