using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Writes;

namespace SafeWrites.Analyzers.Resets;

/// <summary>
/// "Is this a save?" (SW3001, rules.md): a call that writes persistent state. Built on <see cref="FileWrites"/>'
/// knowledge of what writes a file: a whole-file overwrite or opener (not an append: logs are not saves), the rename
/// of a temp-then-rename write, <c>AtomicFile</c>, <c>JsonFileStore</c>, <c>DbContext.SaveChanges(Async)</c>, or a
/// method of the compilation that reaches one of those within <see cref="MaxCalls"/> calls. A name says "save" only
/// for a call whose body is not in the compilation (<c>Save…</c>, <c>Persist…</c>, <c>Commit…</c>): a method of the
/// compilation is judged by what its body does, so <c>WriteError</c> or a logger's <c>Write</c> is not a save.
/// Handlers subscribed to events (<c>x.Changed += OnChanged</c>) do not run now: not a save.
/// </summary>
/// <remarks>
/// One instance per compilation. Per-method summaries are computed on demand and memoized: every method body is
/// visited at most once (<see cref="BodiesVisited"/>), and "reaches a save within three calls" is a breadth-first
/// search over those summaries, at most three levels deep (cycles end at methods already seen).
/// </remarks>
internal sealed class Saves
{
    private static readonly ConditionalWeakTable<Compilation, Saves> Cache = new();

    /// <summary>A call reaches a save through at most this many calls of the compilation (rules.md).</summary>
    internal const int MaxCalls = 3;

    /// <summary>What the name of a method outside the compilation starts with when it saves (<c>Settings.Default.Save()</c>, <c>transaction.Commit()</c>).</summary>
    private static readonly string[] SaveWords = { "Save", "Persist", "Commit" };

    private readonly KnownSymbols _symbols;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _facts = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _saves = new(SymbolEqualityComparer.Default);
    private readonly ConditionalWeakTable<IOperation, StrongBox<bool>> _bodySaves = new();
    private int _bodiesVisited;
    private int _callsFollowed;

    private Saves(KnownSymbols symbols) => _symbols = symbols;

    public static Saves Get(KnownSymbols symbols) => Cache.GetValue(symbols.Compilation, _ => new Saves(symbols));

    public KnownSymbols Symbols => _symbols;

    /// <summary>Method bodies scanned so far (each at most once per compilation): the work measure the tests check.</summary>
    internal int BodiesVisited => Volatile.Read(ref _bodiesVisited);

    /// <summary>Call edges followed by the transitive search so far.</summary>
    internal int CallsFollowed => Volatile.Read(ref _callsFollowed);

    /// <summary>True when <paramref name="operation"/> itself is a save: a direct save API, or a call of (or reference to) a method of the compilation that reaches one.</summary>
    public bool IsSave(IOperation operation)
    {
        if (IsDirectSave(operation))
        {
            return true;
        }

        var callee = SourceCallee(operation);
        return callee is not null && MethodSaves(callee);
    }

    /// <summary>True when <paramref name="root"/> or anything under it (lambdas and local functions included) is a save.</summary>
    public bool ContainsSave(IOperation? root) => root is not null && LastSaveIn(root) is not null;

    /// <summary><see cref="ContainsSave"/> for a whole body, remembered for as long as its operation tree lives (every statement of a body asks).</summary>
    public bool BodySaves(IOperation body) => _bodySaves.GetValue(body, b => new StrongBox<bool>(ContainsSave(b))).Value;

    /// <summary>The last save (in source order) under <paramref name="root"/>, or null. A handler subscribed to an event is not run: not a save.</summary>
    public IOperation? LastSaveIn(IOperation root)
    {
        IOperation? last = null;
        foreach (var operation in DescendantsAndSelf(root))
        {
            if (operation is IInvocationOperation or IObjectCreationOperation or IMethodReferenceOperation
                && (last is null || operation.Syntax.SpanStart >= last.Syntax.SpanStart)
                && IsSave(operation)
                && !IsInEventSubscription(operation, root))
            {
                last = operation;
            }
        }

        return last;
    }

    /// <summary>
    /// True when calling <paramref name="method"/> (a method of the compilation) saves: its body reaches a direct
    /// save within <see cref="MaxCalls"/> calls, counting the call of <paramref name="method"/> itself.
    /// </summary>
    public bool MethodSaves(IMethodSymbol method)
    {
        method = Normalize(method);
        if (_saves.TryGetValue(method, out var known))
        {
            return known;
        }

        return _saves.GetOrAdd(method, ReachesSave(method));
    }

