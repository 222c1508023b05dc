using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>SW1002: JSON serialized straight into the destination file (wins over SW1001 for the same write).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JsonSerializedInPlaceAnalyzer : InPlaceWriteAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.JsonSerializedInPlace);

    private protected override InPlaceWriteKind Kind => InPlaceWriteKind.Json;

    private protected override DiagnosticDescriptor Rule => Rules.JsonSerializedInPlace;
}
