using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeWrites.Analyzers.Core;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Writes;

/// <summary>
/// SW1006 fix "Make the temporary name unique": the fixed name that initializes a local (<c>var tmp = path + ".tmp";</c>)
/// gets a new Guid appended (<c>path + ".tmp" + "." + Guid.NewGuid().ToString("N")</c>), so it stays beside the
/// destination and no two writers share it. Only for a local of the method: a name kept in a field or recomputed
/// elsewhere (a clean-up that deletes <c>path + ".tmp"</c>) would no longer match, so those keep the diagnostic with no
/// fix ("Replace with AtomicFile" may still apply).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixedTempFileNameCodeFixProvider))]
[Shared]
public sealed class FixedTempFileNameCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Make the temporary name unique";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.FixedTempFileName);

    private protected override string Title => FixTitle;

    // The fix writes only System.Guid.
    private protected override bool IsAvailable(KnownSymbols symbols) => symbols.HasFileApis;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        if (context.Root.FindNode(diagnostic.Location.SourceSpan) is not ExpressionSyntax name
            || name.Span != diagnostic.Location.SourceSpan
            || name.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax local } } }
            || local.IsConst
            || context.SemanticModel.GetTypeInfo(name, context.CancellationToken).Type?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        // A sum keeps its terms; anything else is parenthesized before the suffix is added.
        var left = name.WithoutTrivia() is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } or IdentifierNameSyntax or InvocationExpressionSyntax or InterpolatedStringExpressionSyntax or MemberAccessExpressionSyntax or LiteralExpressionSyntax
            ? name.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(name.WithoutTrivia());
        var unique = SyntaxFactory.ParseExpression(left.ToFullString() + " + \".\" + Guid.NewGuid().ToString(\"N\")");
        var plan = new ReplaceNodePlan(name, unique);
        plan.OtherImports.Add("System");
        return plan;
    }
}
