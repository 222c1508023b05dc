using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>What a method of the compilation (a wrapper) or a user-listed method does to a file.</summary>
internal enum WriteMethodKind
{
    /// <summary>Writes the whole file (<c>File.WriteAllText</c>).</summary>
    Write,

    /// <summary>Opens it for writing and returns the stream or writer (<c>File.Create</c>, <c>new FileStream(path, mode)</c>).</summary>
    Open,

    /// <summary>Renames one path over another (<c>File.Move</c>).</summary>
    Move,

    /// <summary>Replaces one path by another (<c>File.Replace</c>).</summary>
    Replace,

    /// <summary>Copies one path over another (<c>File.Copy</c>).</summary>
    Copy,

    /// <summary>Deletes a file (<c>File.Delete</c>).</summary>
    Delete,
}

/// <summary>
/// A method that is one of System.IO's file operations with its parameters as the operands: a wrapper of the
/// compilation (<c>Stream GetStream(string name, FileMode m) => new FileStream(Resolve(name), m)</c>,
/// <c>void Move(string from, string to) => File.Move(from, to, true)</c>) or a user-listed method.
/// </summary>
internal sealed class WriteMethod
{
    private IReadOnlyList<SyntaxNode>? _inners;

    public WriteMethod(WriteMethodKind kind, int first, int second)
    {
        Kind = kind;
        First = first;
        Second = second;
    }

    public WriteMethodKind Kind { get; }

    /// <summary>The ordinal of the path (Write, Open, Delete) or source (Move, Replace, Copy) parameter.</summary>
    public int First { get; }

    /// <summary>The ordinal of the content (Write; -1 when the wrapper makes it) or destination (Move, Replace, Copy) parameter.</summary>
    public int Second { get; }

    /// <summary>Open: the <c>FileMode</c> parameter handed to the opener, or -1 (then <see cref="Mode"/>).</summary>
    public int ModeParameter { get; set; } = -1;

    /// <summary>Open: the <c>FileAccess</c> parameter handed to the opener, or -1 (then <see cref="InnerAccess"/>).</summary>
    public int AccessParameter { get; set; } = -1;

    /// <summary>The mode of the wrapped operation when it is not a parameter.</summary>
    public FileWriteMode Mode { get; set; } = FileWriteMode.Overwrite;

    /// <summary>Open: the access argument inside the wrapper when the mode is a parameter and the access is not.</summary>
    public IOperation? InnerAccess { get; set; }

    /// <summary>Write: the wrapper serializes JSON itself (<c>File.WriteAllText(path, JsonSerializer.Serialize(value))</c>).</summary>
    public bool JsonInside { get; set; }

    /// <summary>A user-listed method (<see cref="KnownSymbols.Listed"/>), not a wrapper of the compilation.</summary>
    public bool IsListed { get; set; }

    /// <summary>
    /// The wrapper writes a file derived from its path parameter (<c>output + ".txt"</c>, <c>Path.Combine(folder,
    /// "manifest.json")</c>), not the file the caller names: no temp write of the caller's path.
    /// </summary>
    public bool PathIsDerived { get; set; }

    /// <summary>The wrapped System.IO (or inner wrapper) call in the wrapper's body; null for a listed method.</summary>
    public SyntaxNode? Inner { get; set; }

    /// <summary>The wrapped calls of the wrapper and of every implementation or override it stands for (<see cref="Inner"/> is only the wrapper's own).</summary>
    public IReadOnlyList<SyntaxNode> Inners
    {
        get => _inners ?? (Inner is { } inner ? new[] { inner } : Array.Empty<SyntaxNode>());
        set => _inners = value;
    }
}

/// <summary>
/// The write model's one summary layer over methods: "is this called method a file write, open, move or delete
/// with its parameters as operands?" for user-listed methods (<see cref="KnownSymbols.Listed"/>) and for wrappers of
/// the compilation (a method that hands its parameters to an opener, a whole-file write, a move or a delete, also
/// through other wrappers; an abstract, virtual or interface method when its implementations in the compilation
/// all are the same wrapper). <see cref="FileWrites"/> and <see cref="Publishes"/> then treat the call like the
/// System.IO call it wraps, so every write rule and SW3001's saves see it at the caller.
/// </summary>
/// <remarks>
/// Per compilation and lazily: a syntax-only index of the names of methods that may wrap a file API (a method
/// with parameters whose body names one, or calls such a name, up to <see cref="MaxNameRounds"/> calls deep) is
/// built on first need; only called methods with such a name are bound, each body once, and cached by symbol. A
/// method found only because it calls such a name is bound only when one of the names it calls is confirmed a
/// wrapper's, and a body is bound for its calls only when it calls a confirmed name (<see cref="MayCallWrapper"/>):
/// names are common (<c>Create</c>, <c>Write</c>, <c>Debug</c>), wrappers are few.
/// </remarks>
internal sealed class WriteMethods
{
    private const int MaxNameRounds = 3;

