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

/// <summary>
/// SW1001's scope <c>state</c> (rules.md): is the file an in-place write targets one the program keeps and reads
/// again? Evidence, cheapest first: the file's name, serialized content, a path the type owns written by a Save-like
/// member, then read-back of the same path (the write's own body, then the compilation's reads, indexed once per
/// compilation on first need). Empty markers, per-call unique paths and log writers are never state.
/// </summary>
internal sealed class StateEvidence
{
    private static readonly ConditionalWeakTable<KnownSymbols, StateEvidence> Cache = new();

    private static readonly string[] StateExtensions =
        { ".json", ".xml", ".config", ".ini", ".yaml", ".yml", ".toml", ".cfg", ".settings", ".state", ".db", ".dat" };

    private static readonly string[] StateNameParts =
        { "settings", "config", "state", "cache", "manifest", "index", "profile", "session" };

    private static readonly string[] SaveMemberParts = { "Save", "Persist", "Store", "Snapshot", "Checkpoint" };

    private static readonly HashSet<string> LogWords = new(StringComparer.OrdinalIgnoreCase)
        { "log", "logs", "logger", "logging", "trace", "traces", "tracer", "tracing" };

    // Simple names of the read APIs (File.ReadAll…, OpenRead, new StreamReader(p), XDocument.Load(p) …): only calls
    // with these names whose path shares a name with a candidate write's path are bound.
    private static readonly string[] ReadNames =
    {
        "ReadAllText", "ReadAllTextAsync", "ReadAllBytes", "ReadAllBytesAsync", "ReadAllLines", "ReadAllLinesAsync",
        "ReadLines", "ReadLinesAsync", "OpenRead", "OpenText", "Open", "Load", "StreamReader", "FileStream",
    };

    private readonly KnownSymbols _symbols;
    private readonly Lazy<List<ReadSite>> _readSites;
    private readonly ConcurrentDictionary<SyntaxNode, HashSet<string>> _readKeys = new();

