using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
/// Fix "Replace with AtomicFile" for SW1003–SW1006: a hand-made sequence in one block — the temp written by
/// <c>File.WriteAll{Text,Bytes,Lines}[Async]</c>, then optional removals of the destination, then
/// <c>File.Move(tmp, dest[, true])</c> / <c>File.Replace(tmp, dest, backup)</c> — becomes one
/// <c>AtomicFile.WriteAll…(dest, …same arguments…)</c> (encoding and cancellation token kept;
/// <c>KeepBackup</c> when <c>File.Replace</c> asked for a backup), and the temp local's declaration goes when
/// nothing else uses it. Other shapes get no fix from this provider.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceWithAtomicFileCodeFixProvider))]
[Shared]
public sealed class ReplaceWithAtomicFileCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Replace with AtomicFile";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIdentifiers.TempMovedFromOtherDirectory,
        RuleIdentifiers.DestinationRemovedBeforeMove,
        RuleIdentifiers.RenamedWithoutFlush,
        RuleIdentifiers.FixedTempFileName);

    private protected override string Title => FixTitle;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        if (FindPublish(context, diagnostic) is not { Kind: not PublishKind.Copy, Writes.Count: 1 } publish
            || publish.Writes[0] is not { InPublishMethod: true, Write: { Shape: FileWriteShape.WholeContent, Operation: IInvocationOperation write } }
            || !KnownSymbols.Contains(context.Symbols.FileWholeWrites, write.TargetMethod)
            || StatementOf(write.Syntax) is not { Parent: BlockSyntax block } writeStatement
            || StatementOf(publish.Step.Syntax) is not { } stepStatement
            || stepStatement.Parent != block
            || publish.Step.Syntax is not InvocationExpressionSyntax stepSyntax
            || write.Syntax is not InvocationExpressionSyntax writeSyntax)
        {
            return null;
        }

        // Between the write and the step: only removals of the destination.
        var removed = new List<StatementSyntax> { stepStatement };
        var first = block.Statements.IndexOf(writeStatement);
        var last = block.Statements.IndexOf(stepStatement);
        for (var i = first + 1; i < last; i++)
        {
            if (!IsRemovalOf(block.Statements[i], publish))
            {
                return null;
            }

            removed.Add(block.Statements[i]);
        }

        if (Backup(publish, out var keepBackup) is false || TempDeclaration(publish, block, first) is not { } tempDeclaration)
        {
            return null;
        }

        var atomicFile = context.AtomicFileName(writeSyntax.SpanStart, out var needsImport);
        var arguments = new List<ArgumentSyntax> { Invocations.Argument(((ArgumentSyntax)stepSyntax.ArgumentList.Arguments[1]).Expression) };
        for (var i = 1; i < writeSyntax.ArgumentList.Arguments.Count; i++)
        {
            var argument = writeSyntax.ArgumentList.Arguments[i];
            if (argument.NameColon is not null)
            {
                return null;
            }

            arguments.Add(argument);
        }

        if (keepBackup)
        {
            var options = SyntaxFactory.ParseExpression((needsImport ? "new AtomicWriteOptions" : "new SafeWrites.AtomicWriteOptions") + " { KeepBackup = true }");
            var tokenLast = write.Arguments.Length > 0 && context.Symbols.IsType(write.Arguments[write.Arguments.Length - 1].Value.Type, context.Symbols.CancellationToken)
                            && write.Arguments[write.Arguments.Length - 1].ArgumentKind == ArgumentKind.Explicit;
            arguments.Insert(tokenLast ? arguments.Count - 1 : arguments.Count, SyntaxFactory.Argument(options));
        }

        var name = writeSyntax.Expression is MemberAccessExpressionSyntax access ? access.Name : (SimpleNameSyntax)SyntaxFactory.IdentifierName(write.TargetMethod.Name);
        var replacement = Invocations.Call(atomicFile, name.WithoutTrivia(), arguments);
        if (tempDeclaration is StatementSyntax declaration && declaration != writeStatement)
        {
            removed.Add(declaration);
        }

        var spans = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
        foreach (var statement in removed)
        {
            spans.Add(statement.Span);
        }

        spans.Add(writeStatement.Span);
        var newStatement = writeStatement.ReplaceNode(writeSyntax, replacement.WithTriviaFrom(writeSyntax))
            .WithLeadingTrivia(Trivia.LeadingWithCommentsOf(writeStatement, removed));
        var plan = new DelegatePlan(spans.ToArray(), editor =>
        {
            editor.ReplaceNode(writeStatement, newStatement);
            foreach (var statement in removed)
            {
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            }
        });
        plan.NeedsSafeWritesImport = needsImport;
        return plan;
    }

    /// <summary>The publish step a diagnostic of SW1003–SW1006 belongs to (at the step, a removal, or the temp name's derivation).</summary>
    private static Publish? FindPublish(FixContext context, Diagnostic diagnostic)
    {
        var node = context.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() is not { } method
            || context.Operation((SyntaxNode?)method.Body ?? method.ExpressionBody) is not { } root)
        {
            return null;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is IInvocationOperation call && Publishes.TryAnalyze(call, context.Symbols, out var publish)
                && (Covers(call.Syntax, diagnostic) || Covers(publish.FixedName?.Syntax, diagnostic) || CoversAny(publish.Removals, diagnostic)))
            {
                return publish;
            }
        }

        return null;
    }

    private static bool Covers(SyntaxNode? node, Diagnostic diagnostic)
        => node is not null && node.SpanStart == diagnostic.Location.SourceSpan.Start && node.Span.Contains(diagnostic.Location.SourceSpan);

    private static bool CoversAny(List<IInvocationOperation> calls, Diagnostic diagnostic)
    {
        foreach (var call in calls)
        {
            if (Covers(call.Syntax, diagnostic))
            {
                return true;
            }
        }

        return false;
    }

    private static StatementSyntax? StatementOf(SyntaxNode node)
    {
        var parent = node.Parent;
        if (parent is AwaitExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent as ExpressionStatementSyntax;
    }

    private static bool IsRemovalOf(StatementSyntax statement, Publish publish)
    {
        foreach (var removal in publish.Removals)
        {
            if (statement.Span.Contains(removal.Syntax.Span)
                && statement is ExpressionStatementSyntax or IfStatementSyntax { Else: null }
                && (statement is not IfStatementSyntax guard || guard.Statement.DescendantNodesAndSelf().OfType<ExpressionStatementSyntax>().Count() == 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False when the step's flag or backup cannot be kept: <c>Move</c> with a non-constant overwrite flag; a <c>Replace</c> that asks to ignore metadata errors.</summary>
    private static bool? Backup(Publish publish, out bool keepBackup)
    {
        keepBackup = false;
        var step = publish.Step;
        if (publish.Kind == PublishKind.Replace)
        {
            if (step.Arguments.Length > 3 || step.Instance is not null)
            {
                return false;
            }

            keepBackup = step.ArgumentValue(2).WalkDownConversions() is { } backup && backup.ConstantValue is not { HasValue: true, Value: null };
            return true;
        }

        return step.Instance is null;
    }

    /// <summary>
    /// The temp local's declaration statement to remove when only the write and the step use it; the write statement
    /// itself when the temp path is not a local (nothing to remove); null when the local is used elsewhere.
    /// </summary>
    private static SyntaxNode? TempDeclaration(Publish publish, BlockSyntax block, int writeIndex)
    {
        if (publish.Source.WalkDownConversions() is not ILocalReferenceOperation { Local: var local })
        {
            return block.Statements[writeIndex];
        }

        var uses = 0;
        foreach (var identifier in block.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == local.Name)
            {
                uses++;
            }
        }

        if (uses != 2)
        {
            return null;
        }

        foreach (var statement in block.Statements)
        {
            if (statement is LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
                && declaration.Declaration.Variables[0].Identifier.ValueText == local.Name)
            {
                return statement;
            }
        }

        return null;
    }
}