    private const int MaxDepth = 4;

    private static readonly ConditionalWeakTable<KnownSymbols, WriteMethods> Cache = new();

    // Names in a body that make its method a possible wrapper: System.IO's and System.IO.Abstractions' writing members and types.
    private static readonly HashSet<string> WrappedNames = new(StringComparer.Ordinal)
    {
        "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync",
        "CreateText", "OpenWrite", "FileStream", "StreamWriter", "FileMode", "MoveTo",
    };

    // Common names (XmlReader.Create, LogEventInfo.Create, string.Replace, Array.Copy) that count only in a method whose
    // declaration also names a file type: binding every method that calls some Create was most of the confirmation's cost.
    private static readonly HashSet<string> WeakNames = new(StringComparer.Ordinal) { "Create", "Open", "Move", "Delete", "Replace", "Copy", "CopyTo" };

    private static readonly TriggerWords WrappedWords = new(WrappedNames);

    private static readonly TriggerWords WeakWords = new(WeakNames);

    // System.IO's and System.IO.Abstractions' file types, and the enums of an open: one of them names the file API a weak name calls.
    private static readonly TriggerWords FileTypeWords = new(new[]
    {
        "File", "FileInfo", "FileStream", "FileMode", "FileAccess", "FileShare",
        "IFile", "IFileInfo", "IFileSystemInfo", "IFileSystem", "FileBase", "FileInfoBase",
    });

    [ThreadStatic]
    private static int _depth;

    private readonly KnownSymbols _symbols;
    private readonly Lazy<NameIndex> _index;
    private readonly Lazy<HashSet<string>> _indirectNames;
    private readonly Lazy<TriggerWords?> _callWords;
    private readonly ConcurrentDictionary<string, Lazy<bool>> _directNames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IMethodSymbol, Box> _summaries = new(SymbolEqualityComparer.Default);

