using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>
/// What a path operand is made of, as comparable keys: the field, property, local or parameter it reads, the method
/// of the compilation that makes it (<c>PathFor(key)</c>), the constant file names in it, and a built expression by
/// its text within its type. Two paths with a key in common name the same file (SW1001's read-back evidence).
/// </summary>
internal sealed class PathIdentity
{
    private const int MaxDepth = 6;

    /// <summary>Comparable keys (strings, so that symbols bound by different semantic models compare equal).</summary>
    public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Every string constant in the path (literals, constants, member initializers of the same tree), folders included.</summary>
    public List<string> Constants { get; } = new();

    /// <summary>The constants that make the file's name: not a folder argument of <c>Path.Combine</c> (a cache folder holds one-way files too).</summary>
    public List<string> NameConstants { get; } = new();

    /// <summary>
    /// The names in the path (symbols, methods, constants; lower case): a read whose syntax shares none of them (and
    /// does not go through a parameter) cannot name the same file, so it is not bound.
    /// </summary>
    public HashSet<string> Words { get; } = new(StringComparer.Ordinal);

    /// <summary>Parameters of ordinary methods that the path is, directly or through locals.</summary>
    public List<IParameterSymbol> Parameters { get; } = new();

    /// <summary>The path uses a parameter anywhere (then the type does not own it).</summary>
    public bool UsesParameter { get; private set; }

    /// <summary>The path is made unique per call (<c>Guid.NewGuid()</c>).</summary>
    public bool UniquePerCall { get; private set; }

    public static PathIdentity Of(IOperation? path, KnownSymbols symbols)
    {
        var identity = new PathIdentity();
        identity.Collect(path, symbols, composite: false, inName: true, depth: 0);
        return identity;
    }

    /// <summary>Adds the keys and constants of <paramref name="path"/> (an argument a caller passes for a parameter).</summary>
    public void AddFrom(IOperation? path, KnownSymbols symbols) => Collect(path, symbols, composite: false, inName: true, depth: 1);

    public bool Intersects(HashSet<string> keys) => Keys.Overlaps(keys);

    private void Collect(IOperation? path, KnownSymbols symbols, bool composite, bool inName, int depth)
    {
        path = path.WalkDownConversions();
        if (path is null || depth > MaxDepth)
        {
            return;
        }

        if (path.ConstantValue is { HasValue: true, Value: string constant })
        {
            AddConstant(constant, inName);
            if (path is IFieldReferenceOperation constField)
            {
                AddSymbol(constField.Field, composite);
            }

            return;
        }

        switch (path)
        {
            case ILocalReferenceOperation local:
                AddSymbol(local.Local, composite);
                foreach (var value in OperationHelpers.AssignedValues(path.Root(), local.Local))
                {
                    Collect(value, symbols, composite, inName, depth + 1);
                }

                return;

            case IParameterReferenceOperation parameter:
                UsesParameter = true;
                AddSymbol(parameter.Parameter, composite);
                if (!composite && parameter.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor })
                {
                    Parameters.Add(parameter.Parameter);
                }

                return;

            case IPropertyReferenceOperation { Instance: { } fileInfo } fullName when fullName.Property.Name == "FullName" && symbols.IsFileInfoLike(fileInfo.Type):
                Collect(fileInfo, symbols, composite, inName, depth + 1);
                return;

            case IObjectCreationOperation or IInvocationOperation when TempPaths.FileInfoPath(path, symbols) is { } infoPath:
                Collect(infoPath, symbols, composite, inName, depth + 1);
                return;

            case IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }:
                var member = path.ReferencedSymbol()!;
                AddSymbol(member, composite);
                AddInitializerConstants(member, path.SemanticModel, inName);
                return;

            case IInvocationOperation { TargetMethod: { Name: "NewGuid" } newGuid } when newGuid.ContainingType?.Name == "Guid":
                UniquePerCall = true;
                return;
        }

        if (path is IInvocationOperation { TargetMethod: { } method } && !method.DeclaringSyntaxReferences.IsEmpty)
        {
            // A path factory of the compilation (PathFor(key)): the same call names the same file.
            Keys.Add("M:" + SymbolKey(method.OriginalDefinition));
            Words.Add(method.Name.ToLowerInvariant());
        }

        // A built path (Path.Combine(_root, "a.json"), _path + ".bak"): compared by its text within the type, and
        // by its constant parts; its symbols alone would also match sibling files of the same folder.
        if (!composite && path.SemanticModel?.GetEnclosingSymbol(path.Syntax.SpanStart)?.ContainingType is { } type)
        {
            Keys.Add("T:" + SymbolKey(type) + ":" + Text(path.Syntax));
        }

        // Path.Combine(folder, …, name): only the last part names the file.
        var combine = path is IInvocationOperation { TargetMethod.Name: "Combine" or "Join" } call && symbols.IsType(call.TargetMethod.ContainingType, symbols.Path)
            ? (IInvocationOperation)path
            : null;
        foreach (var child in path.ChildOperations)
        {
            var value = child is IArgumentOperation argument ? argument.Value : child;
            var isFolder = combine is not null && combine.Arguments.Length > 0 && child is IArgumentOperation { Syntax: var syntax } && syntax != combine.Arguments[combine.Arguments.Length - 1].Syntax;
            Collect(value, symbols, composite: true, inName && !isFolder, depth + 1);
        }
    }

    private void AddConstant(string constant, bool inName)
    {
        Constants.Add(constant);
        if (!inName)
        {
            return;
        }

        NameConstants.Add(constant);
        foreach (var c in constant)
        {
            if (char.IsLetterOrDigit(c))
            {
                Keys.Add("C:" + constant.ToLowerInvariant());
                Words.Add(constant.ToLowerInvariant());
                return;
            }
        }
    }

    private void AddSymbol(ISymbol symbol, bool composite)
    {
        Words.Add(symbol.Name.ToLowerInvariant());
        if (!composite)
        {
            Keys.Add("S:" + SymbolKey(symbol));
        }
    }

    /// <summary>String literals in the initializers and assignments of a field or property in the same tree (its file name).</summary>
    private void AddInitializerConstants(ISymbol member, SemanticModel? semanticModel, bool inName)
    {
        if (semanticModel is null || member.ContainingType is null)
        {
            return;
        }

        foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != semanticModel.SyntaxTree)
            {
                continue;
            }

            foreach (var node in TypeSyntaxIndex.Get(reference.GetSyntax()).WritesToMemberNamed(member.Name))
            {
                SyntaxNode? value = node switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value,
                    AssignmentExpressionSyntax assignment => assignment.Right,
                    _ => null,
                };

                if (value is null)
                {
                    continue;
                }

                foreach (var token in value.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken))
                    {
                        Constants.Add(token.ValueText);
                        if (inName)
                        {
                            NameConstants.Add(token.ValueText);
                        }
                    }
                }
            }
        }
    }

    /// <summary>A key for a symbol that is the same whichever semantic model bound it.</summary>
    private static string SymbolKey(ISymbol symbol)
    {
        if (symbol is ILocalSymbol or IParameterSymbol)
        {
            var location = symbol.Locations.Length > 0 ? symbol.Locations[0] : null;
            return symbol.Name + "@" + location?.SourceTree?.FilePath + ":" + location?.SourceSpan.Start;
        }

        return symbol.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "/" + symbol.Kind;
    }

    private static string Text(SyntaxNode syntax)
    {
        var builder = new StringBuilder();
        foreach (var token in syntax.DescendantTokens())
        {
            builder.Append(token.Text);
        }

        return builder.ToString();
    }
}
