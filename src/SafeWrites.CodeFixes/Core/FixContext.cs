using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.CodeFixes.Core;

/// <summary>What a fixer needs to plan a fix in one document: the original tree, its semantic model and the known symbols.</summary>
internal sealed class FixContext
{
    public FixContext(SemanticModel semanticModel, SyntaxNode root, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        SemanticModel = semanticModel;
        Root = root;
        Symbols = symbols;
        CancellationToken = cancellationToken;
    }

    public SemanticModel SemanticModel { get; }

    public SyntaxNode Root { get; }

    public KnownSymbols Symbols { get; }

    public CancellationToken CancellationToken { get; }

    public IOperation? Operation(SyntaxNode? node) => node is null ? null : SemanticModel.GetOperation(node, CancellationToken);

    /// <summary>
    /// The call or object creation a diagnostic reports (its location may cover only the first line of it).
    /// </summary>
    public ExpressionSyntax? ReportedExpression(Location location)
    {
        if (location.SourceTree != Root.SyntaxTree || !Root.FullSpan.Contains(location.SourceSpan))
        {
            return null;
        }

        for (var node = Root.FindNode(location.SourceSpan, getInnermostNodeForTie: true); node is not null; node = node.Parent)
        {
            if (node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax && node.SpanStart == location.SourceSpan.Start)
            {
                return (ExpressionSyntax)node;
            }

            if (node is StatementSyntax)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// How to spell <c>AtomicFile</c> at <paramref name="position"/>: the simple name (<paramref name="needsImport"/>
    /// when <c>using SafeWrites;</c> must be added), or the qualified name when another <c>AtomicFile</c> is in scope.
    /// </summary>
    public ExpressionSyntax AtomicFileName(int position, out bool needsImport)
        => TypeName(position, Symbols.AtomicFile, "AtomicFile", "global::SafeWrites.AtomicFile", out needsImport);

    /// <summary>The simple name of <paramref name="type"/> when it is in scope at <paramref name="position"/>, else its qualified name.</summary>
    public ExpressionSyntax TypeName(int position, INamedTypeSymbol? type, string simpleName, string qualifiedName)
    {
        var name = TypeName(position, type, simpleName, qualifiedName, out var needsImport);
        return needsImport ? SyntaxFactory.ParseExpression(qualifiedName) : name;
    }

    /// <summary>The simple name of <paramref name="type"/> (<paramref name="needsImport"/> when its namespace must be imported), or its qualified name when another type of that name is in scope.</summary>
    public ExpressionSyntax TypeName(int position, INamedTypeSymbol? type, string simpleName, string qualifiedName, out bool needsImport)
    {
        needsImport = false;
        var visible = SemanticModel.LookupNamespacesAndTypes(position, name: simpleName);
        if (visible.IsEmpty)
        {
            needsImport = true;
            return SyntaxFactory.IdentifierName(simpleName);
        }

        if (visible.Any(symbol => SymbolEqualityComparer.Default.Equals(symbol, type)))
        {
            return SyntaxFactory.IdentifierName(simpleName);
        }

        return SyntaxFactory.ParseExpression(qualifiedName);
    }

    /// <summary>True when <paramref name="invocation"/>, placed at <paramref name="position"/>, binds to a method of <c>AtomicFile</c>.</summary>
    public bool BindsToAtomicFile(int position, InvocationExpressionSyntax invocation)
    {
        // Bind a fully qualified copy so the check does not depend on the using directive the fix may add.
        var qualified = invocation.WithExpression(Qualify(invocation.Expression));
        var info = SemanticModel.GetSpeculativeSymbolInfo(position, qualified, SpeculativeBindingOption.BindAsExpression);
        return info.Symbol is IMethodSymbol method
               && SymbolEqualityComparer.Default.Equals(method.ContainingType, Symbols.AtomicFile);
    }

    private static ExpressionSyntax Qualify(ExpressionSyntax expression)
        => expression is MemberAccessExpressionSyntax memberAccess
            ? memberAccess.WithExpression(SyntaxFactory.ParseExpression("global::SafeWrites.AtomicFile"))
            : expression;

    /// <summary>A <c>CancellationToken</c> parameter of the enclosing method, lambda or local function, if there is one.</summary>
    public string? CancellationTokenInScope(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            ParameterListSyntax? parameters = current switch
            {
                BaseMethodDeclarationSyntax method => method.ParameterList,
                LocalFunctionStatementSyntax localFunction => localFunction.ParameterList,
                ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
                AnonymousMethodExpressionSyntax anonymous => anonymous.ParameterList,
                _ => null,
            };

            if (parameters is null && current is not (SimpleLambdaExpressionSyntax or AccessorDeclarationSyntax))
            {
                continue;
            }

            foreach (var parameter in parameters?.Parameters ?? default)
            {
                if (SemanticModel.GetDeclaredSymbol(parameter, CancellationToken) is { } symbol && Symbols.IsType(symbol.Type, Symbols.CancellationToken))
                {
                    return symbol.Name;
                }
            }

            return null;
        }

        return null;
    }
}
