using System;
using Microsoft.CodeAnalysis;
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
            IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } => IsCallbackTempPath(value, parameter, symbols),
            IMethodSymbol { MethodKind: MethodKind.Ordinary } method => IsTempFromEveryCaller(method, parameter, symbols, value.SemanticModel),
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

    private static bool IsTempFromEveryCaller(IMethodSymbol method, IParameterSymbol parameter, KnownSymbols symbols, SemanticModel? model)
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
            if (call.ArgumentValue(parameter.Ordinal) is not { } argument
                || !(TempPaths.IsTempPath(argument, symbols) || TempPaths.IsMovedLater(argument, symbols)))
            {
                return false;
            }
        }

        return callers.Count > 0;
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

    /// <summary>
    /// The path is the parameter of a lambda passed to a helper: in the compilation, the helper must call the
    /// delegate with a temp path or one it renames afterwards; outside it, the parameter's name must say temp.
    /// </summary>
    private static bool IsCallbackTempPath(IOperation path, IParameterSymbol parameter, KnownSymbols symbols)
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
        if (argument is not IArgumentOperation { Parameter: { } delegateParameter, Parent: IInvocationOperation helperCall })
        {
            return false;
        }

        var helper = helperCall.TargetMethod.OriginalDefinition;
        if (helper.DeclaringSyntaxReferences.IsEmpty)
        {
            return parameter.Name.IndexOf("tmp", StringComparison.OrdinalIgnoreCase) >= 0
                   || parameter.Name.IndexOf("temp", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        var body = CompilationCalls.Get(symbols).BodyOf(helper);
        if (body is null)
        {
            return false;
        }

        var invoked = false;
        foreach (var operation in body.Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Invoke", Instance: IParameterReferenceOperation target } invoke
                && target.Parameter.Ordinal == delegateParameter.OriginalDefinition.Ordinal
                && invoke.ArgumentValue(parameter.Ordinal) is { } handed)
            {
                if (!(TempPaths.IsTempPath(handed, symbols) || TempPaths.IsMovedLater(handed, symbols)))
                {
                    return false;
                }

                invoked = true;
            }
        }

        return invoked;
    }
}
