using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>SW1004 — Destination removed before the replacement is moved in (reported at the delete or move-away).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestinationRemovedBeforeMoveAnalyzer : PublishAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.DestinationRemovedBeforeMove);

    private protected override void Report(Publish publish, Action<DiagnosticDescriptor, IOperation, object[]> report)
    {
        foreach (var removal in publish.Removals)
        {
            report(Rules.DestinationRemovedBeforeMove, removal, new object[] { Describe(removal) });
        }
    }
}
