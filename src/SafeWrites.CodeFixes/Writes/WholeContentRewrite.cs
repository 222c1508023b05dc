using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Writes;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Writes;

/// <summary>
/// <c>File.WriteAllX(…)</c> → <c>AtomicFile.WriteAllX(…)</c> (same arguments, every overload the runtime mirrors,
/// awaits kept), and <c>File.WriteAllText(p, JsonSerializer.Serialize(v[, o]))</c> →
/// <c>AtomicFile.WriteJson(p, v[, o])</c>.
/// </summary>
internal static class WholeContentRewrite
{
    /// <summary>Swaps the <c>File</c> receiver for <c>AtomicFile</c>; null when the runtime has no matching overload.</summary>
    public static FixPlan? TrySwapReceiver(FixContext context, InvocationExpressionSyntax invocation)
    {
        if (context.Operation(invocation) is not IInvocationOperation operation
            || !FileWrites.TryClassify(operation, context.Symbols, out var write)
            || write.Shape != FileWriteShape.WholeContent
            || write.Mode != FileWriteMode.Overwrite)
        {
            return null;
        }

        var atomicFile = context.AtomicFileName(invocation.SpanStart, out var needsImport);
        ExpressionSyntax? newExpression = invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.WithExpression(atomicFile.WithTriviaFrom(memberAccess.Expression)),
            SimpleNameSyntax name => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, atomicFile, name.WithoutTrivia()).WithTriviaFrom(name),
            _ => null,
        };

        if (newExpression is null)
        {
            return null;
        }

        var newInvocation = invocation.WithExpression(newExpression);
        return context.BindsToAtomicFile(invocation.SpanStart, newInvocation)
            ? new ReplaceNodePlan(invocation, newInvocation) { NeedsSafeWritesImport = needsImport }
            : null;
    }

    /// <summary>
    /// <c>File.WriteAllText[Async](p, JsonSerializer.Serialize(v[, options | typeInfo])[, ct])</c> and the
    /// <c>WriteAllBytes</c> / <c>SerializeToUtf8Bytes</c> form → <c>AtomicFile.WriteJson[Async](p, v[, …][, cancellationToken: ct])</c>.
    /// Null when the content is not an inline generic System.Text.Json call or an encoding is passed.
    /// </summary>
    public static FixPlan? TryWriteJson(FixContext context, InvocationExpressionSyntax invocation)
    {
        var symbols = context.Symbols;
        if (context.Operation(invocation) is not IInvocationOperation operation
            || !KnownSymbols.Contains(symbols.FileWholeTextOrBytesWrites, operation.TargetMethod))
        {
            return null;
        }

        // Only (path, content[, cancellationToken]): an encoding changes the bytes WriteJson would write.
        ExpressionSyntax? cancellationToken = null;
        foreach (var argument in operation.Arguments)
        {
            if (argument.Parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter.Ordinal < 2)
            {
                continue;
            }

            if (!symbols.IsType(argument.Parameter.Type, symbols.CancellationToken) || argument.Syntax is not ArgumentSyntax tokenSyntax)
            {
                return null;
            }

            cancellationToken = tokenSyntax.Expression;
        }

        if (operation.ArgumentValue(0)?.Syntax is not ExpressionSyntax path
            || operation.ArgumentValue(1).WalkDownConversions() is not IInvocationOperation serialize
            || JsonText.Classify(serialize, symbols) != JsonSource.SystemTextJsonSerializer
            || serialize.Syntax is not InvocationExpressionSyntax serializeSyntax
            || !TryGetGenericSerializeArguments(serialize, context, out var value, out var optionsOrTypeInfo))
        {
            return null;
        }

        var isAsync = operation.TargetMethod.Name.EndsWith("Async", System.StringComparison.Ordinal);
        SimpleNameSyntax name = SyntaxFactory.IdentifierName(isAsync ? "WriteJsonAsync" : "WriteJson");
        if (serializeSyntax.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax generic })
        {
            name = SyntaxFactory.GenericName(name.Identifier, generic.TypeArgumentList);
        }

        var arguments = new List<ArgumentSyntax> { Invocations.Argument(path), Invocations.Argument(value) };
        if (optionsOrTypeInfo is not null)
        {
            arguments.Add(Invocations.Argument(optionsOrTypeInfo));
        }

        if (cancellationToken is not null)
        {
            arguments.Add(Invocations.Named("cancellationToken", cancellationToken));
        }

        var atomicFile = context.AtomicFileName(invocation.SpanStart, out var needsImport);
        var newInvocation = Invocations.Call(atomicFile, name, arguments);
        return context.BindsToAtomicFile(invocation.SpanStart, newInvocation)
            ? new ReplaceNodePlan(invocation, newInvocation) { NeedsSafeWritesImport = needsImport }
            : null;
    }

    /// <summary>
    /// The value and the options / type info of a generic System.Text.Json call:
    /// <c>Serialize&lt;T&gt;([stream,] value[, options | typeInfo][, ct])</c>. False for the (object, Type) overloads.
    /// </summary>
    public static bool TryGetGenericSerializeArguments(IInvocationOperation serialize, FixContext context, out ExpressionSyntax value, out ExpressionSyntax? optionsOrTypeInfo)
    {
        value = null!;
        optionsOrTypeInfo = null;
        var method = serialize.TargetMethod;
        if (!method.IsGenericMethod || method.TypeParameters.Length != 1)
        {
            return false;
        }

        var typeParameter = method.OriginalDefinition.TypeParameters[0];
        foreach (var argument in serialize.Arguments)
        {
            var parameter = argument.Parameter?.OriginalDefinition;
            if (parameter is null || argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Syntax is not ArgumentSyntax syntax)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(parameter.Type, typeParameter))
            {
                value = syntax.Expression;
            }
            else if (context.Symbols.IsType(parameter.Type, context.Symbols.JsonSerializerOptions)
                     || context.Symbols.IsType(parameter.Type, context.Symbols.JsonTypeInfoOfT))
            {
                optionsOrTypeInfo = syntax.Expression;
            }
        }

        return value is not null;
    }
}
