using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>
/// The private fields and properties of one type that hold a stream being followed; a <see cref="StreamFlow"/> walk
/// queues them here instead of treating the store as an escape, and <see cref="KeptStreams"/> then follows their uses
/// in every part of the type.
/// </summary>
internal sealed class MemberKeeper
{
    private readonly HashSet<ISymbol> _seen = new(SymbolEqualityComparer.Default);

    public MemberKeeper(INamedTypeSymbol type) => Type = type;

    public INamedTypeSymbol Type { get; }

    public Queue<ISymbol> Pending { get; } = new();

    /// <summary>True (and queued once) when <paramref name="member"/> is a private field or property of <see cref="Type"/>.</summary>
    public bool Keep(ISymbol? member)
    {
        if (member is not (IFieldSymbol or IPropertySymbol) || member.DeclaredAccessibility != Accessibility.Private
            || !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, Type.OriginalDefinition))
        {
            return false;
        }

        if (_seen.Add(member.OriginalDefinition))
        {
            Pending.Enqueue(member.OriginalDefinition);
        }

        return true;
    }
}

/// <summary>
/// Streams kept in the members of a type of the compilation (rules.md, SW1001): a type that only stores, disposes
/// or measures the stream it is constructed with (a lock handle) never writes it; a writer a type opens into its
/// own member and writes from its other members, never rewinding it, is written over the object's lifetime (a
/// session log), not rewritten whole. Both look at the type's uses of the member, bound lazily and only for streams
/// that reach such a member; the constructor answer is cached per compilation.
/// </summary>
internal sealed class KeptStreams
{
    private const int MaxMembers = 8;

    private static readonly ConditionalWeakTable<KnownSymbols, KeptStreams> Cache = new();

    [ThreadStatic]
    private static HashSet<IParameterSymbol>? _inProgress;

    private readonly KnownSymbols _symbols;
    private readonly ConcurrentDictionary<IParameterSymbol, bool> _writes = new(SymbolEqualityComparer.Default);

    private KeptStreams(KnownSymbols symbols) => _symbols = symbols;

    public static KeptStreams Get(KnownSymbols symbols) => Cache.GetValue(symbols, s => new KeptStreams(s));

    /// <summary>
    /// For a stream passed as <paramref name="argument"/> to a constructor of the compilation: does its type write it
    /// (directly, through a wrapper, by handing it on, or by letting it leave the type)? Null when the constructor is
    /// not in the compilation.
    /// </summary>
    public bool? Writes(IObjectCreationOperation creation, IArgumentOperation argument)
    {
        if (creation.Constructor is not { } constructor || argument.Parameter is not { } parameter
            || constructor.DeclaringSyntaxReferences.IsEmpty
            || !SymbolEqualityComparer.Default.Equals(constructor.ContainingAssembly, _symbols.Compilation.Assembly))
        {
            return null;
        }

        var key = parameter.OriginalDefinition;
        if (_writes.TryGetValue(key, out var known))
        {
            return known;
        }

        // A type that keeps another of its kind (or itself) is not looked into twice on one stack: assume it writes.
        _inProgress ??= new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        if (!_inProgress.Add(key))
        {
            return true;
        }

        try
        {
            return _writes.GetOrAdd(key, ComputeWrites((IMethodSymbol)constructor.OriginalDefinition, key));
        }
        finally
        {
            _inProgress.Remove(key);
        }
    }

    private bool ComputeWrites(IMethodSymbol constructor, IParameterSymbol parameter)
    {
        if (CompilationCalls.Get(_symbols).BodyOf(constructor) is not { } body)
        {
            return true;
        }

        var use = new StreamUse();
        var keeper = new MemberKeeper(constructor.ContainingType);
        foreach (var reference in OperationHelpers.FindReferences(body, parameter))
        {
            StreamFlow.FollowFrom(reference, _symbols, use, keeper);
        }

        return !FollowMembers(keeper, use, perReference: null) || use.IsWritten || use.EscapesUnseen;
    }

    /// <summary>
    /// True when the opener's stream, stored in private members of its own type, is written by other members of
    /// the type over the object's lifetime: not closed in the opening method, never rewound or truncated
    /// (<c>Seek</c>, <c>SetLength</c>, <c>Position =</c>, <c>BaseStream</c>), never leaving the type.
    /// </summary>
    public bool IsLifetimeWriter(IOperation opener, StreamUse use)
    {
        if (use.Members.Count == 0 || use.Returned || opener.SemanticModel?.GetEnclosingSymbol(opener.Syntax.SpanStart)?.ContainingType is not { } type)
        {
            return false;
        }

        var keeper = new MemberKeeper(type);
        foreach (var member in use.Members)
        {
            if (!keeper.Keep(member))
            {
                return false;
            }
        }

        if (IsClosedIn(opener.Root(), use))
        {
            return false;
        }

        var typeUse = new StreamUse();
        var openerRoot = opener.Root();
        var openedOnce = IsOpenedOnce(opener, use);
        var writtenElsewhere = false;
        var complete = FollowMembers(keeper, typeUse, reference =>
        {
            if (IsRewind(reference))
            {
                return false;
            }

            var referenceUse = new StreamUse();
            StreamFlow.FollowFrom(reference, _symbols, referenceUse, keeper);
            writtenElsewhere |= referenceUse.IsWritten && (openedOnce || reference.Root() != openerRoot);
            return !referenceUse.EscapesUnseen;
        });

        return complete && writtenElsewhere;
    }

