using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>
/// Temporary paths chosen by someone else than the writing method (rules.md, SW1001's exemptions): a parameter every
/// caller of the compilation fills with a temp path or a path it then renames, and the path a write-callback helper
/// (<c>Replace(path, tmp => File.WriteAllText(tmp, text))</c>) hands to its callback before it renames it.
/// </summary>
internal static class CallerPaths
{
    /// <summary>True when the write's path is a temp path its caller, its callback helper or a path helper of the compilation built.</summary>
    public static bool IsTempFromCaller(IOperation path, KnownSymbols symbols)
    {
        var value = path.WalkDownConversions();
        if (IsFromTempHelper(value, symbols, 0))
        {
            return true;
        }

        if (value is not IParameterReferenceOperation { Parameter: { } parameter })
        {
            return false;
        }

        return parameter.ContainingSymbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } => IsLambdaTempPath(value, parameter, symbols),
            IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } method
                => IsTempFromEveryUse(method, parameter, symbols, value.SemanticModel),
            _ => false,
        };
    }

    /// <summary>
    /// The path is (through locals) the result of a method of the compilation that returns only temp paths
    /// (<c>GetTempFilePath(ext) => Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ext)</c>).
    /// </summary>
    private static bool IsFromTempHelper(IOperation? value, KnownSymbols symbols, int depth)
    {
        value = value.WalkDownConversions();
        if (value is ILocalReferenceOperation local && depth < 2)
        {
            var assigned = OperationHelpers.AssignedValues(value.Root(), local.Local);
            foreach (var assignedValue in assigned)
            {
                if (!IsFromTempHelper(assignedValue, symbols, depth + 1))
                {
                    return false;
                }
            }

            return assigned.Count > 0;
        }

        if (value is not IInvocationOperation { TargetMethod: { } method } || method.DeclaringSyntaxReferences.IsEmpty
            || CompilationCalls.Get(symbols).BodyOf(method.OriginalDefinition) is not { } body)
        {
            return false;
        }

        var returns = 0;
        foreach (var operation in body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned } && !IsInLambda(operation))
            {
                if (!TempPaths.IsTempPath(returned, symbols))
                {
                    return false;
                }

                returns++;
            }
        }

        return returns > 0;
    }

    private static bool IsInLambda(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every call of the method in the compilation passes a temp path (or one it renames afterwards) for the parameter,
    /// and every use of it as a delegate (<c>Replace(path, WriteTo)</c>) hands it to a helper that calls it with one.
    /// Delegate uses are searched in the method's type (its method, for a local function); any other use (a field, an
    /// event, an argument of another helper) keeps the write reported.
    /// </summary>
    private static bool IsTempFromEveryUse(IMethodSymbol method, IParameterSymbol parameter, KnownSymbols symbols, SemanticModel? model)
    {
        // A method other assemblies can call may be given a destination by callers we cannot see.
        if (IsVisibleOutsideAssembly(method))
        {
            return false;
        }

        var calls = CompilationCalls.Get(symbols);
        calls.Remember(model);
        var callers = calls.CallersOf(method);
        foreach (var call in callers)
        {
            if (call.ArgumentValue(parameter.Ordinal) is not { } argument || !IsTempOrRenamed(argument, symbols))
            {
                return false;
            }
        }

        // A method only ever handed to callback helpers has no call to check, only its uses; and only a private method
        // or a local function is known to have no use outside the syntax searched for them.
        var namedOnlyInItsScope = method.MethodKind == MethodKind.LocalFunction || method.DeclaredAccessibility == Accessibility.Private;
        if (callers.Count == 0 && !namedOnlyInItsScope)
        {
            return false;
        }

        var uses = MethodGroupUses(method, symbols);
        foreach (var use in uses)
        {
            var argument = use.Parent is IDelegateCreationOperation creation ? creation.Parent : use.Parent;
            if (argument is not IArgumentOperation { Parameter: { } delegateParameter, Parent: IInvocationOperation helperCall }
                || !HelperHandsTemp(helperCall, delegateParameter, parameter, symbols))
            {
                return false;
            }
        }

        return callers.Count > 0 || uses.Count > 0;
    }

    private static bool IsTempOrRenamed(IOperation path, KnownSymbols symbols)
        => TempPaths.IsTempPath(path, symbols) || TempPaths.IsMovedLater(path, symbols);

    /// <summary>References to the method that are not calls, found in the syntax of the scope that can name it.</summary>
    private static List<IMethodReferenceOperation> MethodGroupUses(IMethodSymbol method, KnownSymbols symbols)
    {
        var uses = new List<IMethodReferenceOperation>();
        var calls = CompilationCalls.Get(symbols);
        foreach (var scope in NamingScopes(method))
        {
            foreach (var token in scope.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == method.Name
                    && token.Parent is SimpleNameSyntax name && !TypeSyntaxIndex.IsCalled(name)
                    && calls.Bind(name) is IMethodReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, method.OriginalDefinition))
                {
                    uses.Add(reference);
                }
            }
        }

        return uses;
    }

    private static IEnumerable<SyntaxNode> NamingScopes(IMethodSymbol method)
    {
        var owner = method.MethodKind == MethodKind.LocalFunction ? method.ContainingSymbol : method.ContainingType;
        foreach (var reference in owner.DeclaringSyntaxReferences)
        {
            yield return reference.GetSyntax();
        }
    }

    /// <summary>True when other assemblies can call it (public or protected, in types that are too).</summary>
    internal static bool IsVisibleOutsideAssembly(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The path is the parameter of a lambda passed to a helper that calls it with a temp path.</summary>
    private static bool IsLambdaTempPath(IOperation path, IParameterSymbol parameter, KnownSymbols symbols)
    {
        IOperation? current = path.Parent;
        while (current is not null and not IAnonymousFunctionOperation)
        {
            current = current.Parent;
        }

        if (current?.Parent is not { } lambdaUse)
        {
            return false;
        }

        var argument = lambdaUse is IDelegateCreationOperation ? lambdaUse.Parent : lambdaUse;
        return argument is IArgumentOperation { Parameter: { } delegateParameter, Parent: IInvocationOperation helperCall }
               && HelperHandsTemp(helperCall, delegateParameter, parameter, symbols);
    }

    /// <summary>
    /// The helper calls its delegate parameter with a temp path or one it renames afterwards (in the compilation), or,
    /// outside it, the callback's path parameter says temp by its name.
    /// </summary>
    private static bool HelperHandsTemp(IInvocationOperation helperCall, IParameterSymbol delegateParameter, IParameterSymbol pathParameter, KnownSymbols symbols)
    {
        var helper = helperCall.TargetMethod.OriginalDefinition;
        if (helper.DeclaringSyntaxReferences.IsEmpty)
        {
            return pathParameter.Name.IndexOf("tmp", StringComparison.OrdinalIgnoreCase) >= 0
                   || pathParameter.Name.IndexOf("temp", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        if (CompilationCalls.Get(symbols).BodyOf(helper) is not { } body)
        {
            return false;
        }

        var invoked = false;
        foreach (var operation in body.Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Invoke" } invoke
                && invoke.InvokedDelegate() is IParameterReferenceOperation target
                && target.Parameter.Ordinal == delegateParameter.OriginalDefinition.Ordinal
                && invoke.ArgumentValue(pathParameter.Ordinal) is { } handed)
            {
                if (!IsTempOrRenamed(handed, symbols))
                {
                    return false;
                }

                invoked = true;
            }
        }

        return invoked;
    }
}
