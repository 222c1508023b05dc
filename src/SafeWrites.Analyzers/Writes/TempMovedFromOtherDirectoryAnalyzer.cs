using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>SW1003 — Temporary file is moved in from another directory.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TempMovedFromOtherDirectoryAnalyzer : PublishAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.TempMovedFromOtherDirectory);

    private protected override void Report(Publish publish, Action<DiagnosticDescriptor, IOperation, object[]> report)
    {
        if (publish.IsFromTempDirectory)
        {
            report(Rules.TempMovedFromOtherDirectory, publish.Step, new object[] { Describe(publish.Step) });
        }
    }
}