    private WriteMethods(KnownSymbols symbols)
    {
        _symbols = symbols;
        _index = new Lazy<NameIndex>(() => NameIndex.Build(symbols), LazyThreadSafetyMode.ExecutionAndPublication);
        _indirectNames = new Lazy<HashSet<string>>(ConfirmIndirectNames, LazyThreadSafetyMode.ExecutionAndPublication);
        _callWords = new Lazy<TriggerWords?>(CallWordsOf, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static WriteMethods Get(KnownSymbols symbols) => Cache.GetValue(symbols, static s => new WriteMethods(s));

    /// <summary>
    /// True when the block calls a listed method or a wrapper of the compilation by name: its text names one (syntax),
    /// and the name is confirmed a wrapper's. Names are common (<c>Create</c>, <c>Write</c>, a logger's <c>Debug</c>
    /// that writes its own file), wrappers are few: a body that only calls possible wrappers stays unbound.
    /// </summary>
    public bool MayCallWrapper(SyntaxNode codeBlock)
    {
        if (_callWords.Value is not { } words)
        {
            return false;
        }

        var confirmed = _indirectNames.Value;
        foreach (var token in words.In(codeBlock.SyntaxTree).TokensIn(codeBlock.Span))
        {
            if (IsWrapperName(token.ValueText, confirmed))
            {
                return true;
            }
        }

        return false;
    }

    private TriggerWords? CallWordsOf()
    {
        var names = new HashSet<string>(_indirectNames.Value, StringComparer.Ordinal);
        names.UnionWith(_index.Value.DirectNames);
        return names.Count == 0 ? null : new TriggerWords(names);
    }

    /// <summary>A name in <paramref name="confirmed"/>, or one declared by a possible wrapper that names a file API itself and is one.</summary>
    private bool IsWrapperName(string name, HashSet<string> confirmed)
        => confirmed.Contains(name) || (_index.Value.DirectNames.Contains(name) && IsDirectWrapperName(name));

    /// <summary>
    /// Confirmed once per name by summarizing the methods of that name whose body names a file API (the first round of
    /// <see cref="NameIndex"/>). Deadlock-free: a summary never waits for a name.
    /// </summary>
    private bool IsDirectWrapperName(string name)
        => _directNames.GetOrAdd(name, n => new Lazy<bool>(() => AnyDirectWrapperNamed(n), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private bool AnyDirectWrapperNamed(string name)
    {
        var calls = CompilationCalls.Get(_symbols);
        foreach (var declaration in _index.Value.DeclarationsNamed(name))
        {
            if (_index.Value.Round(declaration) == 0 && IsWrapper(declaration, calls))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The listed methods' names and the names of the wrappers that only call other wrappers (the later rounds of
    /// <see cref="NameIndex"/>), confirmed once per compilation from the bottom up: a possible wrapper is summarized
    /// only when it calls a name confirmed so far, until no name is added.
    /// </summary>
    private HashSet<string> ConfirmIndirectNames()
    {
        var names = new HashSet<string>(_symbols.Listed.Names, StringComparer.Ordinal);
        var calls = CompilationCalls.Get(_symbols);
        var pending = new List<MethodDeclarationSyntax>();
        foreach (var declaration in _index.Value.Candidates)
        {
            if (_index.Value.Round(declaration) > 0)
            {
                pending.Add(declaration);
            }
        }

        for (var added = true; added && pending.Count > 0;)
        {
            added = false;
            for (var i = pending.Count - 1; i >= 0; i--)
            {
                var declaration = pending[i];
                if (CallsWrapperName(declaration, names))
                {
                    pending.RemoveAt(i);
                    added |= IsWrapper(declaration, calls) && names.Add(declaration.Identifier.ValueText);
                }
            }
        }

        return names;
    }

    private bool IsWrapper(MethodDeclarationSyntax declaration, CompilationCalls calls)
        => calls.DeclaredSymbol(declaration) is IMethodSymbol method && Describe(method) is not null;

    private bool CallsWrapperName(MethodDeclarationSyntax declaration, HashSet<string> confirmed)
    {
        foreach (var node in ((SyntaxNode?)declaration.Body ?? declaration.ExpressionBody)?.DescendantNodes() ?? Enumerable.Empty<SyntaxNode>())
        {
            if (node is InvocationExpressionSyntax invocation && TypeSyntaxIndex.SimpleName(invocation.Expression) is { } name
                && name != declaration.Identifier.ValueText && IsWrapperName(name, confirmed))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the called method does to a file, or null: a listed method, else a wrapper of the compilation.</summary>
    public WriteMethod? Describe(IMethodSymbol? method)
    {
        if (method is null)
        {
            return null;
        }

        if (_symbols.Listed.Find(method) is { } listed)
        {
            return FromListed(listed);
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (definition.DeclaringSyntaxReferences.IsEmpty || definition.MethodKind != MethodKind.Ordinary || definition.Parameters.IsEmpty
            || !MayBeWrapperName(definition.Name))
        {
            return null;
        }

        if (_summaries.TryGetValue(definition, out var known))
        {
            return known.Value;
        }

        if (_depth >= MaxDepth)
        {
            return null;
        }

        _depth++;
        try
        {
            return _summaries.GetOrAdd(definition, new Box(definition.IsAbstract || (definition.IsVirtual && !IsOverriddenNowhere(definition))
                ? FromImplementations(definition)
                : Summarize(definition))).Value;
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>
    /// A possible wrapper's name (<see cref="NameIndex"/>): one that names a file API itself, or a later round's once
    /// confirmed. Never waits for the confirmation (a summary made meanwhile takes every possible name), so no
    /// summary waits for another thread's.
    /// </summary>
    private bool MayBeWrapperName(string name)
        => _index.Value.DirectNames.Contains(name)
           || (_indirectNames.IsValueCreated ? _indirectNames.Value.Contains(name) : _index.Value.Names.Contains(name));

    /// <summary>
    /// True when <paramref name="operation"/> is the call a wrapper of the compilation hands its parameters to, and
    /// the wrapper is called (or implements or overrides a method) in the compilation and nowhere else: its callers
    /// write, not it. A wrapper other assemblies can call keeps its own report (they may pass a destination).
    /// </summary>
    public bool IsForwardedInside(IOperation operation)
    {
        if (!ReferencesParameter(operation)
            || operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method
            || CallerPaths.IsVisibleOutsideAssembly(method)
            || Describe(method) is not { Inner: { } inner }
            || inner != operation.Syntax)
        {
            return false;
        }

        // Called: by name, syntax only (binding every call site of the compilation would cost more than the rest).
        return method.OverriddenMethod is not null || !method.ExplicitInterfaceImplementations.IsEmpty || ImplementsInterface(method)
               || IsCalledElsewhere(method);
    }

    private bool IsCalledElsewhere(IMethodSymbol method)
    {
        foreach (var node in CompilationCalls.Get(_symbols).Named(method.Name))
        {
            var inside = false;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                inside |= reference.SyntaxTree == node.SyntaxTree && reference.Span.Contains(node.Span);
            }

            if (!inside)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A move, replace or copy through a described method: its source and destination arguments.</summary>
    public bool TryGetTransfer(IInvocationOperation invocation, out WriteMethodKind kind, out IOperation source, out IOperation destination)
    {
        kind = default;
        source = null!;
        destination = null!;
        if (Describe(invocation.TargetMethod) is not { Kind: WriteMethodKind.Move or WriteMethodKind.Replace or WriteMethodKind.Copy } described
            || invocation.ArgumentValue(described.First) is not { } from
            || invocation.ArgumentValue(described.Second) is not { } to)
        {
            return false;
        }

        kind = described.Kind;
        source = from;
        destination = to;
        return true;
    }

    /// <summary>A delete through a described method: its path argument.</summary>
    public bool TryGetDelete(IInvocationOperation invocation, out IOperation path)
    {
        path = null!;
        if (Describe(invocation.TargetMethod) is not { Kind: WriteMethodKind.Delete } described || invocation.ArgumentValue(described.First) is not { } argument)
        {
            return false;
        }

        path = argument;
        return true;
    }

    /// <summary>A move, replace or copy of any kind (System.IO, System.IO.Abstractions, a wrapper, a listed method): its kind and operands.</summary>
    public static bool TryGetAnyTransfer(IInvocationOperation invocation, KnownSymbols symbols, out WriteMethodKind kind, out IOperation source, out IOperation destination)
    {
        if (Publishes.TryGetStep(invocation, symbols, out var step, out source, out destination))
        {
            kind = step switch
            {
                PublishKind.Replace => WriteMethodKind.Replace,
                PublishKind.Copy => WriteMethodKind.Copy,
                _ => WriteMethodKind.Move,
            };
            return true;
        }

        kind = default;
        return false;
    }

    /// <summary>A delete of any kind (<c>File.Delete</c>, <c>FileInfo.Delete</c>, their abstractions, a wrapper, a listed method): the deleted path.</summary>
    public static bool TryGetAnyDelete(IInvocationOperation invocation, KnownSymbols symbols, out IOperation path)
    {
        var method = invocation.TargetMethod;
        if (KnownSymbols.Contains(symbols.FileDeletes, method) && invocation.ArgumentValue(0) is { } argument)
        {
            path = argument;
            return true;
        }

        if (KnownSymbols.Contains(symbols.FileInfoDeletes, method) && invocation.Instance is { } instance)
        {
            path = instance;
            return true;
        }

        path = null!;
        return !symbols.IsFileApiType(method.ContainingType) && Get(symbols).TryGetDelete(invocation, out path);
    }

    private static WriteMethod FromListed(ListedMethod listed)
    {
        var kind = listed.Kind switch
        {
            ListedKind.Write => WriteMethodKind.Write,
            ListedKind.Open => WriteMethodKind.Open,
            ListedKind.Move => WriteMethodKind.Move,
            ListedKind.Copy => WriteMethodKind.Copy,
            _ => WriteMethodKind.Delete,
        };
        var second = kind is WriteMethodKind.Open or WriteMethodKind.Delete ? -1 : listed.Second;
        return new WriteMethod(kind, listed.First, second) { IsListed = true };
    }

    /// <summary>The wrapper an ordinary method's body makes it: the first file operation whose operands are its parameters.</summary>
    private WriteMethod? Summarize(IMethodSymbol method)
    {
        // Only a declaration whose syntax may wrap (NameIndex) is bound: other methods of the same name stay unbound.
        if (method.IsAbstract || !_index.Value.MayWrap(method) || CompilationCalls.Get(_symbols).BodyOf(method) is not { } body)
        {
            return null;
        }

        // A write or a transfer wins over a delete (a mover that first deletes its destination is a mover).
        WriteMethod? delete = null;
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IInvocationOperation or IObjectCreationOperation when FileWrites.TryClassify(operation, _symbols, out var write):
                    if (SummarizeWrite(method, operation, write) is { } wrapper)
                    {
                        return wrapper;
                    }

                    break;

                case IInvocationOperation invocation when TryGetAnyTransfer(invocation, _symbols, out var kind, out var source, out var destination):
                    var from = ParameterIn(source, method);
                    var to = ParameterIn(destination, method);
                    if (from >= 0 && to >= 0 && from != to)
                    {
                        return new WriteMethod(kind, from, to) { Inner = invocation.Syntax };
                    }

                    break;

                case IInvocationOperation invocation when delete is null && TryGetAnyDelete(invocation, _symbols, out var deleted):
                    if (ParameterIn(deleted, method) is var path and >= 0)
                    {
                        delete = new WriteMethod(WriteMethodKind.Delete, path, -1) { Inner = invocation.Syntax };
                    }

                    break;
            }
        }

        return delete;
    }

    private WriteMethod? SummarizeWrite(IMethodSymbol method, IOperation operation, FileWrite write)
    {
        var path = ParameterIn(write.Path, method);
        if (path < 0 || write.Mode is FileWriteMode.Append or FileWriteMode.CreateNew || write.Path is null)
        {
            return null;
        }

        // An atomic helper (a temp file then renamed, a temp path): not a write in place of its path. A probe (an
        // empty file, a name unique per call) is exempt inside the wrapper and stays so at its callers.
        if (TempPaths.IsTempPath(write.Path, _symbols) || TempPaths.IsMovedLater(write.Path, _symbols)
            || PathIdentity.Of(write.Path, _symbols).UniquePerCall || StateEvidence.IsEmptyContent(write.Content))
        {
            return null;
        }

        if (write.Shape == FileWriteShape.WholeContent)
        {
            if (write.Mode != FileWriteMode.Overwrite)
            {
                return null;
            }

            var content = ParameterIn(write.Content, method, direct: true);
            return new WriteMethod(WriteMethodKind.Write, path, content)
            {
                JsonInside = content < 0 && FileWrites.CarriesJson(write, _symbols),
                PathIsDerived = IsDerived(write, method),
                Inner = operation.Syntax,
            };
        }

        if (!StreamFlow.Analyze(operation, _symbols).Returned)
        {
            return null;
        }

        var (modeOperand, accessOperand) = FileWrites.ModeOperands(write, _symbols);
        var modeParameter = ParameterIn(modeOperand, method, direct: true);
        var accessParameter = ParameterIn(accessOperand, method, direct: true);
        if (modeParameter < 0 && write.Mode is not (FileWriteMode.Overwrite or FileWriteMode.OverwriteIfWritten))
        {
            return null;
        }

        return new WriteMethod(WriteMethodKind.Open, path, -1)
        {
            PathIsDerived = IsDerived(write, method),
            ModeParameter = modeParameter,
            AccessParameter = accessParameter,
            Mode = write.Mode,
            InnerAccess = accessParameter < 0 ? accessOperand : null,
            Inner = operation.Syntax,
        };
    }

    /// <summary>
    /// The written path names another file than the parameter: a suffix added to it (<c>output + ".txt"</c>,
    /// <c>$"{path}.bak"</c>) or its extension changed. A directory joined to it (<c>Path.Combine(_root, name)</c>)
    /// keeps the caller's file name.
    /// </summary>
    private static bool IsDerived(FileWrite write, IMethodSymbol method)
    {
        if (write.Through?.PathIsDerived == true)
        {
            return true;
        }

        var path = write.Path.WalkDownConversions();
        if (path is ILocalReferenceOperation local && OperationHelpers.AssignedValues(path.Root(), local.Local) is { Count: 1 } values)
        {
            path = values[0].WalkDownConversions();
        }

        return path is IBinaryOperation or IInterpolatedStringOperation
               || (path is IInvocationOperation { TargetMethod.Name: "ChangeExtension" } && ParameterIn(path, method) >= 0);
    }

    /// <summary>An abstract, virtual or interface method: the wrapper all its implementations in the compilation are (the same kind and parameters), else null.</summary>
    private WriteMethod? FromImplementations(IMethodSymbol method)
    {
        WriteMethod? agreed = method.IsAbstract ? null : Summarize(method);
        if (!method.IsAbstract && agreed is null)
        {
            return null;
        }

        var inners = new List<SyntaxNode>();
        if (agreed?.Inner is { } own)
        {
            inners.Add(own);
        }

        var calls = CompilationCalls.Get(_symbols);
        foreach (var declaration in _index.Value.DeclarationsNamed(method.Name))
        {
            if (calls.DeclaredSymbol(declaration) is not IMethodSymbol candidate || !Implements(candidate, method))
            {
                continue;
            }

            var summary = Summarize(candidate);
            if (summary is null || (agreed is not null && !SameShape(agreed, summary)))
            {
                return null;
            }

            agreed ??= summary;
            inners.AddRange(summary.Inners);
        }

        // The implementations' body is not this method's: no inner call to silence.
        return agreed is null
            ? null
            : new WriteMethod(agreed.Kind, agreed.First, agreed.Second)
            {
                ModeParameter = agreed.ModeParameter,
                AccessParameter = agreed.AccessParameter,
                Mode = agreed.Mode,
                InnerAccess = agreed.InnerAccess,
                JsonInside = agreed.JsonInside,
                PathIsDerived = agreed.PathIsDerived,
                Inner = method.IsAbstract ? null : agreed.Inner,
                Inners = inners,
            };
    }

    private static bool SameShape(WriteMethod a, WriteMethod b)
        => a.Kind == b.Kind && a.First == b.First && a.Second == b.Second && a.ModeParameter == b.ModeParameter;

    private bool IsOverriddenNowhere(IMethodSymbol method) => method.ContainingType.TypeKind != TypeKind.Interface && !_index.Value.IsOverridableName(method.Name);

    private static bool Implements(IMethodSymbol candidate, IMethodSymbol method)
    {
        if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method))
        {
            return false;
        }

        if (method.ContainingType.TypeKind == TypeKind.Interface)
        {
            return candidate.ContainingType.FindImplementationForInterfaceMember(method) is IMethodSymbol implementation
                   && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, candidate.OriginalDefinition);
        }

        for (var current = candidate.OverriddenMethod; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, method))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ImplementsInterface(IMethodSymbol method)
    {
        foreach (var type in method.ContainingType.AllInterfaces)
        {
            foreach (var member in type.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The ordinal of the parameter of <paramref name="method"/> an operand is made from: the parameter itself, a local
    /// assigned from it, or (unless <paramref name="direct"/>) the last string parameter an expression over it names
    /// (<c>Resolve(name)</c>, <c>Path.Combine(_root, name)</c>); -1 when none.
    /// </summary>
    private static int ParameterIn(IOperation? operand, IMethodSymbol method, bool direct = false, int depth = 0)
    {
        operand = operand.WalkDownConversions();
        if (operand is null || depth > 3)
        {
            return -1;
        }

        if (operand is IParameterReferenceOperation reference)
        {
            return SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol.OriginalDefinition, method) ? reference.Parameter.Ordinal : -1;
        }

        if (operand is ILocalReferenceOperation local)
        {
            var assigned = OperationHelpers.AssignedValues(operand.Root(), local.Local);
            return assigned.Count == 1 ? ParameterIn(assigned[0], method, direct, depth + 1) : -1;
        }

        if (direct)
        {
            return -1;
        }

        var found = -1;
        foreach (var descendant in operand.Descendants())
        {
            if (descendant is IParameterReferenceOperation { Parameter: { Type.SpecialType: SpecialType.System_String } parameter }
                && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, method))
            {
                found = parameter.Ordinal;
            }
        }

        return found;
    }

    private static bool ReferencesParameter(IOperation operation)
    {
        foreach (var descendant in operation.Descendants())
        {
            if (descendant is IParameterReferenceOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A cached summary (null values included, which a ConcurrentDictionary cannot tell from absence otherwise).</summary>
    private sealed class Box
    {
        public Box(WriteMethod? value) => Value = value;

        public WriteMethod? Value { get; }
    }

    /// <summary>The syntax-only part: names of possible wrappers, and method declarations by name (to find implementations).</summary>
    /// <remarks>
    /// Found from the words' places in each tree's text (<see cref="TextRuns"/>), never by walking declarations or
    /// bodies: a method is looked at only when its own text names a file API, a listed method or a wrapper.
    /// </remarks>
    private sealed class NameIndex
    {
        private readonly IEnumerable<SyntaxTree> _trees;
        private readonly ConcurrentDictionary<string, IReadOnlyList<MethodDeclarationSyntax>> _declarations = new(StringComparer.Ordinal);
        // The round that found each possible wrapper: 0 names a file API or a listed method, later rounds call a name found before.
        private readonly Dictionary<MethodDeclarationSyntax, int> _wrapping = new();

        private NameIndex(IEnumerable<SyntaxTree> trees) => _trees = trees;

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        /// <summary>The names of the possible wrappers found in the first round: their body names a file API or a listed method.</summary>
        public HashSet<string> DirectNames { get; } = new(StringComparer.Ordinal);

        /// <summary>The declarations (with parameters) of methods spelled <paramref name="name"/>, in source order.</summary>
        public IReadOnlyList<MethodDeclarationSyntax> DeclarationsNamed(string name)
            => _declarations.GetOrAdd(name, n =>
            {
                var found = new List<MethodDeclarationSyntax>();
                foreach (var tree in _trees)
                {
                    var root = tree.GetRoot();
                    foreach (var start in TextRuns.Of(tree).StartsOf(n))
                    {
                        // The token may start one character earlier: a verbatim @Name.
                        if (root.FindToken(start) is var token
                            && token.Parent is MethodDeclarationSyntax { ParameterList.Parameters.Count: > 0 } method && method.Identifier == token)
                        {
                            found.Add(method);
                        }
                    }
                }

                return found;
            });

        /// <summary>The possible wrappers' declarations.</summary>
        public IEnumerable<MethodDeclarationSyntax> Candidates => _wrapping.Keys;

        /// <summary>The round in which the declaration was found to name a file API (0) or a possible wrapper (later); -1 when never.</summary>
        public int Round(MethodDeclarationSyntax declaration) => _wrapping.TryGetValue(declaration, out var round) ? round : -1;

        /// <summary>True when a declaration of the method names a file API or a possible wrapper (syntax only).</summary>
        public bool MayWrap(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is MethodDeclarationSyntax declaration && _wrapping.ContainsKey(declaration))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when some declaration with this name overrides (a virtual method may have overrides).</summary>
        public bool IsOverridableName(string name)
        {
            foreach (var declaration in DeclarationsNamed(name))
            {
                if (declaration.Modifiers.Any(SyntaxKind.OverrideKeyword))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A method (with parameters and a body) is a possible wrapper when its body names a file API or a listed
        /// method, or calls a wrapper found in the round before; a weak name (<c>Create</c>, <c>Delete</c>, <c>Copy</c> …)
        /// counts only when the declaration also names a file type (<c>File</c>, <c>FileInfo</c>, <c>IFileInfo</c> …).
        /// </summary>
        public static NameIndex Build(KnownSymbols symbols)
        {
            var index = new NameIndex(symbols.Compilation.SyntaxTrees);
            var listed = symbols.Listed.Names.Count == 0 ? null : new TriggerWords(symbols.Listed.Names);
            var found = index.AddBodiesNaming(WrappedWords, 0);
            if (listed is not null)
            {
                found.AddRange(index.AddBodiesNaming(listed, 0));
            }

            found.AddRange(index.AddBodiesNaming(WeakWords, 0, static method => FileTypeWords.AnyIn(method)));
            for (var round = 1; round < MaxNameRounds && found.Count != 0; round++)
            {
                var calls = new TriggerWords(found, accept: static token => token.Parent is SimpleNameSyntax name && TypeSyntaxIndex.IsCalled(name));
                found = index.AddBodiesNaming(calls, round);
            }

            return index;
        }

        /// <summary>Marks the methods (with parameters) whose body holds one of the words and that pass <paramref name="also"/>; returns the names that are new.</summary>
        private List<string> AddBodiesNaming(TriggerWords words, int round, Func<MethodDeclarationSyntax, bool>? also = null)
        {
            var added = new List<string>();
            foreach (var (method, _) in words.MethodsNaming(_trees))
            {
                if (method.ParameterList.Parameters.Count > 0 && !_wrapping.ContainsKey(method) && also?.Invoke(method) != false)
                {
                    _wrapping.Add(method, round);
                    if (round == 0)
                    {
                        DirectNames.Add(method.Identifier.ValueText);
                    }

                    if (Names.Add(method.Identifier.ValueText))
                    {
                        added.Add(method.Identifier.ValueText);
                    }
                }
            }

            return added;
        }
    }
}
