using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Writes;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Writes;

/// <summary>The publish step (move, replace, copy) a temp-then-rename diagnostic reports, analyzed again as the analyzer saw it.</summary>
internal static class ReportedPublish
{
    public static bool TryGet(FixContext context, Diagnostic diagnostic, out Publish publish)
    {
        publish = null!;
        return context.ReportedExpression(diagnostic.Location) is InvocationExpressionSyntax reported
            && context.Operation(reported) is IInvocationOperation step
            && Publishes.TryAnalyze(step, context.Symbols, out publish);
    }
}
