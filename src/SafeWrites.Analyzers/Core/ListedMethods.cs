using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafeWrites.Analyzers.Core;

/// <summary>What a user-listed method does to a file (docs/configuration.md).</summary>
internal enum ListedKind
{
    /// <summary>Writes the whole file in place, like <c>File.WriteAllText(path, content)</c>.</summary>
    Write,

    /// <summary>Opens the file for writing, truncated, like <c>File.Create(path)</c>; returns the stream or writer.</summary>
    Open,

    /// <summary>Renames a file over another, like <c>File.Move(source, destination, true)</c>.</summary>
    Move,

    /// <summary>Copies a file over another, like <c>File.Copy(source, destination, true)</c>.</summary>
    Copy,

    /// <summary>Deletes a file, like <c>File.Delete(path)</c>.</summary>
    Delete,
}

/// <summary>One line of <see cref="ListedMethods.FileName"/>: a method, what it does, and which parameters are the paths (and the content).</summary>
internal sealed class ListedMethod
{
    public ListedMethod(IMethodSymbol method, ListedKind kind, int first, int second)
    {
        Method = method;
        Kind = kind;
        First = first;
        Second = second;
    }

    public IMethodSymbol Method { get; }

    public ListedKind Kind { get; }

    /// <summary>The path (Write, Open, Delete) or the source (Move, Copy) parameter's ordinal.</summary>
    public int First { get; }

    /// <summary>The content (Write; -1 when none) or the destination (Move, Copy) parameter's ordinal.</summary>
    public int Second { get; }
}

/// <summary>
/// The project's own list of write APIs: an additional file named <c>SafeWrites.WriteMethods.txt</c>, one
/// documentation ID per line with what the method does (<c>M:Lib.Store.Save(System.String,System.String);write</c>),
/// <c>#</c> comments. Lines that do not parse or name no method of the compilation are ignored (never an AD0001).
/// Read once per compilation (<see cref="KnownSymbols.Listed"/>).
/// </summary>
internal sealed class ListedMethods
{
    public const string FileName = "SafeWrites.WriteMethods.txt";

    public static readonly ListedMethods Empty = new(new Dictionary<ISymbol, ListedMethod>(SymbolEqualityComparer.Default));

    private readonly Dictionary<ISymbol, ListedMethod> _methods;

    private ListedMethods(Dictionary<ISymbol, ListedMethod> methods)
    {
        _methods = methods;
        foreach (var method in methods.Keys)
        {
            Names.Add(method.Name);
        }
    }

    /// <summary>Simple names of the listed methods (a body naming one is worth binding).</summary>
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => _methods.Count == 0;

    /// <summary>The listed entry of a called method (its definition, a reduced extension's original), or null.</summary>
    public ListedMethod? Find(IMethodSymbol? method)
    {
        if (method is null || _methods.Count == 0)
        {
            return null;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return _methods.TryGetValue(definition, out var listed) ? listed : null;
    }

    /// <summary>Reads every additional file named <see cref="FileName"/>; never throws on bad content.</summary>
    public static ListedMethods Read(ImmutableArray<AdditionalText> files, Compilation compilation, CancellationToken cancellationToken)
    {
        Dictionary<ISymbol, ListedMethod>? methods = null;
        foreach (var file in files)
        {
            if (!string.Equals(Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase)
                || file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            foreach (var line in text.Lines)
            {
                foreach (var listed in Parse(line.ToString(), compilation))
                {
                    methods ??= new Dictionary<ISymbol, ListedMethod>(SymbolEqualityComparer.Default);
                    methods[listed.Method.OriginalDefinition] = listed;
                }
            }
        }

        return methods is null ? Empty : new ListedMethods(methods);
    }

    /// <summary>
    /// <c>ID;kind[;name=parameter]…</c>: kind <c>write</c>, <c>open</c>, <c>move</c>, <c>copy</c> or <c>delete</c>; optional
    /// <c>path=</c>, <c>content=</c>, <c>source=</c>, <c>destination=</c> name parameters (defaults: the first string
    /// parameter is the path or source, the next one the content or destination).
    /// </summary>
    private static IEnumerable<ListedMethod> Parse(string line, Compilation compilation)
    {
        var hash = line.IndexOf('#');
        var content = (hash >= 0 ? line.Substring(0, hash) : line).Trim();
        var parts = content.Split(';');
        if (parts.Length < 2 || !parts[0].Trim().StartsWith("M:", StringComparison.Ordinal) || !TryParseKind(parts[1].Trim(), out var kind))
        {
            yield break;
        }

        ImmutableArray<ISymbol> symbols;
        try
        {
            symbols = DocumentationCommentId.GetSymbolsForDeclarationId(parts[0].Trim(), compilation);
        }
        catch (ArgumentException)
        {
            yield break;
        }

        foreach (var symbol in symbols)
        {
            if (symbol is IMethodSymbol method && TryParameters(method, kind, parts, out var first, out var second))
            {
                yield return new ListedMethod(method, kind, first, second);
            }
        }
    }

    private static bool TryParseKind(string text, out ListedKind kind)
    {
        switch (text.ToLowerInvariant())
        {
            case "write": kind = ListedKind.Write; return true;
            case "open": kind = ListedKind.Open; return true;
            case "move": kind = ListedKind.Move; return true;
            case "copy": kind = ListedKind.Copy; return true;
            case "delete": kind = ListedKind.Delete; return true;
            default: kind = default; return false;
        }
    }

    private static bool TryParameters(IMethodSymbol method, ListedKind kind, string[] parts, out int first, out int second)
    {
        // Defaults: the first string parameter, then the parameter after it (content) or the next string parameter (destination).
        first = -1;
        second = -1;
        var parameters = method.Parameters;
        for (var i = 0; i < parameters.Length && second < 0; i++)
        {
            if (first < 0)
            {
                first = parameters[i].Type.SpecialType == SpecialType.System_String ? i : -1;
            }
            else if (kind == ListedKind.Write || parameters[i].Type.SpecialType == SpecialType.System_String)
            {
                second = i;
            }
        }

        for (var i = 2; i < parts.Length; i++)
        {
            var pair = parts[i].Split('=');
            if (pair.Length != 2)
            {
                return false;
            }

            var ordinal = IndexOf(parameters, pair[1].Trim());
            switch (pair[0].Trim().ToLowerInvariant())
            {
                case "path" or "source" when ordinal >= 0: first = ordinal; break;
                case "content" or "destination" when ordinal >= 0: second = ordinal; break;
                default: return false;
            }
        }

        return first >= 0 && (second >= 0 || kind is not (ListedKind.Move or ListedKind.Copy));
    }

    private static int IndexOf(ImmutableArray<IParameterSymbol> parameters, string name)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Name == name)
            {
                return parameter.Ordinal;
            }
        }

        return -1;
    }
}
