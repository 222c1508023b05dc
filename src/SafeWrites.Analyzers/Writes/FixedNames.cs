using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>
/// SW1006's question of a <see cref="Publish"/>: is the temporary path a fixed name per destination (the destination
/// plus a constant suffix, its file name in another directory, a constant), and where is that name derived?
/// </summary>
internal static class FixedNames
{
    private const int MaxDepth = 6;

    /// <summary>The expression that derives a fixed temporary name (in the publish method, a member initializer or assignment of the type, or a caller's argument), else null.</summary>
    public static IOperation? Find(Publish publish, KnownSymbols symbols)
    {
        var source = publish.Source.WalkDownConversions();
        var destination = publish.Destination;
        if (source is null || TempPaths.IsSamePath(source, null, destination, null, symbols))
        {
            return null;
        }

        return Derivation(source, destination, null, symbols);
    }

    /// <summary>Where the path in <paramref name="source"/> is derived, when that derivation is a fixed name.</summary>
    private static IOperation? Derivation(IOperation source, IOperation destination, IInvocationOperation? callSite, KnownSymbols symbols)
    {
        switch (source.WalkDownConversions())
        {
            case ILocalReferenceOperation local:
                foreach (var value in OperationHelpers.AssignedValues(source.Root(), local.Local))
                {
                    // `string temp = "";` before the real name is assigned: a placeholder, not a file name.
                    if (!IsPlaceholder(value) && IsFixed(value, destination, callSite, symbols, 0))
                    {
                        return value;
                    }
                }

                return null;

            case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol publisher } parameter } when callSite is null:
                foreach (var call in Publishes.CallsOf(publisher, source.SemanticModel))
                {
                    if (call.ArgumentValue(parameter.Ordinal) is { } argument && Derivation(argument, destination, call, symbols) is { } found)
                    {
                        return found;
                    }
                }

                return null;

            case IFieldReferenceOperation or IPropertyReferenceOperation when source.ReferencedSymbol() is { } member:
                return MemberValue(member, source.SemanticModel, destination, symbols);

            default:
                return IsFixed(source, destination, callSite, symbols, 0) ? source : null;
        }
    }

    private static bool IsPlaceholder(IOperation value)
        => value.WalkDownConversions()?.ConstantValue is { HasValue: true, Value: null or "" };

    /// <summary>The initializer or an assignment (same file) of a field or property that is a fixed name.</summary>
    private static IOperation? MemberValue(ISymbol member, SemanticModel? semanticModel, IOperation destination, KnownSymbols symbols)
    {
        if (member is IFieldSymbol { IsConst: true, ConstantValue: string } field)
        {
            // const string TempFile = "state.tmp": fixed; reported where it is declared.
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } constant } && semanticModel?.SyntaxTree == reference.SyntaxTree)
                {
                    return semanticModel.GetOperation(constant);
                }
            }

            return null;
        }

        foreach (var declaration in Publishes.TypeDeclarations(member.ContainingType, semanticModel))
        {
            foreach (var node in TypeSyntaxIndex.Get(declaration).WritesToMemberNamed(member.Name))
            {
                var valueSyntax = node switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value,
                    AssignmentExpressionSyntax assignment => assignment.Right,
                    _ => null,
                };

                if (valueSyntax is not null && semanticModel!.GetOperation(valueSyntax) is { } value
                    && IsFixed(value, destination, null, symbols, 0))
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// True when every part of the path is a constant, the destination (or its file name or directory), a member of
    /// the type (a directory), or <c>Path.GetTempPath()</c>, joined by concatenation, interpolation or <c>Path</c>'s
    /// name functions: nothing in it differs from one call to the next.
    /// </summary>
    private static bool IsFixed(IOperation? value, IOperation destination, IInvocationOperation? callSite, KnownSymbols symbols, int depth)
    {
        value = value.WalkDownConversions();
        if (value is null || depth > MaxDepth)
        {
            return false;
        }

        return Parts(value, destination, callSite, symbols, depth);
    }

    private static bool Parts(IOperation value, IOperation destination, IInvocationOperation? callSite, KnownSymbols symbols, int depth)
    {
        value = value.WalkDownConversions()!;
        if (depth > MaxDepth)
        {
            return false;
        }

        if (value.ConstantValue.HasValue)
        {
            return true;
        }

        if (NamesDestination(value, destination, callSite, symbols))
        {
            return true;
        }

        switch (value)
        {
            case ILocalReferenceOperation local:
                var assigned = OperationHelpers.AssignedValues(value.Root(), local.Local);
                return assigned.Count == 1 && Parts(assigned[0], destination, callSite, symbols, depth + 1);

            case IParameterReferenceOperation:
                // A caller may pass anything, a unique suffix too.
                return false;

            case IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }:
                // A member of the type (a directory, a base name) is the same for every call; another type's
                // (Environment.ProcessId, DateTime.Now) may not be.
                return value.ReferencedSymbol()?.ContainingType is { } owner
                       && SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, value.SemanticModel?.GetEnclosingSymbol(value.Syntax.SpanStart)?.ContainingType?.OriginalDefinition);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return Parts(binary.LeftOperand, destination, callSite, symbols, depth + 1) && Parts(binary.RightOperand, destination, callSite, symbols, depth + 1);

            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation && !Parts(interpolation.Expression, destination, callSite, symbols, depth + 1))
                    {
                        return false;
                    }
                }

                return true;

            case IInvocationOperation invocation when IsNameFunction(invocation, symbols):
                foreach (var argument in invocation.Arguments)
                {
                    if (!Parts(argument.Value, destination, callSite, symbols, depth + 1))
                    {
                        return false;
                    }
                }

                return true;

            default:
                return false;
        }
    }

    /// <summary>
    /// The value is the destination (a caller's argument for a helper's parameter), or what the destination member
    /// was set from (<c>_temp = path + ".tmp"</c> beside <c>_path = path</c> in a constructor).
    /// </summary>
    private static bool NamesDestination(IOperation value, IOperation destination, IInvocationOperation? callSite, KnownSymbols symbols)
    {
        if (TempPaths.IsSamePath(value, null, destination, callSite, symbols))
        {
            return true;
        }

        if (value is not IParameterReferenceOperation || destination.WalkDownConversions() is not (IFieldReferenceOperation or IPropertyReferenceOperation)
            || destination.ReferencedSymbol() is not { } member)
        {
            return false;
        }

        foreach (var declaration in Publishes.TypeDeclarations(member.ContainingType, destination.SemanticModel))
        {
            foreach (var node in TypeSyntaxIndex.Get(declaration).WritesToMemberNamed(member.Name))
            {
                if (node is AssignmentExpressionSyntax assignment && node.SyntaxTree == value.Syntax.SyntaxTree
                    && value.SemanticModel?.GetOperation(assignment.Right) is { } assigned
                    && TempPaths.IsSamePath(value, null, assigned, null, symbols))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>Path.Combine/Join/ChangeExtension/GetFileName…/GetDirectoryName/GetTempPath</c>, <c>string.Concat/Format</c>: they add nothing unique.</summary>
    private static bool IsNameFunction(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (symbols.IsType(method.ContainingType, symbols.Path))
        {
            return method.Name is "Combine" or "Join" or "ChangeExtension" or "GetFileName" or "GetFileNameWithoutExtension"
                or "GetDirectoryName" or "GetExtension" or "GetFullPath" or "GetTempPath";
        }

        return method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic && method.Name is "Concat" or "Format";
    }
}
