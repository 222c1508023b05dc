using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeWrites.Analyzers.Core;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Writes;

/// <summary>SW1002 fix "Write JSON atomically with AtomicFile".</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(JsonSerializedInPlaceCodeFixProvider))]
[Shared]
public sealed class JsonSerializedInPlaceCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Write JSON atomically with AtomicFile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.JsonSerializedInPlace);

    private protected override string Title => FixTitle;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        var reported = context.ReportedExpression(diagnostic.Location);
        if (reported is null)
        {
            return null;
        }

        if (diagnostic.AdditionalLocations.Count == 0)
        {
            // File.WriteAllText(p, json): WriteJson when it is an inline System.Text.Json call, else the same text atomically.
            return reported is InvocationExpressionSyntax invocation
                ? WholeContentRewrite.TryWriteJson(context, invocation) ?? WholeContentRewrite.TrySwapReceiver(context, invocation)
                : null;
        }

        // JSON written through a stream or writer opened in place: one AtomicFile call when one statement writes
        // it all, else AtomicFile.Create + Commit on the stream.
        var opener = context.ReportedExpression(diagnostic.AdditionalLocations[0]);
        return opener is null ? null : SingleWriteRewrite.TryPlan(context, opener) ?? StreamCommitRewrite.TryPlan(context, opener);
    }
}
