using System.Collections.Generic;
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
/// SW1004 fix "Move over the destination in one step": removes the <c>File.Delete(dest)</c> (with the
/// <c>if (File.Exists(dest))</c> around it) and makes the move overwrite: <c>File.Move(tmp, dest, overwrite: true)</c>.
/// No fix for a move-away (its backup would be lost), a copy, or a framework without the overwriting overload.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DestinationRemovedBeforeMoveCodeFixProvider))]
[Shared]
public sealed class DestinationRemovedBeforeMoveCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Move over the destination in one step";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.DestinationRemovedBeforeMove);

    private protected override string Title => FixTitle;

    // The fix writes only System.IO.
    private protected override bool IsAvailable(KnownSymbols symbols) => symbols.HasFileApis;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        if (context.ReportedExpression(diagnostic.Location) is not InvocationExpressionSyntax reported
            || context.Operation(reported) is not IInvocationOperation delete
            || !(KnownSymbols.Contains(context.Symbols.FileDeletes, delete.TargetMethod) || KnownSymbols.Contains(context.Symbols.FileInfoDeletes, delete.TargetMethod))
            || RemovedStatement(reported, context) is not { Parent: BlockSyntax block } removed
            || FindStep(delete, context.Symbols) is not { } step
            || step.Syntax is not InvocationExpressionSyntax stepSyntax
            || stepSyntax.Parent is not ExpressionStatementSyntax { Parent: BlockSyntax stepBlock } stepStatement
            || stepBlock != block
            || OverwritingMove(stepSyntax, step, context) is not { } newStep)
        {
            return null;
        }

        // The comments of the removed statement (also those inside an Exists guard) move above the move.
        var newStatement = stepStatement.ReplaceNode(stepSyntax, newStep.WithTriviaFrom(stepSyntax))
            .WithLeadingTrivia(Trivia.LeadingWithCommentsOf(stepStatement, new List<StatementSyntax> { removed }));
        return new DelegatePlan(
            new[] { removed.Span, stepStatement.Span },
            editor =>
            {
                editor.ReplaceNode(stepStatement, newStatement);
                editor.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia);
            });
    }

    /// <summary>The statement to remove: <c>File.Delete(dest);</c>, or the <c>if (….Exists…)</c> holding only it.</summary>
    private static StatementSyntax? RemovedStatement(InvocationExpressionSyntax delete, FixContext context)
    {
        if (delete.Parent is not ExpressionStatementSyntax statement)
        {
            return null;
        }

        var holder = statement.Parent is BlockSyntax { Statements.Count: 1, Parent: IfStatementSyntax } inner ? inner.Parent : statement.Parent;
        if (holder is IfStatementSyntax { Else: null } guard && IsExistsCheck(context.Operation(guard.Condition), context.Symbols))
        {
            return guard;
        }

        return statement;
    }

    /// <summary><c>File.Exists(p)</c> or <c>info.Exists</c>: a guard with nothing else to keep.</summary>
    private static bool IsExistsCheck(IOperation? condition, KnownSymbols symbols)
        => condition.WalkDownConversions() switch
        {
            IInvocationOperation { TargetMethod.Name: "Exists" } call => symbols.IsType(call.TargetMethod.ContainingType, symbols.File),
            IPropertyReferenceOperation { Property.Name: "Exists" } property => KnownSymbols.InheritsFrom(property.Property.ContainingType, symbols.FileSystemInfo),
            _ => false,
        };

    /// <summary>The move that the delete is a removal for (the same model as the analyzer).</summary>
    private static IInvocationOperation? FindStep(IInvocationOperation delete, KnownSymbols symbols)
    {
        foreach (var operation in delete.Root().Descendants())
        {
            if (operation is IInvocationOperation call && call.Syntax.SpanStart > delete.Syntax.SpanStart
                && Publishes.TryAnalyze(call, symbols, out var publish) && publish.Kind == PublishKind.Move)
            {
                foreach (var removal in publish.Removals)
                {
                    if (removal.Syntax == delete.Syntax)
                    {
                        return call;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The step with <c>overwrite: true</c> (unchanged when it has it), or null when the overload is missing or the flag is not a constant true.</summary>
    private static InvocationExpressionSyntax? OverwritingMove(InvocationExpressionSyntax syntax, IInvocationOperation step, FixContext context)
    {
        var method = step.TargetMethod;
        var hasOverwrite = method.Parameters.Length == (method.IsStatic ? 3 : 2);
        if (hasOverwrite)
        {
            return step.Arguments[step.Arguments.Length - 1].Value.ConstantValue is { HasValue: true, Value: true } ? syntax : null;
        }

        foreach (var candidate in method.ContainingType.GetMembers(method.Name))
        {
            if (candidate is IMethodSymbol overload && overload.IsStatic == method.IsStatic
                && overload.Parameters.Length == method.Parameters.Length + 1
                && overload.Parameters[overload.Parameters.Length - 1] is { Name: "overwrite", Type.SpecialType: SpecialType.System_Boolean })
            {
                var overwrite = SyntaxFactory.Argument(
                    SyntaxFactory.NameColon("overwrite"),
                    default,
                    SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
                return syntax.WithArgumentList(syntax.ArgumentList.AddArguments(overwrite));
            }
        }

        return null;
    }
}
