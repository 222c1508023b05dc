using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Resets;

/// <summary>How a statement or expression uses a field or property of its type.</summary>
internal enum MarkerUse
{
    None,

    /// <summary>Set to its empty value: <c>false</c>, <c>0</c>, <c>null</c>, <c>""</c>, <c>default</c>, <c>Clear()</c>, <c>= new()</c>, <c>= []</c>.</summary>
    Reset,

    /// <summary>Set to something else, incremented, added to: changes are pending.</summary>
    Raise,

    /// <summary>Read.</summary>
    Read,
}

/// <summary>
/// "Pending changes" markers (SW3001): fields and properties of a type that are reset to their empty value and
/// decide whether or what to save. A member is a marker when, somewhere in its type (and its base types in
/// source), it is raised (set to a non-empty value outside a <c>catch</c>, incremented, added to — or it can be
/// set from outside the type), and it is read in a condition that leads to a save or read to produce content in
/// a method that saves. A field only exposed through a property or logged (an error slot, a status text) is
/// not read that way, and a field only set inside <c>catch</c> (an error slot, a retry counter) is not raised.
/// A property and the field its getter returns are one marker.
/// </summary>
internal sealed class Markers
{
    private static readonly ConditionalWeakTable<Compilation, Markers> Cache = new();

    private readonly Saves _saves;
    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeUsage> _types = new(SymbolEqualityComparer.Default);

    private Markers(Saves saves) => _saves = saves;

    public static Markers Get(Saves saves) => Cache.GetValue(saves.Symbols.Compilation, _ => new Markers(saves));

    private KnownSymbols Symbols => _saves.Symbols;

    /// <summary>
    /// A cheap first look: could this statement be a reset (an assignment of an empty value, a call, an
    /// <c>Interlocked.Exchange</c> declaration)? <see cref="ResetMembers"/> then says which members it resets.
    /// </summary>
    /// <remarks>
    /// Runs for nearly every statement, so it rejects on shape alone what <see cref="ResetMembers"/> would reject
    /// anyway: a value stored in a local or parameter (unless it may be an exchange), a call on a local or parameter,
    /// a static or <c>this</c> call of a method outside the type, a declaration or <c>if</c> without an exchange-shaped call.
    /// </remarks>
    public bool MayBeReset(IOperation statement, INamedTypeSymbol type)
        => statement switch
        {
            IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
                => (assignment.Target is IFieldReferenceOperation or IPropertyReferenceOperation
                    && (IsEmptyValue(assignment.Value) || assignment.Value.WalkDownConversions() is IInvocationOperation))
                   || ExchangeCandidate(statement) is not null,
            IExpressionStatementOperation { Operation: IInvocationOperation invocation }
                => invocation.Instance is null or IInstanceReferenceOperation
                    ? invocation.TargetMethod.MethodKind == MethodKind.Ordinary && IsInTypeChain(invocation.TargetMethod.ContainingType, type)
                    : invocation.Instance.WalkDownConversions() is IFieldReferenceOperation or IPropertyReferenceOperation,
            IExpressionStatementOperation { Operation: IConditionalAccessOperation } => true,
            IVariableDeclarationGroupOperation => ExchangeCandidate(statement) is not null,
            IConditionalOperation { Parent: IBlockOperation or ISwitchCaseOperation } conditional => ExchangeIn(conditional.Condition) is not null,
            _ => false,
        };