    /// <summary>
    /// Opened on first use (<c>_out ??= new …</c>, <c>if (_out == null) _out = new …</c>): later calls of the same
    /// method write to the stream it kept, so its own writes are writes over the object's lifetime too.
    /// </summary>
    private static bool IsOpenedOnce(IOperation opener, StreamUse use)
    {
        for (var current = opener.Parent; current is not null; current = current.Parent)
        {
            if (current is ICoalesceAssignmentOperation)
            {
                return true;
            }

            if (current is IConditionalOperation { Condition: { } condition } && !condition.Syntax.Span.Contains(opener.Syntax.Span))
            {
                foreach (var operand in condition.DescendantsAndSelf())
                {
                    if (operand.ReferencedSymbol() is { } symbol && use.Members.Contains(symbol, SymbolEqualityComparer.Default))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Follows the uses of the keeper's members in every part of the type, until no new member is queued; false when
    /// a use cannot be seen (a member beyond the limit, a part that does not bind) or <paramref name="perReference"/> refuses one.
    /// </summary>
    private bool FollowMembers(MemberKeeper keeper, StreamUse use, Func<IOperation, bool>? perReference)
    {
        var followed = 0;
        while (keeper.Pending.Count > 0)
        {
            if (++followed > MaxMembers)
            {
                return false;
            }

            var member = keeper.Pending.Dequeue();
            foreach (var reference in MemberReferences(keeper.Type, member))
            {
                if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
                {
                    continue;
                }

                if (perReference is not null)
                {
                    if (!perReference(reference))
                    {
                        return false;
                    }

                    continue;
                }

                StreamFlow.FollowFrom(reference, _symbols, use, keeper);
            }
        }

        return true;
    }

    /// <summary>The bound references to <paramref name="member"/> in the declarations of <paramref name="type"/> (found by name, then bound).</summary>
    private IEnumerable<IOperation> MemberReferences(INamedTypeSymbol type, ISymbol member)
    {
        var calls = CompilationCalls.Get(_symbols);
        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            foreach (var node in declaration.GetSyntax().DescendantNodes())
            {
                if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != member.Name)
                {
                    continue;
                }

                SyntaxNode bound = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                if (calls.Bind(bound) is { } operation
                    && SymbolEqualityComparer.Default.Equals(operation.ReferencedSymbol()?.OriginalDefinition, member))
                {
                    yield return operation;
                }
            }
        }
    }

    /// <summary><c>Seek</c>, <c>SetLength</c>, an assigned <c>Position</c>, or any use of <c>BaseStream</c> on the member: it is rewritten, not appended to.</summary>
    private static bool IsRewind(IOperation reference)
    {
        var consumer = reference.ConsumerOf(out var consumed);
        return consumer switch
        {
            IInvocationOperation call when call.Instance == consumed => call.TargetMethod.Name is "Seek" or "SetLength",
            IPropertyReferenceOperation { Property.Name: "BaseStream" } => true,
            IPropertyReferenceOperation { Property.Name: "Position" } position => position.Parent is ISimpleAssignmentOperation assignment && assignment.Target == position,
            _ => false,
        };
    }

    /// <summary>A <c>Dispose</c> / <c>Close</c> of the stream, a writer over it or its member in the opening method, or a <c>using</c> of it there.</summary>
    private static bool IsClosedIn(IOperation root, StreamUse use)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "Dispose" or "DisposeAsync" or "Close", Instance: { } instance }
                    when Holds(instance, use):
                    return true;
                case IUsingOperation { Resources: { } resources } when HoldsAnyLocal(resources, use):
                    return true;
                case IUsingDeclarationOperation { DeclarationGroup: { } group } when HoldsAnyLocal(group, use):
                    return true;
            }
        }

        return false;
    }

    private static bool Holds(IOperation instance, StreamUse use)
    {
        var symbol = instance.ReferencedSymbol();
        return symbol is ILocalSymbol local ? use.Locals.Contains(local) : symbol is not null && use.Members.Contains(symbol, SymbolEqualityComparer.Default);
    }

    private static bool HoldsAnyLocal(IOperation resources, StreamUse use)
    {
        foreach (var declarator in resources.DescendantsAndSelf())
        {
            if (declarator is IVariableDeclaratorOperation { Symbol: { } local } && use.Locals.Contains(local))
            {
                return true;
            }
        }

        return false;
    }
}
