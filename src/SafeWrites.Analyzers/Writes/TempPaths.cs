using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>
/// Facts about the path of a write: is it a temporary path, and is it moved or replaced onto another path
/// afterwards (the temp-then-rename pattern, which SW1001/SW1002 leave to SW1005/SW1006).
/// </summary>
internal static class TempPaths
{
    // Bounds the walk through locals, members and nested expressions (and breaks cycles such as a = b; b = a).
    private const int MaxDepth = 8;

    /// <summary>
    /// True when the path is <c>Path.GetTempFileName()</c> or is built from <c>Path.GetTempPath()</c> /
    /// <c>Path.GetRandomFileName()</c>, inline, through locals of the method, or through a <c>FileInfo</c> over one.
    /// </summary>
    public static bool IsTempPath(IOperation? path, KnownSymbols symbols) => IsTempPath(path, symbols, symbols.TempPathSources, 0);

    /// <summary>True when the path lies in the temp directory (<c>GetTempFileName</c>, <c>GetTempPath</c>, <c>CreateTempSubdirectory</c>), as <see cref="IsTempPath(IOperation?, KnownSymbols)"/> follows it.</summary>
    public static bool IsInTempDirectory(IOperation? path, KnownSymbols symbols) => IsTempPath(path, symbols, symbols.TempDirectorySources, 0);

    /// <summary>True when the two path operands name the same path (the same local, parameter, field or property, the path a FileInfo was made from, or equal expressions); a callee's parameter stands for the argument of its call site.</summary>
    public static bool IsSamePath(IOperation? left, IInvocationOperation? leftCallSite, IOperation? right, IInvocationOperation? rightCallSite, KnownSymbols symbols)
    {
        var leftKeys = new List<PathKey>();
        CollectKeys(left, leftKeys, leftCallSite, symbols, 0);
        if (leftKeys.Count == 0)
        {
            return false;
        }

        var rightKeys = new List<PathKey>();
        CollectKeys(right, rightKeys, rightCallSite, symbols, 0);
        return PathKey.Intersects(leftKeys, rightKeys);
    }

