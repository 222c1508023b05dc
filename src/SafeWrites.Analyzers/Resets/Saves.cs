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
/// "Is this a save?" (SW3001): a call that writes persistent state. Built on <see cref="FileWrites"/>' knowledge of
/// what writes a file, plus renames, <c>AtomicFile</c>, writes and flushes of a file stream,
/// <c>DbContext.SaveChanges(Async)</c>, methods of the compilation whose body saves (transitively), and the
/// name heuristic of rules.md (<c>Save</c>, <c>Persist</c>, <c>Flush</c>, <c>Write</c>, <c>Commit</c>).
/// </summary>
/// <remarks>
/// One instance per compilation. Which methods save is computed on demand and memoized: every method body is
/// visited at most once (<see cref="BodiesVisited"/>), and the transitive question is a reachability search over
/// those per-body facts with an explicit stack (no recursion, so a chain of thousands of calls is fine; cycles
/// end at methods already on the stack).
/// </remarks>
internal sealed class Saves
{
    private static readonly ConditionalWeakTable<Compilation, Saves> Cache = new();

    private static readonly string[] SaveWords = { "Save", "Persist", "Flush", "Write", "Commit" };

    /// <summary>The strong words also count on methods outside the compilation (<c>Settings.Default.Save()</c>, <c>transaction.Commit()</c>).</summary>
    private static readonly string[] ExternalSaveWords = { "Save", "Persist", "Commit" };

    /// <summary>Names that ask about saving rather than save (<c>CanSave</c>, <c>IsSaveEnabled</c>, <c>ShouldFlush</c> …).</summary>
    private static readonly string[] QuestionPrefixes = { "Can", "Is", "Has", "Should", "Get", "Needs", "Raise", "Notify" };

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

    /// <summary>True when <paramref name="operation"/> itself is a save: a direct save API, or a call of (or reference to) a method that saves.</summary>
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

    /// <summary>The last save (in source order) under <paramref name="root"/>, or null.</summary>
    public IOperation? LastSaveIn(IOperation root)
    {
        IOperation? last = null;
        foreach (var operation in DescendantsAndSelf(root))
        {
            if (operation is IInvocationOperation or IObjectCreationOperation or IMethodReferenceOperation
                && IsSave(operation)
                && (last is null || operation.Syntax.SpanStart >= last.Syntax.SpanStart))
            {
                last = operation;
            }
        }

        return last;
    }

