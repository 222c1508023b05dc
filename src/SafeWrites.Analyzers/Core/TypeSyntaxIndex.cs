using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeWrites.Analyzers.Core;

/// <summary>
/// One pass over a type declaration, indexing by simple name the calls in it and the writes to its members
/// (field and property initializers, assignments). Cross-method questions ("who calls this helper?", "what is this
/// field set to?") then bind only the few candidate nodes instead of walking the type again for every write.
/// Cached per declaration node, so per syntax tree version.
/// </summary>
internal sealed class TypeSyntaxIndex
{
    private static readonly ConditionalWeakTable<SyntaxNode, TypeSyntaxIndex> Cache = new();
    private static readonly ConditionalWeakTable<SyntaxNode, TypeSyntaxIndex>.CreateValueCallback Factory = node => new TypeSyntaxIndex(node);
    private static readonly IReadOnlyList<SyntaxNode> None = new SyntaxNode[0];

    private readonly Dictionary<string, List<SyntaxNode>> _invocations = new();
    private readonly Dictionary<string, List<SyntaxNode>> _memberWrites = new();

    private TypeSyntaxIndex(SyntaxNode declaration)
    {
        foreach (var node in declaration.DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation when SimpleName(invocation.Expression) is { } called:
                    Add(_invocations, called, node);
                    break;
                case VariableDeclaratorSyntax { Initializer: not null, Parent.Parent: FieldDeclarationSyntax } declarator:
                    Add(_memberWrites, declarator.Identifier.ValueText, node);
                    break;
                case PropertyDeclarationSyntax { Initializer: not null } property:
                    Add(_memberWrites, property.Identifier.ValueText, node);
                    break;
                case AssignmentExpressionSyntax assignment when SimpleName(assignment.Left) is { } assigned:
                    Add(_memberWrites, assigned, node);
                    break;
            }
        }
    }

    public static TypeSyntaxIndex Get(SyntaxNode typeDeclaration) => Cache.GetValue(typeDeclaration, Factory);

    /// <summary>Invocations whose callee's simple name is <paramref name="name"/> (<c>Name(…)</c>, <c>x.Name(…)</c>).</summary>
    public IReadOnlyList<SyntaxNode> InvocationsNamed(string name) => _invocations.TryGetValue(name, out var list) ? list : None;

    /// <summary>Field declarators and properties with an initializer, and assignments, whose target's simple name is <paramref name="name"/>.</summary>
    public IReadOnlyList<SyntaxNode> WritesToMemberNamed(string name) => _memberWrites.TryGetValue(name, out var list) ? list : None;

    public static string? SimpleName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The name is called: <c>Name(…)</c>, <c>x.Name(…)</c>, <c>x?.Name(…)</c>, <c>Name&lt;T&gt;(…)</c> (syntax only).</summary>
    public static bool IsCalled(SimpleNameSyntax name)
        => name.Parent switch
        {
            InvocationExpressionSyntax invocation => invocation.Expression == name,
            MemberAccessExpressionSyntax member => member.Name == name && member.Parent is InvocationExpressionSyntax,
            MemberBindingExpressionSyntax binding => binding.Name == name && binding.Parent is InvocationExpressionSyntax,
            _ => false,
        };

    private static void Add(Dictionary<string, List<SyntaxNode>> index, string key, SyntaxNode node)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = new List<SyntaxNode>();
            index.Add(key, list);
        }

        list.Add(node);
    }
}
