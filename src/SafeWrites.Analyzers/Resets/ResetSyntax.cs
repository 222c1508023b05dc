using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Resets;

/// <summary>
/// SW3001's syntax-only pre-filter, built once per compilation without binding: the names of fields and properties
/// that some code resets to an empty value and some code raises (candidate markers; a property and the field its
/// accessors return or assign count as one, in whichever part of a partial type they are), and the names of methods
/// that only reset such members (<c>MarkClean()</c>). A body is bound only when it resets one of them.
/// </summary>
internal sealed class ResetSyntax
{
    private readonly HashSet<string> _markers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resetMethods = new(StringComparer.Ordinal);

    public ResetSyntax(Compilation compilation)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var reset = new HashSet<string>(StringComparer.Ordinal);
        var raised = new HashSet<string>(StringComparer.Ordinal);
        var resetOnly = new List<(string Method, List<string> Members)>();
        var backed = new List<(string Property, string Field)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                switch (node)
                {
                    case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax fieldDeclaration } field:
                        declared.Add(field.Identifier.ValueText);
                        if (IsSettableFromOutside(fieldDeclaration.Modifiers, null, isField: true) && Markers.IsNamedForChanges(field.Identifier.ValueText))
                        {
                            raised.Add(field.Identifier.ValueText);
                        }

                        break;
                    case PropertyDeclarationSyntax property:
                        declared.Add(property.Identifier.ValueText);
                        if (IsSettableFromOutside(property.Modifiers, property.AccessorList, isField: false) && Markers.IsNamedForChanges(property.Identifier.ValueText))
                        {
                            raised.Add(property.Identifier.ValueText);
                        }

                        AddBackingFields(property, backed);
                        break;
                    case MethodDeclarationSyntax method when ResetOnlyTargets(method) is { } targets:
                        resetOnly.Add((method.Identifier.ValueText, targets));
                        break;
                    default:
                        if (ResetTarget(node) is { } resetName)
                        {
                            reset.Add(resetName);
                        }
                        else if (RaiseTarget(node) is { } raisedName)
                        {
                            raised.Add(raisedName);
                        }

