using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>SW1006 — Fixed temporary file name (reported where the name is derived).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FixedTempFileNameAnalyzer : PublishAnalyzer
{
    private const string StaleBytes = ", and, opened without truncation, it can publish stale bytes of an earlier, longer content";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.FixedTempFileName);

    private protected override void Report(Publish publish, Action<DiagnosticDescriptor, IOperation, object[]> report)
    {
        if (publish.FixedName is not { } name)
        {
            return;
        }

        var keepsTail = false;
        foreach (var write in publish.Writes)
        {
            keepsTail |= write.KeepsOldTail;
        }

        report(Rules.FixedTempFileName, name, new object[] { name.Syntax.ToString(), keepsTail ? StaleBytes : string.Empty });
    }
}