    private StateEvidence(KnownSymbols symbols)
    {
        _symbols = symbols;
        _readSites = new Lazy<List<ReadSite>>(FindReadSites, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static StateEvidence Get(KnownSymbols symbols) => Cache.GetValue(symbols, s => new StateEvidence(s));

    /// <summary>True when the write shows evidence of kept state and none of "not state".</summary>
    public bool IsKeptState(InPlaceWrite write)
    {
        var identity = PathIdentity.Of(write.Write.Path, _symbols);
        if (IsNotState(write, identity))
        {
            return false;
        }

        if (HasStateName(identity.NameConstants) || IsOwnedSave(write, identity) || IsSerialized(write))
        {
            return true;
        }

        return IsReadBack(write, identity);
    }

    /// <summary>An empty marker or probe, a path unique per call, a log or trace writer.</summary>
    private static bool IsNotState(InPlaceWrite write, PathIdentity identity)
    {
        if (identity.UniquePerCall || IsEmptyContent(write.Write.Content))
        {
            return true;
        }

        foreach (var constant in identity.Constants)
        {
            var name = FileName(constant);
            if (name.EndsWith(".log", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".trace", StringComparison.OrdinalIgnoreCase) || HasWord(name, LogWords))
            {
                return true;
            }
        }

        var member = EnclosingMember(write.Write.Operation);
        return member is not null && (HasWord(member.Name, LogWords) || HasWord(member.ContainingType?.Name, LogWords));
    }

    /// <summary><c>""</c>, <c>string.Empty</c>, <c>[]</c>, <c>new byte[0]</c>, <c>Array.Empty&lt;byte&gt;()</c>.</summary>
    internal static bool IsEmptyContent(IOperation? content)
    {
        content = content.WalkDownConversions();
        switch (content)
        {
            case null:
                return false;
            case { ConstantValue: { HasValue: true, Value: string text } }:
                return text.Length == 0;
            case IArrayCreationOperation array:
                return array.DimensionSizes.Length == 1 && array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: 0 }
                       && (array.Initializer is null || array.Initializer.ElementValues.IsEmpty);
            case IInvocationOperation { TargetMethod.Name: "Empty", Arguments.IsEmpty: true }:
                return true;
            case IFieldReferenceOperation { Field.Name: "Empty" }:
                return true;
        }

        // A collection expression `[]` (no operation kind of its own in the oldest Roslyn we build against).
        return content.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax { Elements.Count: 0 };
    }

    private static bool HasStateName(List<string> constants)
    {
        foreach (var constant in constants)
        {
            var name = FileName(constant).ToLowerInvariant();
            foreach (var extension in StateExtensions)
            {
                if (name.EndsWith(extension, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var part in StateNameParts)
            {
                if (name.IndexOf(part, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A path the type owns (no parameter in it) written by a member named Save, Persist, Store, Snapshot or Checkpoint.</summary>
    private static bool IsOwnedSave(InPlaceWrite write, PathIdentity identity)
    {
        if (identity.UsesParameter || EnclosingMember(write.Write.Operation) is not { } member)
        {
            return false;
        }

        var name = member is IMethodSymbol { AssociatedSymbol: { } property } ? property.Name : member.Name;
        foreach (var part in SaveMemberParts)
        {
            if (name.IndexOf(part, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Serialized content: XML or another serializer's output, written whole or into the stream.</summary>
    private bool IsSerialized(InPlaceWrite write)
    {
        if (write.Write.Shape == FileWriteShape.WholeContent)
        {
            return IsSerializerOutput(write.Write.Content, 0);
        }

        if (write.StreamUse is not { } use)
        {
            return false;
        }

        foreach (var wrapper in use.Wrappers)
        {
            if (KnownSymbols.InheritsFrom(wrapper.Type, _symbols.XmlWriter))
            {
                return true;
            }
        }

        foreach (var consumer in use.HandedTo)
        {
            var method = consumer switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };

            if (method is not null && (SaysSerializes(method) || method.Name is "WriteObject" or "Save" && IsXmlType(method.ContainingType)
                                       || method.Name == "Create" && KnownSymbols.InheritsFrom(method.ContainingType, _symbols.XmlWriter)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSerializerOutput(IOperation? content, int depth)
    {
        content = content.WalkDownConversions();
        if (depth > 3)
        {
            return false;
        }

        if (content is ILocalReferenceOperation local)
        {
            foreach (var value in OperationHelpers.AssignedValues(content.Root(), local.Local))
            {
                if (IsSerializerOutput(value, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        if (content is not IInvocationOperation { TargetMethod: { } method } invocation)
        {
            return false;
        }

        if (SaysSerializes(method) || method.Name.StartsWith("To", StringComparison.Ordinal) && HasWord(method.Name.Substring(2), SerializedFormats))
        {
            return true;
        }

        // XDocument / XElement .ToString(), and Encoding.GetBytes(xml) of one.
        return method.Name == "ToString" && IsXmlType(invocation.Instance?.Type)
               || method.Name == "GetBytes" && invocation.Arguments.Length >= 1 && IsSerializerOutput(invocation.Arguments[0].Value, depth + 1);
    }

    private static readonly HashSet<string> SerializedFormats = new(StringComparer.OrdinalIgnoreCase)
        { "xml", "yaml", "yml", "ini", "toml", "json", "csv" };

    private static bool SaysSerializes(IMethodSymbol method)
        => method.Name.IndexOf("Serialize", StringComparison.Ordinal) >= 0
           || method.ContainingType?.Name.IndexOf("Serializer", StringComparison.Ordinal) >= 0;

    private static bool IsXmlType(ITypeSymbol? type)
    {
        for (var ns = type?.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.Name == "Xml" && ns.ContainingNamespace is { Name: "System" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The program reads the same file: in the write's own body first, then anywhere in the compilation.</summary>
    private bool IsReadBack(InPlaceWrite write, PathIdentity identity)
    {
        var root = write.Write.Operation.Root();
        foreach (var operation in root.Descendants())
        {
            if (operation != write.Write.Operation && ReadPath(operation) is { } readPath && identity.Intersects(PathIdentity.Of(readPath, _symbols).Keys))
            {
                return true;
            }
        }

        var calls = CompilationCalls.Get(_symbols);
        calls.Remember(write.Write.Operation.SemanticModel);
        AddCallerArguments(identity, calls);
        if (HasStateName(identity.NameConstants))
        {
            return true;
        }

        // Only reads whose syntax shares a name with the path (or that read a parameter) are bound, once each.
        var written = write.Write.Operation.Syntax;
        var saveLoadPair = identity.Parameters.Count > 0 && EnclosingMember(write.Write.Operation) is { } writer && writer.Name.IndexOf("Save", StringComparison.OrdinalIgnoreCase) >= 0
            ? written.FirstAncestorOrSelf<TypeDeclarationSyntax>()
            : null;
        foreach (var site in _readSites.Value)
        {
            // A Save(path)/Load(path) pair of one type: its callers hand both the same file.
            if (saveLoadPair is not null && site.ThroughParameter && site.Node.FirstAncestorOrSelf<TypeDeclarationSyntax>() == saveLoadPair
                && IsLoadOfParameter(site.Node))
            {
                return true;
            }

            if ((site.ThroughParameter || identity.Words.Overlaps(site.Words))
                && !(site.Node.SyntaxTree == written.SyntaxTree && site.Node.Span == written.Span)
                && identity.Intersects(_readKeys.GetOrAdd(site.Node, BindRead)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The read site reads a path parameter of a member whose name says it loads (<c>Load</c>, <c>Read</c>, <c>Restore</c>).</summary>
    private bool IsLoadOfParameter(SyntaxNode node)
    {
        if (CompilationCalls.Get(_symbols).Bind(node) is not { } operation || ReadPath(operation) is not { } path)
        {
            return false;
        }

        foreach (var parameter in PathIdentity.Of(path, _symbols).Parameters)
        {
            var name = parameter.ContainingSymbol.Name;
            if (name.IndexOf("Load", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("Read", StringComparison.OrdinalIgnoreCase) >= 0
                || name.IndexOf("Restore", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One level up: the paths callers of the compilation pass for the path's parameters.</summary>
    private void AddCallerArguments(PathIdentity identity, CompilationCalls calls)
    {
        foreach (var parameter in identity.Parameters.ToArray())
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method)
            {
                continue;
            }

            foreach (var call in calls.CallersOf(method))
            {
                identity.AddFrom(call.ArgumentValue(parameter.Ordinal), _symbols);
            }
        }
    }

    /// <summary>The keys of the path a read call reads (with its callers' paths one level up); empty when it is no read.</summary>
    private HashSet<string> BindRead(SyntaxNode node)
    {
        var calls = CompilationCalls.Get(_symbols);
        if (calls.Bind(node) is not { } operation || ReadPath(operation) is not { } path)
        {
            return NoKeys;
        }

        var identity = PathIdentity.Of(path, _symbols);
        AddCallerArguments(identity, calls);
        return identity.Keys;
    }

    private static readonly HashSet<string> NoKeys = new();

    /// <summary>The read calls of the compilation (by name, syntax only), with the names their path argument uses.</summary>
    private List<ReadSite> FindReadSites()
    {
        var sites = new List<ReadSite>();
        var calls = CompilationCalls.Get(_symbols);
        foreach (var name in ReadNames)
        {
            foreach (var node in calls.Named(name))
            {
                sites.Add(ReadSite.Of(node));
            }
        }

        return sites;
    }

    /// <summary>A read call found by name: the lower-case names and literals of its path, and whether a parameter of its member is among them.</summary>
    private sealed class ReadSite
    {
        private ReadSite(SyntaxNode node, HashSet<string> words, bool throughParameter)
        {
            Node = node;
            Words = words;
            ThroughParameter = throughParameter;
        }

        public SyntaxNode Node { get; }

        public HashSet<string> Words { get; }

        public bool ThroughParameter { get; }

        public static ReadSite Of(SyntaxNode node)
        {
            var path = node switch
            {
                InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } invocation => invocation.ArgumentList.Arguments[0].Expression,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
                ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation => creation.ArgumentList.Arguments[0].Expression,
                _ => null,
            };

            var words = new HashSet<string>(StringComparer.Ordinal);
            var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>();
            var throughParameter = false;
            if (path is not null)
            {
                AddWords(path, words);

                // A local of the member: the names of what it was set to (one level).
                if (path is IdentifierNameSyntax local && member is not null)
                {
                    foreach (var declarator in member.DescendantNodes().OfType<VariableDeclaratorSyntax>())
                    {
                        if (declarator.Identifier.ValueText == local.Identifier.ValueText && declarator.Initializer is { } initializer)
                        {
                            AddWords(initializer.Value, words);
                        }
                    }
                }

                throughParameter = UsesParameter(node, words);
            }

            return new ReadSite(node, words, throughParameter);
        }

        private static void AddWords(SyntaxNode path, HashSet<string> words)
        {
            foreach (var token in path.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) || token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                {
                    words.Add(token.ValueText.ToLowerInvariant());
                }
            }
        }

        /// <summary>True when a parameter of an enclosing method, lambda or local function has one of the names.</summary>
        private static bool UsesParameter(SyntaxNode node, HashSet<string> words)
        {
            foreach (var ancestor in node.Ancestors())
            {
                var parameters = ancestor switch
                {
                    BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
                    LocalFunctionStatementSyntax local => local.ParameterList.Parameters,
                    ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
                    SimpleLambdaExpressionSyntax lambda => SyntaxFactory.SingletonSeparatedList(lambda.Parameter),
                    _ => default,
                };

                foreach (var parameter in parameters)
                {
                    if (words.Contains(parameter.Identifier.ValueText.ToLowerInvariant()))
                    {
                        return true;
                    }
                }

                if (ancestor is BaseTypeDeclarationSyntax)
                {
                    break;
                }
            }

            return false;
        }
    }

    /// <summary>The path a read API reads (<c>File.Read…</c>, <c>OpenRead</c>, a read-opened stream, <c>new StreamReader(p)</c>, <c>XDocument.Load(p)</c>), else null.</summary>
    private IOperation? ReadPath(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation { TargetMethod: { } method } invocation:
                if (method.ContainingType is not { } type)
                {
                    return null;
                }

                if (_symbols.IsType(type, _symbols.File))
                {
                    return method.Name.StartsWith("Read", StringComparison.Ordinal) || method.Name == "OpenText"
                           || (method.Name == "OpenRead" || method.Name == "Open" && OpensToRead(invocation.Arguments)) && IsLoaded(invocation)
                        ? invocation.ArgumentValue(0)
                        : null;
                }

                if (_symbols.IsType(type, _symbols.FileInfo))
                {
                    return method.Name == "OpenText"
                           || (method.Name == "OpenRead" || method.Name == "Open" && OpensToRead(invocation.Arguments)) && IsLoaded(invocation)
                        ? invocation.Instance
                        : null;
                }

                return method.Name == "Load" && IsXmlType(type) && method.Parameters.Length >= 1
                       && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                    ? invocation.ArgumentValue(0)
                    : null;

            case IObjectCreationOperation { Constructor: { Parameters.Length: > 0 } constructor } creation
                when constructor.Parameters[0].Type.SpecialType == SpecialType.System_String:
                if (KnownSymbols.InheritsFrom(constructor.ContainingType, _symbols.TextReader))
                {
                    return creation.ArgumentValue(0);
                }

                return _symbols.IsType(constructor.ContainingType, _symbols.FileStream) && OpensToRead(creation.Arguments) && IsLoaded(creation)
                    ? creation.ArgumentValue(0)
                    : null;
        }

        return null;
    }

    /// <summary>
    /// The stream a read opener returns is read back into the program (a reader, <c>Read…</c>, a deserializer, a
    /// load or parse method): one handed to an upload or kept in a property is an output consumed once, not state.
    /// </summary>
    private bool IsLoaded(IOperation opener) => StreamFlow.Analyze(opener, _symbols).IsRead;

    /// <summary>A <c>FileMode.Open</c>/<c>OpenOrCreate</c> open whose access is not write-only.</summary>
    private bool OpensToRead(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        const long ModeOpen = 3, ModeOpenOrCreate = 4, AccessWrite = 2;
        var mode = OperationHelpers.ArgumentOfType(arguments, _symbols.FileMode);
        if (!mode.TryGetConstant(out var modeValue) || modeValue is not (ModeOpen or ModeOpenOrCreate))
        {
            return false;
        }

        var access = OperationHelpers.ArgumentOfType(arguments, _symbols.FileAccess);
        return access is null || !access.TryGetConstant(out var accessValue) || accessValue != AccessWrite;
    }

    /// <summary>The method, accessor or constructor whose body holds the operation (lambdas are inside it).</summary>
    private static ISymbol? EnclosingMember(IOperation operation)
    {
        var symbol = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }

    private static string FileName(string path)
    {
        var cut = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return cut >= 0 ? path.Substring(cut + 1) : path;
    }

    /// <summary>True when a word of <paramref name="name"/> (split at case changes, digits and punctuation) is one of <paramref name="words"/>.</summary>
    private static bool HasWord(string? name, HashSet<string> words)
    {
        if (name is null)
        {
            return false;
        }

        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length || !char.IsLetter(name[i]) || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (boundary)
            {
                if (i > start && words.Contains(name.Substring(start, i - start)))
                {
                    return true;
                }

                while (i < name.Length && !char.IsLetter(name[i]))
                {
                    i++;
                }

                start = i;
            }
        }

        return false;
    }
}