    /// <summary>Breadth-first over the per-body summaries, one level per call; each body is summarised once per compilation.</summary>
    private bool ReachesSave(IMethodSymbol method)
    {
        var level = new List<IMethodSymbol> { method };
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method };
        for (var calls = 1; calls <= MaxCalls && level.Count > 0; calls++)
        {
            var next = new List<IMethodSymbol>();
            foreach (var current in level)
            {
                var facts = FactsOf(current);
                if (facts.SavesDirectly)
                {
                    return true;
                }

                if (calls == MaxCalls)
                {
                    continue;
                }

                foreach (var callee in facts.Callees)
                {
                    Interlocked.Increment(ref _callsFollowed);
                    if (seen.Add(callee))
                    {
                        next.Add(callee);
                    }
                }
            }

            level = next;
        }

        return false;
    }

    /// <summary>
    /// The operation tree of a source method's body (method, accessor, local function), or null. Bodies in other
    /// files are bound with one semantic model per tree, cached for the compilation.
    /// </summary>
    public IOperation? BodyOf(IMethodSymbol method, SemanticModel? hint = null)
    {
        method = method.PartialImplementationPart ?? method;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var model = ModelFor(reference.SyntaxTree, hint);
            if (model is null)
            {
                continue;
            }

            var syntax = reference.GetSyntax();
            var operation = model.GetOperation(syntax);
            if (operation is ILocalFunctionOperation localFunction)
            {
                return localFunction.Body;
            }

            if (operation is not null)
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>
    /// Keeps the model an analyzer callback was given, so that bodies in its tree are bound by the model the
    /// compiler already has instead of a second one.
    /// </summary>
    public void Remember(SemanticModel? model)
    {
        if (model is not null && model.Compilation == _symbols.Compilation && !_models.ContainsKey(model.SyntaxTree))
        {
            _models.TryAdd(model.SyntaxTree, model);
        }
    }

    /// <summary>The semantic model of a tree of this compilation (the hint when it is that tree's).</summary>
    public SemanticModel? ModelFor(SyntaxTree tree, SemanticModel? hint = null)
    {
        if (hint is not null && hint.SyntaxTree == tree)
        {
            return hint;
        }

        var compilation = _symbols.Compilation;
        if (!compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

#pragma warning disable RS1030 // Bodies of methods in other files of the compilation: one model per tree, cached per compilation.
        return _models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
#pragma warning restore RS1030
    }

    /// <summary>Every operation under <paramref name="root"/>, including it.</summary>
    public static IEnumerable<IOperation> DescendantsAndSelf(IOperation root)
    {
        yield return root;
        foreach (var descendant in root.Descendants())
        {
            yield return descendant;
        }
    }

    private static IMethodSymbol Normalize(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        return definition.OriginalDefinition;
    }

    /// <summary>The method with a body in the compilation that an invocation calls or a method reference (<c>Task.Run(Save)</c>) names, else null.</summary>
    private static IMethodSymbol? SourceCallee(IOperation operation)
    {
        var method = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IMethodReferenceOperation reference => reference.Method,
            _ => null,
        };

        if (method is null || method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty
            || method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.ReducedExtension))
        {
            return null;
        }

        return Normalize(method);
    }

    private MethodFacts FactsOf(IMethodSymbol method)
        => _facts.TryGetValue(method, out var facts) ? facts : _facts.GetOrAdd(method, ComputeFacts(method));

    private MethodFacts ComputeFacts(IMethodSymbol method)
    {
        var body = BodyOf(method);
        if (body is null)
        {
            return MethodFacts.None;
        }

        Interlocked.Increment(ref _bodiesVisited);
        var callees = new List<IMethodSymbol>();
        foreach (var operation in body.Descendants())
        {
            if (operation is not (IInvocationOperation or IObjectCreationOperation or IMethodReferenceOperation)
                || IsInEventSubscription(operation, body))
            {
                continue;
            }

            if (IsDirectSave(operation))
            {
                return MethodFacts.Saving;
            }

            if (SourceCallee(operation) is { } callee && !SymbolEqualityComparer.Default.Equals(callee, method))
            {
                callees.Add(callee);
            }
        }

        return new MethodFacts(false, callees);
    }

    /// <summary>A save by itself, without looking into any method body of the compilation.</summary>
    private bool IsDirectSave(IOperation operation)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation:
                return IsFileOverwrite(creation);

            case IMethodReferenceOperation reference:
                return HasNoSourceBody(reference.Method) && IsNamedLikeASave(WithoutHookPrefix(reference.Method.Name));

            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (method is null)
                {
                    return false;
                }

                if (method.MethodKind == MethodKind.DelegateInvoke)
                {
                    // _saveCallback(), onSave?.Invoke(): the name of the delegate that is called.
                    return invocation.InvokedDelegate().ReferencedSymbol() is { } callee && IsNamedLikeASave(WithoutHookPrefix(callee.Name));
                }

                return IsFileOverwrite(invocation)
                       || IsTempPublish(invocation)
                       || KnownSymbols.Contains(_symbols.AtomicFileWrites, method)
                       || KnownSymbols.Contains(_symbols.AtomicFileStreamCommits, method)
                       || KnownSymbols.Contains(_symbols.JsonFileStoreWrites, method)
                       || IsDbContextSaveChanges(method)
                       || (HasNoSourceBody(method) && IsNamedLikeASave(WithoutHookPrefix(method.Name)));

            default:
                return false;
        }
    }

    /// <summary>
    /// The rename of a temp-then-rename write: <c>File.Move/Replace(tmp, dest)</c> or <c>FileInfo.MoveTo/Replace</c>
    /// from a temporary path (<see cref="TempPaths"/>, or a name that says <c>tmp</c>/<c>temp</c>). Moving a live file
    /// aside (a log rotated to <c>app.log.1</c>) is not a save.
    /// </summary>
    private bool IsTempPublish(IInvocationOperation invocation)
    {
        // System.IO's renames, their abstractions, wrappers of the compilation and listed methods (not copies).
        if (!WriteMethods.TryGetAnyTransfer(invocation, _symbols, out var kind, out var source, out _) || kind == WriteMethodKind.Copy)
        {
            return false;
        }

        return TempPaths.IsTempPath(source, _symbols) || NamesTemp(source);
    }

    /// <summary>A path expression whose text names a temporary file (<c>"b.tmp"</c>, <c>tempPath</c>, <c>path + ".tmp"</c>, <c>_tmpFile</c>).</summary>
    private static bool NamesTemp(IOperation? path)
    {
        var text = path?.Syntax.ToString();
        return text is not null
               && (text.IndexOf("tmp", System.StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("temp", System.StringComparison.OrdinalIgnoreCase) >= 0);
    }

    /// <summary>True when the operation is (inside) a handler subscribed to an event under <paramref name="root"/>: it does not run now.</summary>
    private static bool IsInEventSubscription(IOperation operation, IOperation root)
    {
        for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is IEventAssignmentOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a method whose body is not in the compilation: another assembly's, an interface or abstract method, a partial method without an implementation.</summary>
    private static bool HasNoSourceBody(IMethodSymbol method)
        => method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty
           || (method.IsPartialDefinition && method.PartialImplementationPart is null);

    /// <summary>A whole-file overwrite or an overwriting opener (the writes SW1001/SW1002 watch); appends and exclusive creates are not saves.</summary>
    private bool IsFileOverwrite(IOperation operation)
        => FileWrites.TryClassify(operation, _symbols, out var write) && write.Mode == FileWriteMode.Overwrite;

    private bool IsDbContextSaveChanges(IMethodSymbol method)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (KnownSymbols.Contains(_symbols.DbContextSaveChanges, current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name rule of rules.md, for calls whose body is not in the compilation: the name starts with the word
    /// <c>Save</c>, <c>Persist</c> or <c>Commit</c>, optionally after <c>Try</c> (<c>SaveAsync</c>, <c>SaveChanges</c>,
    /// <c>TryPersist</c>; not <c>Saved</c>, <c>Savepoint</c>, <c>CommitLog</c>... is a word start only).
    /// </summary>
    private static bool IsNamedLikeASave(string name)
    {
        if (name.StartsWith("Try", System.StringComparison.Ordinal) && name.Length > 3 && char.IsUpper(name[3]))
        {
            name = name.Substring(3);
        }

        foreach (var word in SaveWords)
        {
            if (name.StartsWith(word, System.StringComparison.OrdinalIgnoreCase)
                && (name.Length == word.Length || char.IsUpper(name[word.Length]) || char.IsDigit(name[word.Length]) || name[word.Length] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name without its field or hook prefix: <c>_saveCallback</c> → <c>saveCallback</c>, <c>onSave</c> → <c>Save</c>, <c>OnSaveAsync</c> (a template's abstract save) → <c>SaveAsync</c>.</summary>
    private static string WithoutHookPrefix(string name)
    {
        name = name.TrimStart('_');
        if (name.StartsWith("m_", System.StringComparison.Ordinal))
        {
            name = name.Substring(2);
        }

        return name.Length > 2 && (name.StartsWith("on", System.StringComparison.Ordinal) || name.StartsWith("On", System.StringComparison.Ordinal)) && char.IsUpper(name[2])
            ? name.Substring(2)
            : name;
    }

    private sealed class MethodFacts
    {
        public static readonly MethodFacts Saving = new(true, new List<IMethodSymbol>());
        public static readonly MethodFacts None = new(false, new List<IMethodSymbol>());

        public MethodFacts(bool savesDirectly, List<IMethodSymbol> callees)
        {
            SavesDirectly = savesDirectly;
            Callees = callees;
        }

        public bool SavesDirectly { get; }

        public List<IMethodSymbol> Callees { get; }
    }
}
