using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>SW1001: a whole-file write straight to its destination.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FileOverwrittenInPlaceAnalyzer : InPlaceWriteAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.FileOverwrittenInPlace);

    private protected override InPlaceWriteKind Kind => InPlaceWriteKind.Content;

    private protected override DiagnosticDescriptor Rule => Rules.FileOverwrittenInPlace;
}
