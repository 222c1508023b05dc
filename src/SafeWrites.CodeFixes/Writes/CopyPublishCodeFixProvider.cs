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
/// SW1001 fix "Publish with File.Move" for a copy that publishes a temporary file: <c>File.Copy(tmp, dest, true)</c>
/// → <c>File.Move(tmp, dest, true)</c>, <c>tmpInfo.CopyTo(dest, true)</c> → <c>tmpInfo.MoveTo(dest, true)</c> (a rename
/// within the directory replaces the destination whole). Offered only when the temporary path is a local that nothing but
/// a <c>File.Delete</c> uses after the copy (a <c>FileInfo</c>: nothing at all), the copy is a statement outside any loop, and the
/// target framework has the overwriting move (.NET Core 3.0+).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CopyPublishCodeFixProvider))]
[Shared]
public sealed class CopyPublishCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Publish with File.Move";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.FileOverwrittenInPlace);

    private protected override string Title => FixTitle;

    private protected override bool IsAvailable(KnownSymbols symbols) => symbols.File is not null;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        if (context.ReportedExpression(diagnostic.Location) is not InvocationExpressionSyntax invocation
            || invocation.Parent is not ExpressionStatementSyntax
            || context.Operation(invocation) is not IInvocationOperation copy
            || !Publishes.TryGetStep(copy, context.Symbols, out var kind, out var source, out _)
            || kind != PublishKind.Copy
            || !InPlaceWrites.OverwritesDestination(copy)
            || !HasOverwritingMove(copy.TargetMethod.ContainingType, copy.TargetMethod.Name == "Copy" ? "Move" : "MoveTo")
            || IsInLoop(copy)
            || !IsUnusedAfter(source, copy, context.Symbols))
        {
            return null;
        }

        var move = copy.TargetMethod.Name == "Copy" ? "Move" : "MoveTo";
        ExpressionSyntax? expression = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName(move).WithTriviaFrom(access.Name)),
            IdentifierNameSyntax name => SyntaxFactory.IdentifierName(move).WithTriviaFrom(name),
            _ => null,
        };

        return expression is null ? null : new ReplaceNodePlan(invocation, invocation.WithExpression(expression));
    }

    /// <summary><c>File.Move(string, string, bool)</c> / <c>FileInfo.MoveTo(string, bool)</c> exists in the target framework.</summary>
    private static bool HasOverwritingMove(INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol method && method.Parameters.Length > 0
                && method.Parameters[method.Parameters.Length - 1].Type.SpecialType == SpecialType.System_Boolean)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInLoop(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation)
            {
                return true;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The source is a local path that, after the copy, is only deleted (a no-op once it is moved). A <c>FileInfo</c>
    /// must not be used at all: after <c>MoveTo</c> it names the destination.
    /// </summary>
    private static bool IsUnusedAfter(IOperation source, IOperation copy, KnownSymbols symbols)
    {
        if (source.ReferencedSymbol() is not ILocalSymbol symbol)
        {
            return false;
        }

        var end = copy.Syntax.Span.End;
        foreach (var reference in OperationHelpers.FindReferences(copy.Root(), symbol))
        {
            if (reference.Syntax.SpanStart < end)
            {
                continue;
            }

            var consumer = reference.ConsumerOf(out _);
            if (consumer is not IArgumentOperation { Parent: IInvocationOperation call } || !KnownSymbols.Contains(symbols.FileDeletes, call.TargetMethod))
            {
                return false;
            }
        }

        return true;
    }
}
