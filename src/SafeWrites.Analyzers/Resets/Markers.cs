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
/// "Pending changes" markers (SW3001, rules.md): fields and properties of a type (any partial part, base types in
/// source) that are both raised by mutators and consulted. Raised: set to a non-empty value (a <c>bool</c> only to
/// <c>true</c>), incremented or added to, outside a <c>catch</c>, a constructor, and after no reset of the same member
/// in that body (that is a scoped flag or rebuilt content); a <c>bool</c> only where the body also changes other
/// members, is a property setter, or does nothing but raise (<c>MarkDirty()</c>, a change handler). Consulted: read in
/// a condition that leads to a save, read as content in a method that saves, or read back as the type's answer to
/// "unsaved?" (a non-private member named for changes: <c>HasChanges</c>, <c>CanClose =&gt; !HasChanges</c>). Fields
/// of disposable, task, delegate, thread or handle types are never markers (they are released, not saved). A property
/// and the field its getter returns are one marker.
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
        if (memberType?.SpecialType is SpecialType.System_Single or SpecialType.System_Double || IsResourceType(memberType))
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

            // Set by other types (doc.IsDirty = true) or read back by them (a close prompt): only a member named for changes.
            var namedForChanges = IsNamedForChanges(alias.Name);
            raised |= namedForChanges && IsWritableFromOutside(alias);
            decides |= namedForChanges && IsReadableFromOutside(alias);
        }

        return raised && decides;
    }

    /// <summary>
    /// True when a reset is undone in its own body before anything is pending: the member is raised again after it
    /// (content rebuilt, <c>_items.Clear(); foreach (…) _items.Add(…);</c>; a scoped flag, <c>_ready = false; Load();
    /// _ready = true;</c>), or refilled before <paramref name="save"/> by a method of the type called in between
    /// (two calls deep; <c>_index.Clear(); Fill(); Save();</c>).
    /// </summary>
    public bool IsRaisedAfter(IOperation reset, IOperation save, ICollection<ISymbol> members, INamedTypeSymbol type)
    {
        var body = ResetFlow.EnclosingBody(reset);
        var end = reset.Syntax.Span.End;
        foreach (var operation in body.Descendants())
        {
            if (operation.Syntax.SpanStart < end || ResetFlow.IsInCatch(operation, body))
            {
                continue;
            }

            if (MemberOf(operation, type) is { } member && members.Contains(member) && Classify(operation) == MarkerUse.Raise)
            {
                return true;
            }

            if (operation is IInvocationOperation { Instance: null or IInstanceReferenceOperation } call
                && call.Syntax.SpanStart < save.Syntax.SpanStart && !_saves.IsSave(call) && RaisesIn(call, members, type, 2))
            {
                return true;
            }
        }

        return false;
    }

    private bool RaisesIn(IInvocationOperation call, ICollection<ISymbol> members, INamedTypeSymbol type, int depth)
    {
        if (!IsInTypeChain(call.TargetMethod.ContainingType, type) || _saves.BodyOf(call.TargetMethod.OriginalDefinition) is not { } body)
        {
            return false;
        }

        foreach (var operation in body.Descendants())
        {
            if (MemberOf(operation, type) is { } member && members.Contains(member) && Classify(operation) == MarkerUse.Raise && !ResetFlow.IsInCatch(operation, body))
            {
                return true;
            }

            if (depth > 1 && operation is IInvocationOperation { Instance: null or IInstanceReferenceOperation } inner && RaisesIn(inner, members, type, depth - 1))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>Words of a member that records unsaved changes (<c>_dirty</c>, <c>HasChanges</c>, <c>IsModified</c>, <c>_pendingEdits</c>).</summary>
    private static readonly string[] ChangeWords = { "dirty", "modified", "modification", "changed", "changes", "unsaved", "pending", "edited", "needssav", "uncommitted" };

    /// <summary>True when a name speaks of unsaved changes.</summary>
    public static bool IsNamedForChanges(string name)
    {
        foreach (var word in ChangeWords)
        {
            if (name.IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A non-private property with a getter or non-private field: the type's answer to "unsaved?" for its callers.</summary>
    private static bool IsReadableFromOutside(ISymbol member)
        => member.DeclaredAccessibility > Accessibility.Private
           && member switch
           {
               IFieldSymbol field => !field.IsConst,
               IPropertySymbol property => property.GetMethod is { DeclaredAccessibility: > Accessibility.Private },
               _ => false,
           };

    /// <summary>
    /// Disposable (not a collection), task, delegate, thread, request/response/handle and enum types: such a field is
    /// released (<c>_timer = null</c> in <c>Dispose</c>) or holds a status, not a record of changes.
    /// </summary>
    private bool IsResourceType(ITypeSymbol? type)
    {
        if (type is null || IsCollection(type))
        {
            return false;
        }

        // A status enum (Status = Failed) is a result, not pending changes; a request, response or handle is released.
        if (type.TypeKind == TypeKind.Enum || type.Name.EndsWith("Request", System.StringComparison.Ordinal)
            || type.Name.EndsWith("Response", System.StringComparison.Ordinal) || type.Name.EndsWith("Handle", System.StringComparison.Ordinal))
        {
            return true;
        }

        if (type.TypeKind == TypeKind.Delegate || type.SpecialType == SpecialType.System_Delegate || type.SpecialType == SpecialType.System_MulticastDelegate)
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.ContainingNamespace?.ToDisplayString() is "System.Threading" or "System.Threading.Tasks"
                && current.Name is "Task" or "ValueTask" or "Thread" or "Timer" or "WaitHandle" or "CancellationTokenSource")
            {
                return true;
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.SpecialType == SpecialType.System_IDisposable || @interface.Name == "IAsyncDisposable")
            {
                return true;
            }
        }

        return type.SpecialType == SpecialType.System_IDisposable || (type.Name == "IAsyncDisposable" && type.TypeKind == TypeKind.Interface);
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
        var onlyRaises = true;
        var changesOther = false;
        var firstReset = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        List<(ISymbol Member, bool InHandler)>? flagRaises = null;
        // Constructors and initialiser methods set up state, getters fill caches (_formatted ??= Format()): not mutators.
        var initializes = method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.PropertyGet
                          || (method.MethodKind == MethodKind.Ordinary && IsInitializerName(method.Name));
        foreach (var operation in body.Descendants())
        {
            changesOther |= ChangesOtherState(operation, type);
            if (MemberOf(operation, type) is not { } member)
            {
                if (operation.Parent is IBlockOperation)
                {
                    onlyResets &= IsResetOnlyStatement(operation, type);
                    onlyRaises &= IsRaiseOnlyStatement(operation, type);
                }

                continue;
            }

            var flags = usage.Flags(member);
            switch (Classify(operation))
            {
                case MarkerUse.Reset:
                    (resets ??= new List<ISymbol>()).Add(member);
                    if (!ResetFlow.IsInCatch(operation, body) && !firstReset.ContainsKey(member))
                    {
                        firstReset[member] = operation.Syntax.SpanStart;
                    }

                    // Interlocked.Exchange hands the old value on: content, when the body saves.
                    flags.DecidesSave |= bodySaves && operation.Parent is IArgumentOperation;
                    break;
                case MarkerUse.Raise:
                    var inHandler = IsInFunction(operation, body);
                    var resetBefore = firstReset.TryGetValue(member, out var resetAt) && resetAt < operation.Syntax.SpanStart;
                    if (!ResetFlow.IsInCatch(operation, body) && (!initializes || inHandler) && !resetBefore && RaisesToChange(operation, member))
                    {
                        if (IsFlag(member))
                        {
                            (flagRaises ??= new()).Add((member, inHandler));
                        }
                        else
                        {
                            flags.Raised = true;
                        }
                    }

                    if (method.MethodKind == MethodKind.PropertySet && method.AssociatedSymbol is { } setProperty
                        && operation.Parent is ISimpleAssignmentOperation { Value: IParameterReferenceOperation })
                    {
                        usage.AddAlias(setProperty.OriginalDefinition, member);
                    }

                    break;
                case MarkerUse.Read:
                    flags.DecidesSave |= ResetFlow.IsConditionLeadingToSave(operation, _saves) || (bodySaves && ResetFlow.IsContentRead(operation))
                                         || IsReadBack(operation, member, method);
                    if (method.MethodKind == MethodKind.PropertyGet && method.AssociatedSymbol is { } property && operation.Parent is IReturnOperation)
                    {
                        usage.AddAlias(property.OriginalDefinition, member);
                    }

                    break;
            }
        }

        // A flag set to true is a change record when it is named for changes (_dirty, _needsSave), or where something
        // else changes too (a setter, a mutator), or in a change handler that does nothing else (OnTextChanged): not a
        // mode switch (EnterEditMode()) nor a lifecycle flag (OnLoaded() { _ready = true; }).
        if (flagRaises is not null)
        {
            foreach (var (member, inHandler) in flagRaises)
            {
                if (changesOther || method.MethodKind == MethodKind.PropertySet || IsNamedForChanges(member.Name)
                    || ((inHandler || onlyRaises) && IsNamedForChanges(method.Name)))
                {
                    usage.Flags(member).Raised = true;
                }
            }
        }

        if (onlyResets && resets is not null && !bodySaves)
        {
            usage.ResetMethods[method.OriginalDefinition] = resets;
        }
    }

    /// <summary>
    /// True when the operation changes state other than flags: an assignment, increment or compound assignment of
    /// anything but a local, a parameter or a <c>bool</c> member of the type, or a call with arguments on a member
    /// (<c>_document.Insert(text)</c>, <c>_items.Add(item)</c>).
    /// </summary>
    private static bool ChangesOtherState(IOperation operation, INamedTypeSymbol type)
    {
        var target = operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation increment => increment.Target,
            IInvocationOperation { Arguments.Length: > 0, Instance: { } instance } => instance.WalkDownConversions() is IFieldReferenceOperation or IPropertyReferenceOperation ? instance : null,
            _ => null,
        };

        return target is not (null or ILocalReferenceOperation or IParameterReferenceOperation or IDiscardOperation)
               && !(MemberOf(target, type) is { } member && IsFlag(member));
    }

    /// <summary>An initialiser's name: <c>Init</c>, <c>Initialize…</c>, <c>InitX</c>, <c>Setup</c>, <c>SetUp</c>, <c>Awake</c>.</summary>
    public static bool IsInitializerName(string name)
        => name is "Init" or "Setup" or "SetUp" or "Awake" || name.StartsWith("Initialize", System.StringComparison.Ordinal)
           || (name.StartsWith("Init", System.StringComparison.Ordinal) && name.Length > 4 && char.IsUpper(name[4]));

    /// <summary>A raise that records a change: a flag set to <c>true</c> (not toggled, not copied from a parameter), any other member given something (not its own negation).</summary>
    private static bool RaisesToChange(IOperation reference, ISymbol member)
    {
        if (reference.Parent is not ISimpleAssignmentOperation assignment || assignment.Target != reference)
        {
            return true;
        }

        var value = assignment.Value.WalkDownConversions();
        while (value is ISimpleAssignmentOperation chained)
        {
            // _a = _b = true
            value = chained.Value.WalkDownConversions();
        }

        if (IsFlag(member))
        {
            return value?.ConstantValue is { HasValue: true, Value: true };
        }

        return value is not IUnaryOperation { OperatorKind: UnaryOperatorKind.Not };
    }

    private static bool IsFlag(ISymbol member)
        => member switch
        {
            IFieldSymbol field => field.Type.SpecialType == SpecialType.System_Boolean,
            IPropertySymbol property => property.Type.SpecialType == SpecialType.System_Boolean,
            _ => false,
        };

    /// <summary>
    /// Read back as the type's answer to "unsaved?": returned (possibly negated or compared) by a non-private getter
    /// or method, when the member or the one that returns it is named for changes (<c>CanClose =&gt; !HasChanges</c>).
    /// </summary>
    private static bool IsReadBack(IOperation reference, ISymbol member, IMethodSymbol method)
    {
        var exposing = method.AssociatedSymbol ?? method;
        if (exposing.DeclaredAccessibility <= Accessibility.Private || method.DeclaredAccessibility <= Accessibility.Private
            || (!IsNamedForChanges(member.Name) && !IsNamedForChanges(exposing.Name)))
        {
            return false;
        }

        for (var node = reference.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case IReturnOperation { ReturnedValue: not null }:
                    return true;
                case IBlockOperation or IAnonymousFunctionOperation or ILocalFunctionOperation or IArgumentOperation:
                    return false;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="operation"/> is inside a lambda or local function of <paramref name="body"/> (a handler it registers).</summary>
    private static bool IsInFunction(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A statement of a raise-only body: an expression statement raising a member, or the implicit end of a void method.</summary>
    private bool IsRaiseOnlyStatement(IOperation statement, INamedTypeSymbol type)
        => statement is IReturnOperation { ReturnedValue: null, IsImplicit: true }
           || (statement is IExpressionStatementOperation { Operation: { } expression }
               && (expression is ISimpleAssignmentOperation { Target: var target } ? target : expression is IIncrementOrDecrementOperation { Target: var incremented } ? incremented : ResetTarget(expression)) is { } reference
               && MemberOf(reference, type) is not null
               && Classify(reference) == MarkerUse.Raise);

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