    private static bool IsTempPath(IOperation? path, KnownSymbols symbols, HashSet<ISymbol> sources, int depth)
    {
        path = path.WalkDownConversions();
        if (path is null || depth > MaxDepth || sources.Count == 0)
        {
            return false;
        }

        if (path is ILocalReferenceOperation local)
        {
            foreach (var value in OperationHelpers.AssignedValues(path.Root(), local.Local))
            {
                if (IsTempPath(value, symbols, sources, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        if (path is IInvocationOperation invocation && KnownSymbols.Contains(sources, invocation.TargetMethod))
        {
            return true;
        }

        // A field or property of the type set to a temp path (a test fixture's _tempDir, a scratch file).
        if (path is IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }
            && path.ReferencedSymbol() is { } member
            && IsTempMember(member, path.SemanticModel, symbols, sources, depth + 1))
        {
            return true;
        }

        // Path.Combine(Path.GetTempPath(), name), $"{Path.GetTempPath()}x", tempDir + "x", new FileInfo(temp), info.FullName …
        foreach (var child in path.ChildOperations)
        {
            if (IsTempPath(child is IArgumentOperation argument ? argument.Value : child, symbols, sources, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a field or property of the type is initialized or assigned (in this syntax tree) with a temp path.
    /// </summary>
    private static bool IsTempMember(ISymbol member, SemanticModel? semanticModel, KnownSymbols symbols, HashSet<ISymbol> sources, int depth)
    {
        if (semanticModel is null || member.ContainingType is null || depth > MaxDepth)
        {
            return false;
        }

        var name = member.Name;
        foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != semanticModel.SyntaxTree)
            {
                continue;
            }

            foreach (var node in TypeSyntaxIndex.Get(reference.GetSyntax()).WritesToMemberNamed(name))
            {
                SyntaxNode? valueSyntax = node switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value,
                    AssignmentExpressionSyntax assignment => assignment.Right,
                    _ => null,
                };

                if (valueSyntax is null || semanticModel.GetOperation(valueSyntax) is not { } value)
                {
                    continue;
                }

                var target = node switch
                {
                    VariableDeclaratorSyntax declarator => semanticModel.GetDeclaredSymbol(declarator),
                    PropertyDeclarationSyntax property => semanticModel.GetDeclaredSymbol(property),
                    _ => (value.Parent as ISimpleAssignmentOperation)?.Target.ReferencedSymbol(),
                };

                if (SymbolEqualityComparer.Default.Equals(target?.OriginalDefinition, member.OriginalDefinition) && IsTempPath(value, symbols, sources, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when the file written at <paramref name="path"/> is later moved or replaced onto another path
    /// (<c>File.Move</c>, <c>File.Replace</c>, <c>FileInfo.MoveTo</c>, <c>FileInfo.Replace</c>): in the same method,
    /// in a method of the same type that it calls (the path passed along as an argument or kept in the same field
    /// or property), or, when the path is a parameter, by every caller in the type after calling it.
    /// </summary>
    public static bool IsMovedLater(IOperation path, KnownSymbols symbols)
    {
        if (symbols.FileMoves.Count == 0 && symbols.FileInfoMoves.Count == 0)
        {
            return false;
        }

        var keys = new List<PathKey>();
        CollectKeys(path, keys, callSite: null, symbols, 0);
        if (keys.Count == 0)
        {
            return false;
        }

        var root = path.Root();
        var containingType = ContainingType(path);
        if (HasMoveFrom(root, keys, callSite: null, containingType, symbols, depth: 0, after: PositionInFlow(path)))
        {
            return true;
        }

        return IsParameterMovedByEveryCaller(path, keys, containingType, symbols);
    }

    /// <summary>
    /// Where the operation runs in its member's statement order; 0 (anywhere) inside a lambda or local function,
    /// whose body may be declared after the code that runs it.
    /// </summary>
    private static int PositionInFlow(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return 0;
            }
        }

        return operation.Syntax.SpanStart;
    }

    private static INamedTypeSymbol? ContainingType(IOperation operation)
        => operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart)?.ContainingType;

    /// <summary>
    /// A move of one of <paramref name="keys"/> in <paramref name="scope"/> (or a callee of the type), at or after
    /// position <paramref name="after"/>: a move before the write is a backup of the old file, not a publish.
    /// </summary>
    private static bool HasMoveFrom(IOperation scope, List<PathKey> keys, IInvocationOperation? callSite, INamedTypeSymbol? containingType, KnownSymbols symbols, int depth, int after = 0)
    {
        foreach (var operation in scope.Descendants())
        {
            if (operation is not IInvocationOperation invocation || invocation.Syntax.SpanStart < after)
            {
                continue;
            }

            // A rename of System.IO, of its abstractions, of a wrapper of the compilation or a listed method; a copy over the
            // destination with overwrite publishes too (SW1001 reports it at the copy, not at the temp write).
            IOperation? source = null;
            if (WriteMethods.TryGetAnyTransfer(invocation, symbols, out var kind, out var from, out _)
                && (kind != WriteMethodKind.Copy || InPlaceWrites.OverwritesDestination(invocation)))
            {
                source = from;
            }
            else if (depth == 0 && containingType is not null && CalleeBody(invocation, containingType) is { } calleeBody
                     && HasMoveFrom(calleeBody, keys, invocation, containingType, symbols, depth + 1))
            {
                return true;
            }

            if (source is not null)
            {
                var sourceKeys = new List<PathKey>();
                CollectKeys(source, sourceKeys, callSite, symbols, 0);
                if (PathKey.Intersects(keys, sourceKeys))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The body of a method of <paramref name="containingType"/> declared in the same syntax tree, else null.</summary>
    private static IOperation? CalleeBody(IInvocationOperation invocation, INamedTypeSymbol containingType)
    {
        var method = invocation.TargetMethod;
        if (method is null || method.MethodKind != MethodKind.Ordinary
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, containingType.OriginalDefinition))
        {
            return null;
        }

        return OperationHelpers.BodyOf(method.OriginalDefinition, invocation.SemanticModel);
    }

    /// <summary>
    /// The write's path is a parameter of a private helper (<c>WriteTo(string path)</c>) and every call of the
    /// helper in the type moves the argument it passed afterwards.
    /// </summary>
    private static bool IsParameterMovedByEveryCaller(IOperation path, List<PathKey> keys, INamedTypeSymbol? containingType, KnownSymbols symbols)
    {
        IParameterSymbol? parameter = null;
        foreach (var key in keys)
        {
            if (key.Symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } } candidate)
            {
                parameter = candidate;
                break;
            }
        }

        var semanticModel = path.SemanticModel;

        // Only private helpers: a caller outside the type could pass a destination.
        if (parameter is null || containingType is null || semanticModel is null
            || parameter.ContainingSymbol is not IMethodSymbol { DeclaredAccessibility: Accessibility.Private } helper)
        {
            return false;
        }

        var callers = 0;
        foreach (var reference in containingType.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != semanticModel.SyntaxTree)
            {
                continue;
            }

            foreach (var node in TypeSyntaxIndex.Get(reference.GetSyntax()).InvocationsNamed(helper.Name))
            {
                if (semanticModel.GetOperation(node) is not IInvocationOperation call
                    || !SymbolEqualityComparer.Default.Equals(call.TargetMethod?.OriginalDefinition, helper.OriginalDefinition))
                {
                    continue;
                }

                var argument = call.ArgumentValue(parameter.Ordinal);
                var argumentKeys = new List<PathKey>();
                CollectKeys(argument, argumentKeys, null, symbols, 0);
                if (argumentKeys.Count == 0 || !HasMoveFrom(call.Root(), argumentKeys, null, containingType, symbols, depth: 1, after: PositionInFlow(call)))
                {
                    return false;
                }

                callers++;
            }
        }

        return callers > 0;
    }

    /// <summary>
    /// The identities of a path operand: the local, parameter, field or property it reads; the path a FileInfo
    /// local was made from; or the expression itself (compared by shape).
    /// </summary>
    private static void CollectKeys(IOperation? operand, List<PathKey> keys, IInvocationOperation? callSite, KnownSymbols symbols, int depth)
    {
        operand = operand.WalkDownConversions();
        if (operand is null || depth > MaxDepth)
        {
            return;
        }

        // A callee's parameter stands for the argument its caller passed.
        if (callSite is not null && operand is IParameterReferenceOperation parameterReference
            && SymbolEqualityComparer.Default.Equals(parameterReference.Parameter.ContainingSymbol.OriginalDefinition, callSite.TargetMethod.OriginalDefinition))
        {
            CollectKeys(callSite.ArgumentValue(parameterReference.Parameter.Ordinal), keys, null, symbols, depth + 1);
            return;
        }

        if (operand is IPropertyReferenceOperation { Instance: { } fileInfo } fullName && IsFullName(fullName.Property, symbols))
        {
            CollectKeys(fileInfo, keys, callSite, symbols, depth + 1);
            return;
        }

        if (FileInfoPath(operand, symbols) is { } infoPath)
        {
            CollectKeys(infoPath, keys, callSite, symbols, depth + 1);
            return;
        }

        var symbol = operand.ReferencedSymbol();
        if (symbol is null)
        {
            keys.Add(new PathKey(null, operand.Syntax));
            return;
        }

        keys.Add(new PathKey(symbol, null));
        if (symbol is ILocalSymbol local && symbols.IsFileInfoLike(local.Type))
        {
            foreach (var value in OperationHelpers.AssignedValues(operand.Root(), local))
            {
                CollectKeys(value, keys, callSite, symbols, depth + 1);
            }
        }
    }

    /// <summary>The path a <c>new FileInfo(path)</c> or System.IO.Abstractions <c>fs.FileInfo.New(path)</c> is made from, else null.</summary>
    public static IOperation? FileInfoPath(IOperation? operand, KnownSymbols symbols) => operand switch
    {
        IObjectCreationOperation creation when symbols.IsType(creation.Type, symbols.FileInfo) => creation.ArgumentValue(0),
        IInvocationOperation invocation when KnownSymbols.Contains(symbols.FileInfoFactoryNews, invocation.TargetMethod) => invocation.ArgumentValue(0),
        _ => null,
    };

    private static bool IsFullName(IPropertySymbol? property, KnownSymbols symbols)
    {
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (symbols.FileSystemInfoFullName.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private readonly struct PathKey
    {
        public PathKey(ISymbol? symbol, SyntaxNode? expression)
        {
            Symbol = symbol;
            Expression = expression;
        }

        public ISymbol? Symbol { get; }

        public SyntaxNode? Expression { get; }

        public static bool Intersects(List<PathKey> left, List<PathKey> right)
        {
            foreach (var a in left)
            {
                foreach (var b in right)
                {
                    if (a.Symbol is not null && SymbolEqualityComparer.Default.Equals(a.Symbol, b.Symbol))
                    {
                        return true;
                    }

                    if (a.Expression is not null && b.Expression is not null && SyntaxFactory.AreEquivalent(a.Expression, b.Expression))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
