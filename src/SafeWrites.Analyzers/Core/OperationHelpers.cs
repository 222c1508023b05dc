using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace SafeWrites.Analyzers.Core;

/// <summary>Small IOperation utilities shared by all rules. None of them throws on broken code.</summary>
internal static class OperationHelpers
{
    /// <summary>Skips implicit and explicit conversions (and C# parentheses, which have no operation).</summary>
    public static IOperation? WalkDownConversions(this IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The operation that consumes <paramref name="operation"/>'s value, skipping conversions.</summary>
    public static IOperation? ConsumerOf(this IOperation operation, out IOperation consumed)
    {
        consumed = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            consumed = parent;
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The delegate an invocation calls: <c>write</c> in <c>write(tmp)</c> or <c>write.Invoke(tmp)</c>, and the receiver of the conditional access in <c>write?.Invoke(tmp)</c>.</summary>
    public static IOperation? InvokedDelegate(this IInvocationOperation invocation)
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

    /// <summary>
    /// The outermost operation of the member body that contains <paramref name="operation"/> (a method body,
    /// a top-level statements body, a field initializer …). Lambdas and local functions are inside it, so a
    /// search of the root sees every use of a local captured by them.
    /// </summary>
    public static IOperation Root(this IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>The argument passed for the parameter at <paramref name="ordinal"/>, or null.</summary>
    public static IOperation? ArgumentValue(this IInvocationOperation invocation, int ordinal)
        => ArgumentValue(invocation.Arguments, ordinal);

    public static IOperation? ArgumentValue(this IObjectCreationOperation creation, int ordinal)
        => ArgumentValue(creation.Arguments, ordinal);

    public static IOperation? ArgumentValue(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Ordinal == ordinal)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
            }
        }

        return null;
    }

    /// <summary>The argument passed for the first parameter of the given type, or null.</summary>
    public static IOperation? ArgumentOfType(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter
                && SymbolEqualityComparer.Default.Equals(parameter.Type.OriginalDefinition, type)
                && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>A constant of an enum or integral type as a long, when the compiler knows it.</summary>
    public static bool TryGetConstant(this IOperation? operation, out long value)
    {
        value = 0;
        if (operation is null || !operation.ConstantValue.HasValue || operation.ConstantValue.Value is null)
        {
            return false;
        }

        try
        {
            value = System.Convert.ToInt64(operation.ConstantValue.Value, System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }
        catch (System.Exception ex) when (ex is System.InvalidCastException or System.FormatException or System.OverflowException)
        {
            return false;
        }
    }

    /// <summary>The symbol a reference operation names (local, parameter, field, property), else null.</summary>
    public static ISymbol? ReferencedSymbol(this IOperation? operation)
        => operation.WalkDownConversions() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property when property.Arguments.IsEmpty => property.Property,
            _ => null,
        };

    /// <summary>Every operation under <paramref name="root"/> that references <paramref name="symbol"/>.</summary>
    public static List<IOperation> FindReferences(IOperation root, ISymbol symbol)
    {
        var result = new List<IOperation>();
        foreach (var operation in root.Descendants())
        {
            if (operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                && SymbolEqualityComparer.Default.Equals(operation.ReferencedSymbol(), symbol))
            {
                result.Add(operation);
            }
        }

        return result;
    }

    /// <summary>The values assigned to a local in <paramref name="root"/>: its initializer and simple assignments.</summary>
    public static List<IOperation> AssignedValues(IOperation root, ILocalSymbol local)
    {
        var result = new List<IOperation>();
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) && declarator.Initializer is { } initializer:
                    result.Add(initializer.Value);
                    break;
                case IVariableDeclaratorOperation declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                         && declarator.Parent is IVariableDeclarationOperation { Initializer: { } sharedInitializer }:
                    result.Add(sharedInitializer.Value);
                    break;
                case ISimpleAssignmentOperation assignment
                    when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local):
                    result.Add(assignment.Value);
                    break;
            }
        }

        return result;
    }

    /// <summary>True when the operation or an enclosing lambda / local function / method is async.</summary>
    public static bool IsInAsyncCode(this IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                return lambda.Symbol.IsAsync;
            }

            if (current is ILocalFunctionOperation localFunction)
            {
                return localFunction.Symbol.IsAsync;
            }
        }

        return operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) is IMethodSymbol { IsAsync: true };
    }

    /// <summary>
    /// The location of the first line of <paramref name="syntax"/> (rules.md: the squiggle sits on the first
    /// line of the syntax it reports).
    /// </summary>
    public static Location FirstLineLocation(SyntaxNode syntax)
    {
        var tree = syntax.SyntaxTree;
        var span = syntax.Span;
        var text = tree.GetText();
        var line = text.Lines.GetLineFromPosition(span.Start);
        if (line.End >= span.End)
        {
            return Location.Create(tree, span);
        }

        var end = line.End;
        while (end > span.Start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return Location.Create(tree, TextSpan.FromBounds(span.Start, end));
    }

    /// <summary>
    /// The body operation of a method declared in the tree <paramref name="semanticModel"/> binds, else null (a
    /// partial part or a method in another file is not seen: documented limit of the "helper method" rules).
    /// </summary>
    public static IOperation? BodyOf(IMethodSymbol method, SemanticModel? semanticModel)
    {
        if (semanticModel is null)
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == semanticModel.SyntaxTree)
            {
                return semanticModel.GetOperation(reference.GetSyntax());
            }
        }

        return null;
    }
}