                        break;
                }
            }
        }

        // A property and its backing field are one marker: reset through one, raised through the other.
        foreach (var (property, field) in backed)
        {
            if (raised.Contains(property) || raised.Contains(field))
            {
                raised.Add(property);
                raised.Add(field);
            }
        }

        foreach (var name in reset)
        {
            if (declared.Contains(name) && raised.Contains(name))
            {
                _markers.Add(name);
            }
        }

        foreach (var (method, members) in resetOnly)
        {
            if (members.Exists(_markers.Contains))
            {
                _resetMethods.Add(method);
            }
        }
    }

    /// <summary>True when no member of the compilation is both reset and raised: SW3001 has nothing to look at.</summary>
    public bool IsEmpty => _markers.Count == 0;

    /// <summary>A candidate marker's or a reset-only method's name.</summary>
    public bool IsCandidateName(string name) => _markers.Contains(name) || _resetMethods.Contains(name);

    /// <summary>True when the code block resets a candidate marker, directly or through a reset-only method.</summary>
    public bool ResetsACandidate(SyntaxNode codeBlock)
    {
        foreach (var node in codeBlock.DescendantNodes())
        {
            if (ResetTarget(node) is { } name && _markers.Contains(name))
            {
                return true;
            }

            if (node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } call
                && TypeSyntaxIndex.SimpleName(call.Expression) is { } called && _resetMethods.Contains(called))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The member a node resets by its shape: <c>x = false/0/null/""/default/string.Empty/new()/[]</c>, <c>x.Clear()</c>, <c>Interlocked.Exchange(ref x, …)</c>.</summary>
    private static string? ResetTarget(SyntaxNode node)
        => node switch
        {
            AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment when IsEmptyShape(assignment.Right)
                => TypeSyntaxIndex.SimpleName(assignment.Left),
            InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Clear" } access }
                => TypeSyntaxIndex.SimpleName(access.Expression),
            InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberBindingExpressionSyntax { Name.Identifier.ValueText: "Clear" } } binding
                => binding.Parent is ConditionalAccessExpressionSyntax access ? TypeSyntaxIndex.SimpleName(access.Expression) : null,
            ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword, Parent.Parent: InvocationExpressionSyntax exchange } argument
                when TypeSyntaxIndex.SimpleName(exchange.Expression) == "Exchange"
                => TypeSyntaxIndex.SimpleName(argument.Expression),
            _ => null,
        };

    /// <summary>The member a node may raise: another value assigned, a compound assignment, <c>++</c>/<c>--</c>, a call or an indexer on it.</summary>
    private static string? RaiseTarget(SyntaxNode node)
        => node switch
        {
            AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } => TypeSyntaxIndex.SimpleName(element.Expression),
            AssignmentExpressionSyntax assignment => TypeSyntaxIndex.SimpleName(assignment.Left),
            PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression)
                => TypeSyntaxIndex.SimpleName(postfix.Operand),
            PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression)
                => TypeSyntaxIndex.SimpleName(prefix.Operand),
            ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword } argument => TypeSyntaxIndex.SimpleName(argument.Expression),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => TypeSyntaxIndex.SimpleName(access.Expression),
            InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax, Parent: ConditionalAccessExpressionSyntax access } => TypeSyntaxIndex.SimpleName(access.Expression),
            _ => null,
        };

    /// <summary>A field or property other types can set (<c>public bool IsDirty;</c>, <c>public bool HasChanges { get; set; }</c>): raised from outside.</summary>
    private static bool IsSettableFromOutside(SyntaxTokenList modifiers, AccessorListSyntax? accessors, bool isField)
    {
        if (!(modifiers.Any(SyntaxKind.PublicKeyword) || modifiers.Any(SyntaxKind.InternalKeyword) || modifiers.Any(SyntaxKind.ProtectedKeyword))
            || modifiers.Any(SyntaxKind.ReadOnlyKeyword) || modifiers.Any(SyntaxKind.ConstKeyword))
        {
            return false;
        }

        if (isField || accessors is null)
        {
            // An expression-bodied property has no setter.
            return isField;
        }

        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.IsKind(SyntaxKind.SetAccessorDeclaration) && !accessor.Modifiers.Any(SyntaxKind.PrivateKeyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The fields a property's getter returns (<c>get =&gt; _dirty;</c>, <c>get { return _dirty; }</c>) or its setter
    /// assigns the value to (<c>set { _dirty = value; … }</c>), by name: in any part of a partial type (a partial
    /// property's implementing part holds the accessors).
    /// </summary>
    private static void AddBackingFields(PropertyDeclarationSyntax property, List<(string Property, string Field)> backed)
    {
        var name = property.Identifier.ValueText;
        if (property.ExpressionBody is { Expression: var returned })
        {
            AddField(name, returned, backed);
        }

        foreach (var accessor in property.AccessorList?.Accessors ?? default)
        {
            var getter = accessor.IsKind(SyntaxKind.GetAccessorDeclaration);
            if (accessor.ExpressionBody is { Expression: var body })
            {
                AddField(name, getter ? body : ValueAssignedTo(body), backed);
            }

            foreach (var statement in accessor.Body?.Statements ?? default)
            {
                var expression = statement switch
                {
                    ReturnStatementSyntax { Expression: var value } when getter => value,
                    ExpressionStatementSyntax { Expression: var value } when !getter => ValueAssignedTo(value),
                    _ => null,
                };
                AddField(name, expression, backed);
            }
        }
    }

    /// <summary>The target of <c>field = value</c>, else null.</summary>
    private static ExpressionSyntax? ValueAssignedTo(ExpressionSyntax expression)
        => expression is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Right: IdentifierNameSyntax { Identifier.ValueText: "value" } } assignment
            ? assignment.Left
            : null;

    private static void AddField(string property, ExpressionSyntax? field, List<(string Property, string Field)> backed)
    {
        if (field is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } && TypeSyntaxIndex.SimpleName(field) is { } name)
        {
            backed.Add((property, name));
        }
    }

    /// <summary>The members a method resets when every statement of its body is a reset (<c>void MarkClean() { _dirty = false; }</c>), else null.</summary>
    private static List<string>? ResetOnlyTargets(MethodDeclarationSyntax method)
    {
        var statements = method.ExpressionBody is { Expression: var expression }
            ? new[] { expression }
            : method.Body is { Statements.Count: > 0 } body ? ExpressionsOf(body) : null;
        if (statements is null)
        {
            return null;
        }

        var targets = new List<string>();
        foreach (var statement in statements)
        {
            if (statement is null || ResetTarget(statement) is not { } target)
            {
                return null;
            }

            targets.Add(target);
        }

        return targets;
    }

    private static ExpressionSyntax?[] ExpressionsOf(BlockSyntax body)
    {
        var expressions = new ExpressionSyntax?[body.Statements.Count];
        for (var i = 0; i < expressions.Length; i++)
        {
            expressions[i] = (body.Statements[i] as ExpressionStatementSyntax)?.Expression;
        }

        return expressions;
    }

    /// <summary>The syntax of an empty value (a conservative superset of <see cref="Markers.IsEmptyValue"/>).</summary>
    private static bool IsEmptyShape(ExpressionSyntax value)
    {
        while (value is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            value = value is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((CastExpressionSyntax)value).Expression;
        }

        return value switch
        {
            LiteralExpressionSyntax literal => literal.Kind() switch
            {
                SyntaxKind.FalseLiteralExpression or SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression => true,
                SyntaxKind.NumericLiteralExpression => literal.Token.Value is { } number && Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture) == 0,
                SyntaxKind.StringLiteralExpression => literal.Token.ValueText.Length == 0,
                _ => false,
            },
            DefaultExpressionSyntax => true,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" } => true,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList is null or { Arguments.Count: 0 } && creation.Initializer is null or { Expressions.Count: 0 },
            CollectionExpressionSyntax { Elements.Count: 0 } => true,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Empty" } } } => true,
            _ => false,
        };
    }
}
