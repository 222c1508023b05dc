using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Writes;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Writes;

/// <summary>
/// SW1003 fix "Create the temporary file beside the destination": the local initialized with
/// <c>Path.GetTempFileName()</c> becomes <c>Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dest)), Path.GetRandomFileName())</c>,
/// so the move stays on one volume and is a rename. Only when the destination is a parameter, a field or a local declared
/// before the temporary one (so it is known there and has no side effect), and every write of the temporary file in
/// the method replaces its content (nothing relies on <c>GetTempFileName</c> having created the file).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TempMovedFromOtherDirectoryCodeFixProvider))]
[Shared]
public sealed class TempMovedFromOtherDirectoryCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Create the temporary file beside the destination";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.TempMovedFromOtherDirectory);

    private protected override string Title => FixTitle;

    // The fix writes only System.IO.
    private protected override bool IsAvailable(KnownSymbols symbols) => symbols.HasFileApis;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        var symbols = context.Symbols;
        if (!ReportedPublish.TryGet(context, diagnostic, out var publish)
            || !publish.IsFromTempDirectory
            || publish.Source is not ILocalReferenceOperation { Local: var temp }
            || temp.DeclaringSyntaxReferences.Length != 1
            || temp.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: InvocationExpressionSyntax initializer } declarator
            || context.Operation(initializer) is not IInvocationOperation { TargetMethod: { Name: "GetTempFileName" } source }
            || !SymbolEqualityComparer.Default.Equals(source.ContainingType, symbols.Path)
            || !IsKnownAt(publish.Destination, declarator.SpanStart)
            || publish.Writes.Count == 0)
        {
            return null;
        }

        foreach (var write in publish.Writes)
        {
            if (!write.InPublishMethod || write.Write.Mode != FileWriteMode.Overwrite)
            {
                return null;
            }
        }

        var nullable = context.SemanticModel.GetNullableContext(initializer.SpanStart).AnnotationsEnabled() ? "!" : "";
        var destination = publish.Destination.Syntax.WithoutTrivia().ToString();
        var beside = SyntaxFactory.ParseExpression(
            $"Path.Combine(Path.GetDirectoryName(Path.GetFullPath({destination})){nullable}, Path.GetRandomFileName())");
        var plan = new ReplaceNodePlan(initializer, beside);
        plan.OtherImports.Add("System.IO");
        return plan;
    }

    /// <summary>A parameter, a field, or a local declared before <paramref name="position"/>: readable there, no side effect.</summary>
    private static bool IsKnownAt(IOperation destination, int position) => destination switch
    {
        IParameterReferenceOperation => true,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } => true,
        ILocalReferenceOperation { Local.DeclaringSyntaxReferences: { Length: 1 } local } => local[0].Span.End <= position,
        _ => false,
    };
}
