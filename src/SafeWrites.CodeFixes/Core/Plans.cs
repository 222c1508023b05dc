using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace SafeWrites.CodeFixes.Core;

/// <summary>Replaces one node by another.</summary>
internal sealed class ReplaceNodePlan : FixPlan
{
    private readonly SyntaxNode _node;
    private readonly SyntaxNode _replacement;

    public ReplaceNodePlan(SyntaxNode node, SyntaxNode replacement)
    {
        _node = node;
        _replacement = replacement;
    }

    public override IReadOnlyList<TextSpan> Spans => new[] { _node.Span };

    public override void Apply(DocumentEditor editor) => editor.ReplaceNode(_node, _replacement.WithTriviaFrom(_node));
}

/// <summary>A plan made of arbitrary editor operations over known original spans.</summary>
internal sealed class DelegatePlan : FixPlan
{
    private readonly TextSpan[] _spans;
    private readonly Action<DocumentEditor> _apply;

    public DelegatePlan(TextSpan[] spans, Action<DocumentEditor> apply)
    {
        _spans = spans;
        _apply = apply;
    }

    public override IReadOnlyList<TextSpan> Spans => _spans;

    public override void Apply(DocumentEditor editor) => _apply(editor);
}

/// <summary>Builds invocation syntax for the fixes.</summary>
internal static class Invocations
{
    public static InvocationExpressionSyntax Call(ExpressionSyntax receiver, SimpleNameSyntax name, IEnumerable<ArgumentSyntax> arguments)
        => Microsoft.CodeAnalysis.CSharp.SyntaxFactory.InvocationExpression(
            Microsoft.CodeAnalysis.CSharp.SyntaxFactory.MemberAccessExpression(
                Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleMemberAccessExpression, receiver, name),
            Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ArgumentList(Microsoft.CodeAnalysis.CSharp.SyntaxFactory.SeparatedList(arguments)));

    public static ArgumentSyntax Argument(ExpressionSyntax expression)
        => Microsoft.CodeAnalysis.CSharp.SyntaxFactory.Argument(expression.WithoutTrivia());

    public static ArgumentSyntax Named(string name, ExpressionSyntax expression)
        => Microsoft.CodeAnalysis.CSharp.SyntaxFactory.Argument(
            Microsoft.CodeAnalysis.CSharp.SyntaxFactory.NameColon(name),
            default,
            expression.WithoutTrivia());
}