    /// <summary>True when calling <paramref name="method"/> saves: its name says so, or its body (transitively) saves.</summary>
    public bool MethodSaves(IMethodSymbol method)
    {
        method = Normalize(method);
        if (_saves.TryGetValue(method, out var known))
        {
            return known;
        }

        // Reachability over the per-body facts: does the method reach a body that saves directly?
        var stack = new Stack<(IMethodSymbol Method, int Next)>();
        var onPathOrDone = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { method };
        stack.Push((method, 0));
        while (stack.Count > 0)
        {
            var (current, next) = stack.Pop();
            var isKnownSave = _saves.TryGetValue(current, out var memo) && memo;
            var facts = isKnownSave ? MethodFacts.Saving : FactsOf(current);
            if (facts.SavesDirectly)
            {
                // Everything on the path reaches this save.
                _saves[current] = true;
                foreach (var (onPath, _) in stack)
                {
                    _saves[onPath] = true;
                }

                return true;
            }

            if (next < facts.Callees.Count)
            {
                stack.Push((current, next + 1));
                var callee = facts.Callees[next];
                Interlocked.Increment(ref _callsFollowed);
                if (_saves.TryGetValue(callee, out var calleeSaves))
                {
                    if (calleeSaves)
                    {
                        stack.Push((callee, int.MaxValue));
                    }
                }
                else if (onPathOrDone.Add(callee))
                {
                    stack.Push((callee, 0));
                }
            }
        }

        // The whole reachable set was explored without finding a save: none of it saves.
        foreach (var visited in onPathOrDone)
        {
            _saves[visited] = false;
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

    /// <summary>The source method an invocation calls or a method reference (<c>Task.Run(Save)</c>) names, else null.</summary>
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
        if (IsNamedLikeASave(method))
        {
            return MethodFacts.Saving;
        }

        var body = BodyOf(method);
        if (body is null)
        {
            return MethodFacts.None;
        }

        Interlocked.Increment(ref _bodiesVisited);
        var callees = new List<IMethodSymbol>();
        foreach (var operation in body.Descendants())
        {
            if (operation is not (IInvocationOperation or IObjectCreationOperation or IMethodReferenceOperation))
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

    /// <summary>A save by itself, without looking into any method body.</summary>
    private bool IsDirectSave(IOperation operation)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation:
                return IsFileWrite(creation);

            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (method is null)
                {
                    return false;
                }

                if (method.MethodKind == MethodKind.DelegateInvoke)
                {
                    // _saveCallback(), onSave?.Invoke(): the name heuristic applied to the delegate that is called.
                    return DelegateOf(invocation).ReferencedSymbol() is { } callee && ContainsSaveWord(callee.Name, SaveWords);
                }

                return IsFileWrite(invocation)
                       || KnownSymbols.Contains(_symbols.FileMoves, method)
                       || KnownSymbols.Contains(_symbols.FileInfoMoves, method)
                       || KnownSymbols.Contains(_symbols.AtomicFileWrites, method)
                       || KnownSymbols.Contains(_symbols.AtomicFileStreamCommits, method)
                       || IsDbContextSaveChanges(method)
                       || IsFileStreamWriteOrFlush(invocation)
                       || IsNamedLikeASave(method);

            default:
                return false;
        }
    }

    /// <summary>The delegate an invocation calls; for <c>_save?.Invoke()</c> the receiver of the conditional access.</summary>
    private static IOperation? DelegateOf(IInvocationOperation invocation)
    {
        if (invocation.Instance is not IConditionalAccessInstanceOperation)
        {
            return invocation.Instance;
        }

        for (var current = invocation.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }

    private bool IsFileWrite(IOperation operation)
        => FileWrites.TryClassify(operation, _symbols, out var write)
           && (write.Mode != FileWriteMode.None || (operation is IObjectCreationOperation && _symbols.IsType(write.Method?.ContainingType, _symbols.StreamWriter)));

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

    /// <summary><c>Write…</c> / <c>Flush…</c> on a <c>FileStream</c> or a <c>StreamWriter</c> (a writer over a file).</summary>
    private bool IsFileStreamWriteOrFlush(IInvocationOperation invocation)
    {
        // The name first: it rejects almost every call without walking the receiver's base types.
        var name = invocation.TargetMethod.Name;
        if (!(name.StartsWith("Write", System.StringComparison.Ordinal) || name.StartsWith("Flush", System.StringComparison.Ordinal)))
        {
            return false;
        }

        var receiver = invocation.Instance?.Type;
        return receiver is not null
               && (KnownSymbols.InheritsFrom(receiver, _symbols.FileStream) || KnownSymbols.InheritsFrom(receiver, _symbols.StreamWriter));
    }

    /// <summary>
    /// The name heuristic of rules.md: a method of the compilation whose name contains Save, Persist, Flush, Write
    /// or Commit; outside the compilation only the strong words Save, Persist and Commit count (so that
    /// <c>Console.WriteLine</c> or a logger's <c>Write</c> is not a save). Names that ask a question
    /// (<c>CanSave</c>, <c>HasSaveError</c>, <c>RaiseSaveCompleted</c>) are not saves.
    /// </summary>
    private bool IsNamedLikeASave(IMethodSymbol method)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.ReducedExtension or MethodKind.LocalFunction or MethodKind.ExplicitInterfaceImplementation))
        {
            return false;
        }

        var name = method.Name;
        foreach (var prefix in QuestionPrefixes)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, System.StringComparison.Ordinal) && char.IsUpper(name[prefix.Length]))
            {
                return false;
            }
        }

        var inCompilation = SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _symbols.Compilation.Assembly);
        return ContainsSaveWord(name, inCompilation ? SaveWords : ExternalSaveWords);
    }

    /// <summary>
    /// True when <paramref name="name"/> contains one of the words as a whole word part (<c>SaveAsync</c>,
    /// <c>AutoSave</c>, <c>_saveCallback</c>, <c>WriteLine</c>; not <c>Unsaved</c>, <c>Saved</c>, <c>Writer</c>, <c>Persistent</c>).
    /// </summary>
    private static bool ContainsSaveWord(string name, string[] words)
    {
        foreach (var word in words)
        {
            var index = name.IndexOf(word, System.StringComparison.OrdinalIgnoreCase);
            while (index >= 0)
            {
                var end = index + word.Length;
                var startsWord = index == 0 || name[index - 1] == '_' || char.IsUpper(name[index]);
                var endsWord = end == name.Length || char.IsUpper(name[end]) || char.IsDigit(name[end]) || name[end] == '_';
                if (startsWord && endsWord)
                {
                    return true;
                }

                index = name.IndexOf(word, index + 1, System.StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
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