    /// <summary>
    /// The members an expression statement resets: a field or property of <paramref name="type"/> set to its
    /// empty value or cleared, or a call to a method of the type that only resets members (<c>MarkClean()</c>).
    /// </summary>
    public List<ISymbol>? ResetMembers(IOperation statement, INamedTypeSymbol type)
    {
        if (ExchangedMember(statement, type) is { } exchanged)
        {
            return new List<ISymbol> { exchanged };
        }

        if (statement is not IExpressionStatementOperation { Operation: { } expression })
        {
            return null;
        }

        if (expression is IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Ordinary } method, Instance: null or IInstanceReferenceOperation }
            && IsInTypeChain(method.ContainingType, type))
        {
            return UsageOf(type).ResetMethods.TryGetValue(method.OriginalDefinition, out var members) ? members : null;
        }

        var reference = ResetTarget(expression);
        var member = MemberOf(reference, type);
        return member is not null && Classify(reference!) == MarkerUse.Reset ? new List<ISymbol> { member } : null;
    }

    /// <summary>
    /// The member a statement takes and resets in one step: <c>var batch = Interlocked.Exchange(ref _batch, new());</c>,
    /// <c>batch = Interlocked.Exchange(ref _batch, null);</c>, <c>if (Interlocked.Exchange(ref _pending, 0) &gt; 0) …</c>.
    /// Such a reset cannot be moved after the save.
    /// </summary>
    public ISymbol? ExchangedMember(IOperation statement, INamedTypeSymbol type)
    {
        var exchange = statement is IConditionalOperation { Condition: var condition }
            ? ExchangeIn(condition) as IInvocationOperation
            : ExchangeCandidate(statement);
        return exchange is { Arguments.Length: 2 }
               && exchange.Arguments[0].Value is { } target && MemberOf(target, type) is { } member
               && Classify(target) == MarkerUse.Reset
            ? member
            : null;
    }

    /// <summary>The call a declaration or assignment statement stores, when it could be an exchange (two arguments).</summary>
    private static IInvocationOperation? ExchangeCandidate(IOperation statement)
    {
        var value = statement switch
        {
            IVariableDeclarationGroupOperation { Declarations.Length: 1 } group when group.Declarations[0].Declarators.Length == 1
                => group.Declarations[0].Declarators[0].Initializer?.Value ?? group.Declarations[0].Initializer?.Value,
            IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Value: var assigned } } => assigned,
            _ => null,
        };

        return value.WalkDownConversions() is IInvocationOperation { Arguments.Length: 2 } exchange ? exchange : null;
    }

    /// <summary>True when <paramref name="member"/> of <paramref name="type"/> is a pending-changes marker (see the type's remarks).</summary>
    public bool IsMarker(ISymbol member, INamedTypeSymbol type)
    {
        // A floating-point accumulator is a clock (_elapsed += deltaTime), not pending changes.
        var memberType = member switch { IFieldSymbol field => field.Type, IPropertySymbol property => property.Type, _ => null };
        if (memberType?.SpecialType is SpecialType.System_Single or SpecialType.System_Double)
        {
            return false;
        }

        var usage = UsageOf(type);
        var raised = false;
        var decides = false;
        foreach (var alias in usage.AliasesOf(member))
        {
            if (usage.Members.TryGetValue(alias, out var flags))
            {
                raised |= flags.Raised;
                decides |= flags.DecidesSave;
            }

            raised |= IsWritableFromOutside(alias);
        }

        return raised && decides;
    }

    /// <summary>The member and the field or property it aliases (a property and the field its getter returns).</summary>
    public IEnumerable<ISymbol> AliasesOf(ISymbol member, INamedTypeSymbol type) => UsageOf(type).AliasesOf(member);

    /// <summary>True when <paramref name="operation"/> (an assignment, increment, <c>Add</c> …) raises one of the members.</summary>
    public bool IsRaiseOf(IOperation operation, ICollection<ISymbol> members, INamedTypeSymbol type)
    {
        foreach (var reference in Saves.DescendantsAndSelf(operation))
        {
            if (MemberOf(reference, type) is { } member && members.Contains(member) && Classify(reference) == MarkerUse.Raise)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="root"/> reads one of the members as content (an argument, a local, a returned
    /// value …), directly or in a method of the type it calls (a few calls deep): a save that serializes the member
    /// persists its reset value.
    /// </summary>
    public bool IsReadBy(IOperation root, ICollection<ISymbol> members, INamedTypeSymbol type, int depth = 0)
    {
        foreach (var operation in Saves.DescendantsAndSelf(root))
        {
            if (MemberOf(operation, type) is { } member && members.Contains(member) && Classify(operation) == MarkerUse.Read
                && ResetFlow.IsContentRead(operation))
            {
                return true;
            }

            if (depth < 3 && operation is IInvocationOperation { TargetMethod: { } method, Instance: null or IInstanceReferenceOperation }
                && IsInTypeChain(method.ContainingType, type) && _saves.BodyOf(method.OriginalDefinition) is { } body
                && IsReadBy(body, members, type, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How one reference to a field or property is used.</summary>
    public MarkerUse Classify(IOperation reference)
    {
        if (IsInNameOf(reference))
        {
            return MarkerUse.None;
        }

        var consumer = reference.ConsumerOf(out var consumed);
        switch (consumer)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == consumed:
                return IsEmptyValue(assignment.Value) ? MarkerUse.Reset : MarkerUse.Raise;
            case ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation:
                return MarkerUse.Raise;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Parent: IInvocationOperation exchange }
                when KnownSymbols.Contains(Symbols.InterlockedExchange, exchange.TargetMethod) && exchange.Arguments.Length == 2:
                return IsEmptyValue(exchange.Arguments[1].Value) ? MarkerUse.Reset : MarkerUse.Raise;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                return MarkerUse.Raise;
            case IInvocationOperation invocation when invocation.Instance == consumed:
                return ClassifyCall(invocation, reference.Type);
            case IConditionalAccessOperation access when access.Operation == consumed:
                return access.WhenNotNull is IInvocationOperation call ? ClassifyCall(call, reference.Type) : MarkerUse.Read;
            case IPropertyReferenceOperation indexer when indexer.Instance == consumed:
                return indexer.Parent is ISimpleAssignmentOperation set && set.Target == indexer ? MarkerUse.Raise : MarkerUse.Read;
            default:
                return MarkerUse.Read;
        }
    }

    /// <summary>The empty value of a marker: <c>false</c>, <c>0</c>, <c>null</c>, <c>""</c>, <c>string.Empty</c>, <c>default</c>, an empty new collection, <c>[]</c>, <c>Array.Empty&lt;T&gt;()</c>.</summary>
    public bool IsEmptyValue(IOperation? value)
    {
        if (value?.Syntax is CollectionExpressionSyntax { Elements.Count: 0 })
        {
            return true;
        }

        value = value.WalkDownConversions();
        switch (value)
        {
            case null:
                return false;
            case { ConstantValue: { HasValue: true } constant }:
                return constant.Value switch
                {
                    null => true,
                    bool b => !b,
                    string s => s.Length == 0,
                    char => false,
                    _ => value.TryGetConstant(out var number) && number == 0 && IsZero(constant.Value),
                };
            case IDefaultValueOperation:
                return true;
            case IFieldReferenceOperation field:
                return Symbols.StringEmpty.Contains(field.Field);
            case IInvocationOperation invocation:
                return KnownSymbols.Contains(Symbols.ArrayEmpty, invocation.TargetMethod);
            case IObjectCreationOperation creation:
                return creation.Arguments.IsEmpty
                       && (creation.Initializer is null || creation.Initializer.Initializers.IsEmpty)
                       && IsCollection(creation.Type);
            default:
                return false;
        }
    }

    /// <summary>The field or property of <paramref name="type"/> (or a base type) that <paramref name="reference"/> names on this instance or statically.</summary>
    public static ISymbol? MemberOf(IOperation? reference, INamedTypeSymbol type)
    {
        ISymbol? member;
        IOperation? instance;
        switch (reference)
        {
            case IFieldReferenceOperation field:
                member = field.Field;
                instance = field.Instance;
                break;
            case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                member = property.Property;
                instance = property.Instance;
                break;
            default:
                return null;
        }

        if (instance is not (null or IInstanceReferenceOperation) || !IsInTypeChain(member.ContainingType, type))
        {
            return null;
        }

        return member.OriginalDefinition;
    }

    private static bool IsZero(object value)
        => value switch
        {
            double d => d == 0,
            float f => f == 0,
            decimal m => m == 0,
            _ => true,
        };

    /// <summary>The <c>Interlocked.Exchange</c> call in an <c>if</c> condition (<c>if (Interlocked.Exchange(ref _pending, 0) &gt; 0)</c>), if any.</summary>
    private IOperation? ExchangeIn(IOperation condition)
    {
        foreach (var operation in Saves.DescendantsAndSelf(condition))
        {
            if (operation is IInvocationOperation invocation && KnownSymbols.Contains(Symbols.InterlockedExchange, invocation.TargetMethod))
            {
                return invocation;
            }
        }

        return null;
    }

    /// <summary>The field or property an expression statement assigns or clears.</summary>
    private static IOperation? ResetTarget(IOperation expression)
        => expression switch
        {
            ISimpleAssignmentOperation assignment => assignment.Target,
            IInvocationOperation { Instance: { } instance } => instance.WalkDownConversions(),
            IConditionalAccessOperation access => access.Operation.WalkDownConversions(),
            _ => null,
        };

    private MarkerUse ClassifyCall(IInvocationOperation invocation, ITypeSymbol? receiverType)
    {
        if (IsClear(invocation))
        {
            return MarkerUse.Reset;
        }

        // Add, Enqueue, Append, TryAdd … on a collection raise it; other void calls (Dispose, Cancel) say nothing.
        var returnType = invocation.TargetMethod.ReturnType;
        if (invocation.TargetMethod.ReturnsVoid || returnType.SpecialType == SpecialType.System_Boolean
            || SymbolEqualityComparer.Default.Equals(returnType, receiverType))
        {
            return IsCollection(receiverType) ? MarkerUse.Raise : MarkerUse.None;
        }

        return MarkerUse.Read;
    }

    private bool IsClear(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (KnownSymbols.Contains(Symbols.CollectionClears, method))
        {
            return true;
        }

        if (method.Name != "Clear" || !method.Parameters.IsEmpty || invocation.Instance?.Type is not { } receiver)
        {
            return false;
        }

        // List<T>.Clear, Dictionary<K,V>.Clear, HashSet<T>.Clear …: implementations of an interface Clear.
        foreach (var @interface in receiver.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers("Clear"))
            {
                if (Symbols.CollectionClears.Contains(member.OriginalDefinition)
                    && SymbolEqualityComparer.Default.Equals(receiver.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsCollection(ITypeSymbol? type)
        => type is not null && type.SpecialType != SpecialType.System_String
           && (KnownSymbols.InheritsFrom(type, Symbols.StringBuilder)
               || (Symbols.IEnumerable is { } enumerable && (SymbolEqualityComparer.Default.Equals(type, enumerable) || System.Linq.Enumerable.Contains(type.AllInterfaces, enumerable, SymbolEqualityComparer.Default))));

    private static bool IsInNameOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }

            if (current is IBlockOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsInTypeChain(INamedTypeSymbol? memberType, INamedTypeSymbol type)
    {
        if (memberType is null)
        {
            return false;
        }

        for (var current = type; current is not null && !current.DeclaringSyntaxReferences.IsEmpty; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, memberType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A public/internal settable property or non-readonly field: code outside the type can raise it.</summary>
    private static bool IsWritableFromOutside(ISymbol member)
        => member switch
        {
            IFieldSymbol field => !field.IsReadOnly && !field.IsConst && field.DeclaredAccessibility > Accessibility.Private,
            IPropertySymbol property => property.SetMethod is { } setter && property.DeclaredAccessibility > Accessibility.Private
                                        && setter.DeclaredAccessibility > Accessibility.Private && !setter.IsInitOnly,
            _ => false,
        };

    private TypeUsage UsageOf(INamedTypeSymbol type)
    {
        type = type.OriginalDefinition;
        return _types.TryGetValue(type, out var usage) ? usage : _types.GetOrAdd(type, Compute(type));
    }

    private TypeUsage Compute(INamedTypeSymbol type)
    {
        var usage = new TypeUsage();
        for (var current = type; current is not null && !current.DeclaringSyntaxReferences.IsEmpty; current = current.BaseType)
        {
            foreach (var symbol in current.GetMembers())
            {
                if (symbol is not IMethodSymbol { IsAbstract: false } method || method.DeclaringSyntaxReferences.IsEmpty)
                {
                    continue;
                }

                var body = _saves.BodyOf(method);
                if (body is not null)
                {
                    ScanBody(method, body, type, usage);
                }
            }
        }

        return usage;
    }

    private void ScanBody(IMethodSymbol method, IOperation body, INamedTypeSymbol type, TypeUsage usage)
    {
        var bodySaves = _saves.ContainsSave(body);
        List<ISymbol>? resets = null;
        var onlyResets = method.MethodKind == MethodKind.Ordinary;
        foreach (var operation in body.Descendants())
        {
            if (MemberOf(operation, type) is not { } member)
            {
                if (onlyResets && operation.Parent is IBlockOperation && !IsResetOnlyStatement(operation, type))
                {
                    onlyResets = false;
                }

                continue;
            }

            var flags = usage.Flags(member);
            switch (Classify(operation))
            {
                case MarkerUse.Reset:
                    (resets ??= new List<ISymbol>()).Add(member);

                    // Interlocked.Exchange hands the old value on: content, when the body saves.
                    flags.DecidesSave |= bodySaves && operation.Parent is IArgumentOperation;
                    break;
                case MarkerUse.Raise:
                    flags.Raised |= !ResetFlow.IsInCatch(operation, body);
                    if (method.MethodKind == MethodKind.PropertySet && method.AssociatedSymbol is { } setProperty
                        && operation.Parent is ISimpleAssignmentOperation { Value: IParameterReferenceOperation })
                    {
                        usage.AddAlias(setProperty.OriginalDefinition, member);
                    }

                    break;
                case MarkerUse.Read:
                    flags.DecidesSave |= ResetFlow.IsConditionLeadingToSave(operation, _saves) || (bodySaves && ResetFlow.IsContentRead(operation));
                    if (method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is { } property && operation.Parent is IReturnOperation)
                    {
                        usage.AddAlias(property.OriginalDefinition, member);
                    }

                    break;
            }
        }

        if (onlyResets && resets is not null && !bodySaves)
        {
            usage.ResetMethods[method.OriginalDefinition] = resets;
        }
    }

    /// <summary>A statement of a reset-only method: an expression statement resetting a member, or the implicit end of a void method.</summary>
    private bool IsResetOnlyStatement(IOperation statement, INamedTypeSymbol type)
        => statement is IReturnOperation { ReturnedValue: null, IsImplicit: true }
           || (statement is IExpressionStatementOperation { Operation: { } expression }
               && ResetTarget(expression) is { } target
               && MemberOf(target, type) is not null
               && Classify(target) == MarkerUse.Reset);

    private sealed class MemberFlags
    {
        public bool Raised { get; set; }

        public bool DecidesSave { get; set; }
    }

    private sealed class TypeUsage
    {
        private readonly Dictionary<ISymbol, List<ISymbol>> _aliases = new(SymbolEqualityComparer.Default);

        public Dictionary<ISymbol, MemberFlags> Members { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<IMethodSymbol, List<ISymbol>> ResetMethods { get; } = new(SymbolEqualityComparer.Default);

        public MemberFlags Flags(ISymbol member)
        {
            if (!Members.TryGetValue(member, out var flags))
            {
                flags = new MemberFlags();
                Members[member] = flags;
            }

            return flags;
        }

        public void AddAlias(ISymbol property, ISymbol field)
        {
            Alias(property, field);
            Alias(field, property);
        }

        public IEnumerable<ISymbol> AliasesOf(ISymbol member)
        {
            yield return member;
            if (_aliases.TryGetValue(member, out var aliases))
            {
                foreach (var alias in aliases)
                {
                    yield return alias;
                }
            }
        }

        private void Alias(ISymbol from, ISymbol to)
        {
            if (!_aliases.TryGetValue(from, out var list))
            {
                list = new List<ISymbol>();
                _aliases[from] = list;
            }

            list.Add(to);
        }
    }
}
