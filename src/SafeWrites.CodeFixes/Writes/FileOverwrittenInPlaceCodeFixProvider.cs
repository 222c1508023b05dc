using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeWrites.Analyzers.Core;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Writes;

/// <summary>SW1001 fix "Write atomically with AtomicFile".</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FileOverwrittenInPlaceCodeFixProvider))]
[Shared]
public sealed class FileOverwrittenInPlaceCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Write atomically with AtomicFile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.FileOverwrittenInPlace);

    private protected override string Title => FixTitle;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        var reported = context.ReportedExpression(diagnostic.Location);
        if (reported is null)
        {
            return null;
        }

        // File.WriteAllX(…) → AtomicFile.WriteAllX(…); a stream → AtomicFile.Create + Commit; a writer or stream
        // written by one Write(text | bytes) → AtomicFile.WriteAllText / WriteAllBytes.
        return (reported is InvocationExpressionSyntax invocation ? WholeContentRewrite.TrySwapReceiver(context, invocation) : null)
               ?? StreamCommitRewrite.TryPlan(context, reported)
               ?? SingleWriteRewrite.TryPlan(context, reported);
    }
}
