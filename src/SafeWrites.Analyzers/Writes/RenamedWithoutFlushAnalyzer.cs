using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>SW1005 — Renamed into place without flushing to disk (reported at the rename).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RenamedWithoutFlushAnalyzer : PublishAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.RenamedWithoutFlush);

    private protected override void Report(Publish publish, Action<DiagnosticDescriptor, IOperation, object[]> report)
    {
        if (publish.Unflushed is { } write)
        {
            var how = write.IsOpenAtPublish ? "while the stream writing it is still open" : "without flushing it to disk";
            report(Rules.RenamedWithoutFlush, publish.Step, new object[] { Describe(publish.Step), how });
        }
    }
}
