using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Writes;

/// <summary>
/// A local declared by <c>using var x = …;</c> (declaration) or <c>using (var x = …) { … }</c> (statement), with
/// the statements that run while it is alive. The stream fixes only rewrite these shapes: there the end of the
/// stream's life is a known place to commit.
/// </summary>
internal sealed class UsingLocal
{
    private UsingLocal(ILocalSymbol local, VariableDeclarationSyntax declaration, StatementSyntax statement, BlockSyntax scope, int firstStatementIndex)
    {
        Local = local;
        Declaration = declaration;
        Statement = statement;
        Scope = scope;
        FirstStatementIndex = firstStatementIndex;
    }

    public ILocalSymbol Local { get; }

    public VariableDeclarationSyntax Declaration { get; }

    /// <summary>The <see cref="LocalDeclarationStatementSyntax"/> or <see cref="UsingStatementSyntax"/>.</summary>
    public StatementSyntax Statement { get; }

    /// <summary>The block whose end is the end of the local's life.</summary>
    public BlockSyntax Scope { get; }

    /// <summary>Index in <see cref="Scope"/> of the first statement that runs while the local is alive.</summary>
    public int FirstStatementIndex { get; }

    public bool IsDeclaration => Statement is LocalDeclarationStatementSyntax;

    public bool IsAwaitUsing => Statement switch
    {
        LocalDeclarationStatementSyntax declaration => !declaration.AwaitKeyword.IsKind(SyntaxKind.None),
        UsingStatementSyntax usingStatement => !usingStatement.AwaitKeyword.IsKind(SyntaxKind.None),
        _ => false,
    };

    public IEnumerable<StatementSyntax> LiveStatements
    {
        get
        {
            for (var i = FirstStatementIndex; i < Scope.Statements.Count; i++)
            {
                yield return Scope.Statements[i];
            }
        }
    }

    /// <summary>The using local whose initializer is <paramref name="initializer"/> (conversions aside), else null.</summary>
    public static UsingLocal? FromInitializer(ExpressionSyntax initializer, FixContext context)
    {
        SyntaxNode node = initializer;
        while (node.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        if (node.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
            || context.SemanticModel.GetDeclaredSymbol(declarator, context.CancellationToken) is not ILocalSymbol local)
        {
            return null;
        }

        switch (declaration.Parent)
        {
            case LocalDeclarationStatementSyntax statement when !statement.UsingKeyword.IsKind(SyntaxKind.None) && statement.Parent is BlockSyntax block:
                return new UsingLocal(local, declaration, statement, block, block.Statements.IndexOf(statement) + 1);
            case UsingStatementSyntax usingStatement:
                // using (var a = …) using (var b = …) { … }: the local lives through the stacked statements' block.
                var body = usingStatement.Statement;
                while (body is UsingStatementSyntax stacked)
                {
                    body = stacked.Statement;
                }

                return body is BlockSyntax block2 ? new UsingLocal(local, declaration, usingStatement, block2, 0) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// True when no statement in the local's life leaves it early (<c>return</c>, <c>goto</c>, <c>yield</c>, or a
    /// <c>break</c>/<c>continue</c> of a loop outside it): a commit at the end then runs whenever writing succeeded.
    /// </summary>
    public bool HasNoEarlyExit() => HasNoEarlyExit(Scope.Statements.Count);

    /// <summary>Like <see cref="HasNoEarlyExit()"/>, for the live statements before index <paramref name="end"/> of the scope (throws count too).</summary>
    public bool HasNoExitBefore(int end)
    {
        for (var i = FirstStatementIndex; i < end && i < Scope.Statements.Count; i++)
        {
            foreach (var node in Scope.Statements[i].DescendantNodesAndSelf(descendIntoChildren: n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is ThrowStatementSyntax or ThrowExpressionSyntax)
                {
                    return false;
                }
            }
        }

        return HasNoEarlyExit(end);
    }

    private bool HasNoEarlyExit(int end)
    {
        for (var i = FirstStatementIndex; i < end && i < Scope.Statements.Count; i++)
        {
            var statement = Scope.Statements[i];
            foreach (var node in statement.DescendantNodesAndSelf(descendIntoChildren: n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                switch (node)
                {
                    case ReturnStatementSyntax or GotoStatementSyntax or YieldStatementSyntax:
                        return false;
                    case BreakStatementSyntax or ContinueStatementSyntax when !IsInsideLoopWithin(node, statement):
                        return false;
                }
            }
        }

        return true;
    }

    private static bool IsInsideLoopWithin(SyntaxNode jump, StatementSyntax boundary)
    {
        for (var current = jump.Parent; current is not null; current = current.Parent)
        {
            if (current is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or SwitchStatementSyntax)
            {
                return true;
            }

            if (current == boundary)
            {
                return false;
            }
        }

        return false;
    }
}
