using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Resets;

/// <summary>
/// SW3001's syntax-only filter, without binding: does a code block reset a candidate marker of its type, a field or
/// property (in any part of the type or of its base types in source) that the block resets to an empty value, directly
/// or through a method of the type that only resets (<c>MarkClean()</c>), and that some code of the type raises (or
/// that other types can set and whose name speaks of changes; a property and the field its accessors use count as
/// one)? Only such blocks are bound.
/// </summary>
/// <remarks>
/// Resets are found through the text (<see cref="ResetWords"/>: <c>false</c>, <c>null</c>, <c>0</c>, <c>Clear</c> …
/// checked against the parser's tokens), and a name's raises by searching the type's text for the name: nothing
/// walks the compilation, and a type is looked at only when one of its blocks resets something.
/// </remarks>
internal sealed class ResetSyntax
{
    /// <summary>The tokens that end or name a reset shape (<see cref="ResetTarget"/>): its empty value, <c>Clear</c>, <c>Exchange</c>.</summary>
    private static readonly TriggerWords ResetWords = new(
        new[] { "false", "null", "default", "new", "Empty", "Clear", "Exchange" },
        new[] { "0", "\"\"", "[]" },
        static token => ResetNameAt(token) is not null);

    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeMembers> _types = new(SymbolEqualityComparer.Default);

    /// <summary>The cheap first look: the block holds a reset shape, or its type may have a reset-only method (it resets something somewhere, or has other parts).</summary>
    public static bool MayReset(SyntaxNode codeBlock)
        => ResetWords.AnyIn(codeBlock)
           || codeBlock.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type
           || type.Modifiers.Any(SyntaxKind.PartialKeyword)
           || ResetWords.AnyIn(type);

    /// <summary>True when the code block resets a candidate marker of its type, directly or through a reset-only method.</summary>
    public bool ResetsACandidate(SyntaxNode codeBlock, SemanticModel semanticModel)
    {
        if (codeBlock.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
            || semanticModel.GetDeclaredSymbol(declaration) is not { } type)
        {
            return false;
        }

        var members = _types.GetOrAdd(type.OriginalDefinition, static t => new TypeMembers(t));
        foreach (var token in ResetWords.In(codeBlock.SyntaxTree).TokensIn(codeBlock.Span))
        {
            if (ResetNameAt(token) is { } name && members.IsCandidate(name))
            {
                return true;
            }
        }

        foreach (var (method, targets) in members.ResetOnlyMethods)
        {
            if (targets.Exists(members.IsCandidate) && Occurrences(codeBlock.SyntaxTree, codeBlock.Span, method).Any(IsCallWithoutArguments))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The member reset by the shape a <see cref="ResetWords"/> token belongs to, or null.</summary>
    private static string? ResetNameAt(SyntaxToken token)
    {
        for (var node = token.Parent; node is not null and not StatementSyntax and not MemberDeclarationSyntax; node = node.Parent)
        {
            if (ResetTarget(node) is { } name)
            {
                return name;
            }

            if (node is InvocationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }
                && ResetTarget(arguments[0]) is { } exchangedName)
            {
                return exchangedName;
            }
        }

        return null;
    }

    /// <summary>The identifier tokens spelling <paramref name="name"/> in a span of a tree, found in its text.</summary>
    private static IEnumerable<SyntaxToken> Occurrences(SyntaxTree tree, TextSpan span, string name)
    {
        var root = tree.GetRoot();
        foreach (var at in TextRuns.Of(tree).StartsOf(name))
        {
            if (at < span.Start || at + name.Length > span.End)
            {
                continue;
            }

            var token = root.FindToken(at);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.End == at + name.Length && token.ValueText == name)
            {
                yield return token;
            }
        }
    }

    private static bool IsCallWithoutArguments(SyntaxToken token)
        => token.Parent is SimpleNameSyntax name
           && (name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access.Parent : name.Parent)
               is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 };

    /// <summary>A raise of <paramref name="name"/>: an ancestor of its token (up to the statement) raises it and is not a reset.</summary>
    private static bool IsRaise(SyntaxToken token, string name)
    {
        for (var node = token.Parent; node is not null and not StatementSyntax and not MemberDeclarationSyntax; node = node.Parent)
        {
            if (ResetTarget(node) is null && RaiseTarget(node) == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One type's fields, properties and reset-only methods (every part, and base types in source), and which names its code raises.</summary>
    private sealed class TypeMembers
    {
        private readonly List<(SyntaxTree Tree, TextSpan Span)> _parts = new();
        private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
        private readonly HashSet<string> _raisedFromOutside = new(StringComparer.Ordinal);
        private readonly List<(string Property, string Field)> _backed = new();
        private readonly ConcurrentDictionary<string, bool> _raised = new(StringComparer.Ordinal);

        public TypeMembers(INamedTypeSymbol type)
        {
            for (var current = type; current is not null && !current.DeclaringSyntaxReferences.IsEmpty; current = current.BaseType)
            {
                foreach (var reference in current.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is TypeDeclarationSyntax part)
                    {
                        _parts.Add((part.SyntaxTree, part.Span));
                        AddMembers(part);
                    }
                }
            }
        }

        public List<(string Method, List<string> Targets)> ResetOnlyMethods { get; } = new();

        /// <summary>A candidate marker: a field or property of the type that its code (or other types', for a settable member named for changes) raises.</summary>
        public bool IsCandidate(string name)
        {
            if (!_declared.Contains(name))
            {
                return false;
            }

            if (_raisedFromOutside.Contains(name) || IsRaised(name))
            {
                return true;
            }

            foreach (var (property, field) in _backed)
            {
                var partner = property == name ? field : field == name ? property : null;
                if (partner is not null && (_raisedFromOutside.Contains(partner) || IsRaised(partner)))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsRaised(string name)
            => _raised.GetOrAdd(name, n => _parts.Exists(part => Occurrences(part.Tree, part.Span, n).Any(token => IsRaise(token, n))));

        private void AddMembers(TypeDeclarationSyntax part)
        {
            foreach (var member in part.Members)
            {
                switch (member)
                {
                    case FieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            Declare(variable.Identifier.ValueText, IsSettableFromOutside(field.Modifiers, null, isField: true));
                        }

                        break;
                    case PropertyDeclarationSyntax property:
                        Declare(property.Identifier.ValueText, IsSettableFromOutside(property.Modifiers, property.AccessorList, isField: false));
                        AddBackingFields(property, _backed);
                        break;
                    case MethodDeclarationSyntax method when ResetOnlyTargets(method) is { } targets:
                        ResetOnlyMethods.Add((method.Identifier.ValueText, targets));
                        break;
                }
            }
        }

        private void Declare(string name, bool settableFromOutside)
        {
            _declared.Add(name);
            if (settableFromOutside && Markers.IsNamedForChanges(name))
            {
                _raisedFromOutside.Add(name);
            }
        }
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
