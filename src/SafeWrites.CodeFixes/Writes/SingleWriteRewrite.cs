using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Writes;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Writes;

/// <summary>
/// A stream or writer opened in place (a using local, possibly under <c>StreamWriter</c> / <c>JsonTextWriter</c>
/// using locals) whose whole content is written by one statement becomes one <c>AtomicFile</c> call, and the
/// now-unused usings go:
/// <list type="bullet">
/// <item><c>JsonSerializer.Serialize[Async](stream, v[, o | typeInfo][, ct])</c> → <c>[await] AtomicFile.WriteJson[Async](p, v[, …][, cancellationToken: ct])</c>;</item>
/// <item>Newtonsoft <c>serializer.Serialize(writer, v)</c> → <c>AtomicFile.WriteAllText(p, JsonConvert.SerializeObject(v[, settings])[, encoding])</c>, the settings taken from how the serializer was made;</item>
/// <item><c>writer.Write(text)</c> → <c>AtomicFile.WriteAllText(p, text[, encoding])</c>; <c>stream.Write(bytes)</c> → <c>AtomicFile.WriteAllBytes(p, bytes)</c> (and the async forms).</item>
/// </list>
/// </summary>
internal static class SingleWriteRewrite
{
    public static FixPlan? TryPlan(FixContext context, ExpressionSyntax openerSyntax)
    {
        var symbols = context.Symbols;
        if (context.Operation(openerSyntax) is not { } opener
            || !FileWrites.TryClassify(opener, symbols, out var write)
            || write.Shape != FileWriteShape.Opener
            || write.Mode != FileWriteMode.Overwrite
            || StreamCommitRewrite.PathExpression(write) is not { } path
            || !IsSimplePath(write.Path!)
            || UsingLocal.FromInitializer(openerSyntax, context) is not { } holder)
        {
            return null;
        }

        // Walk the chain opener → [StreamWriter] → [JsonTextWriter] → the one statement that writes.
        var usings = new List<UsingLocal> { holder };
        var encoding = TextOpenerEncoding(opener, symbols);
        var root = opener.Root();
        var current = holder;
        IOperation use;
        while (true)
        {
            var references = OperationHelpers.FindReferences(root, current.Local);
            if (references.Count != 1)
            {
                return null;
            }

            var consumer = references[0].ConsumerOf(out _);
            if (consumer is IArgumentOperation { Parent: IObjectCreationOperation wrapper }
                && IsRewritableWrapper(wrapper, current.Local, symbols, ref encoding)
                && wrapper.Syntax is ExpressionSyntax wrapperSyntax
                && UsingLocal.FromInitializer(wrapperSyntax, context) is { } next
                && (current.IsDeclaration ? current.Scope.Span : current.Statement.Span).Contains(next.Statement.Span))
            {
                usings.Add(next);
                current = next;
                continue;
            }

            use = references[0];
            break;
        }

        var innermost = usings[usings.Count - 1];
        if (UseStatement(use, innermost) is not { } useStatement
            || useStatement.Expression is not { } useExpression
            || WithoutConfigureAwait(useExpression is AwaitExpressionSyntax awaited ? awaited.Expression : useExpression) is not InvocationExpressionSyntax useInvocation
            || context.Operation(useInvocation) is not IInvocationOperation useOperation
            || holder.Scope != innermost.Scope
            || !holder.HasNoExitBefore(innermost.Scope.Statements.IndexOf(useStatement)))
        {
            // Before, the opener truncated the file even when the method left before writing; after, nothing
            // would happen then: only rewrite when the write always follows the open.
            return null;
        }

        var atomicFile = context.AtomicFileName(useInvocation.SpanStart, out var needsImport);
        var replacement = BuildReplacement(context, useOperation, current.Local, atomicFile, path, encoding);
        if (replacement is null || !context.BindsToAtomicFile(useInvocation.SpanStart, replacement))
        {
            return null;
        }

        var newStatement = useStatement.ReplaceNode(useInvocation, replacement.WithTriviaFrom(useInvocation));
        var outermost = usings[0];
        if (!HasRemovableShape(usings)
            || (!outermost.IsDeclaration && HasNameConflicts(context, (UsingStatementSyntax)outermost.Statement)))
        {
            return null;
        }

        var spans = new List<TextSpan> { outermost.Statement.Span, useStatement.Span };
        foreach (var usingLocal in usings)
        {
            spans.Add(usingLocal.Statement.Span);
        }

        return new DelegatePlan(spans.ToArray(), editor =>
        {
            if (outermost.IsDeclaration)
            {
                // All in one block: drop the declarations, then rewrite the statement that wrote.
                editor.ReplaceNode(useStatement, (node, _) => ((ExpressionStatementSyntax)node).WithExpression(newStatement.Expression));
                var declarations = new List<StatementSyntax>();
                foreach (var usingLocal in usings)
                {
                    if (usingLocal.Statement is LocalDeclarationStatementSyntax declaration)
                    {
                        declarations.Add(declaration);
                    }
                }

                Edits.RemoveStatementsKeepingComments(editor, outermost.Scope, declarations);

                return;
            }

            // A using statement (maybe stacked, maybe with the chain's using declarations inside): its body takes its place.
            var replace = new Dictionary<SyntaxNode, SyntaxNode?> { [useStatement] = newStatement };
            foreach (var usingLocal in usings)
            {
                if (usingLocal.Statement is LocalDeclarationStatementSyntax declaration)
                {
                    replace[declaration] = null;
                }
            }

            Edits.UnwrapUsingStatement(editor, (UsingStatementSyntax)outermost.Statement, innermost.Scope, replace);
        })
        { NeedsSafeWritesImport = needsImport };
    }

    /// <summary>
    /// The chain's usings can be removed together: all using declarations of one block, or one using statement
    /// whose stacked using statements are all in the chain, with using declarations of the chain in its body.
    /// </summary>
    private static bool HasRemovableShape(List<UsingLocal> usings)
    {
        var outermost = usings[0];
        var innermost = usings[usings.Count - 1];
        if (outermost.IsDeclaration)
        {
            foreach (var usingLocal in usings)
            {
                if (!usingLocal.IsDeclaration || usingLocal.Scope != outermost.Scope)
                {
                    return false;
                }
            }

            return true;
        }

        var stacked = new HashSet<SyntaxNode>();
        for (var statement = ((UsingStatementSyntax)outermost.Statement).Statement; statement is UsingStatementSyntax inner; statement = inner.Statement)
        {
            stacked.Add(inner);
        }

        var inChain = 0;
        foreach (var usingLocal in usings)
        {
            if (usingLocal == outermost)
            {
                continue;
            }

            if (usingLocal.IsDeclaration ? usingLocal.Scope != innermost.Scope : !stacked.Contains(usingLocal.Statement))
            {
                return false;
            }

            if (!usingLocal.IsDeclaration)
            {
                inChain++;
            }
        }

        // A stacked using that is not part of the chain (a lock, another file) must stay.
        return inChain == stacked.Count;
    }

    /// <summary><c>X(…).ConfigureAwait(b)</c> → <c>X(…)</c>: the rewrite replaces the inner call and keeps the ConfigureAwait.</summary>
    private static ExpressionSyntax WithoutConfigureAwait(ExpressionSyntax expression)
        => expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: InvocationExpressionSyntax inner } }
            ? inner
            : expression;

    private static ExpressionStatementSyntax? UseStatement(IOperation use, UsingLocal innermost)
    {
        for (var node = use.Syntax.Parent; node is not null; node = node.Parent)
        {
            if (node is StatementSyntax statement)
            {
                return statement is ExpressionStatementSyntax expressionStatement && statement.Parent == innermost.Scope
                    && innermost.Scope.Statements.IndexOf(statement) >= innermost.FirstStatementIndex
                    ? expressionStatement
                    : null;
            }
        }

        return null;
    }

    private static InvocationExpressionSyntax? BuildReplacement(FixContext context, IInvocationOperation use, ILocalSymbol written, ExpressionSyntax atomicFile, ExpressionSyntax path, ExpressionSyntax? encoding)
    {
        var symbols = context.Symbols;
        var method = use.TargetMethod;
        var arguments = new List<ArgumentSyntax> { Invocations.Argument(path) };
        var ct = CancellationTokenArgument(use, symbols);

        // System.Text.Json into the stream itself.
        if ((KnownSymbols.Contains(symbols.StjSerialize, method) || KnownSymbols.Contains(symbols.StjSerializeAsync, method))
            && KnownSymbols.InheritsFrom(written.Type, symbols.Stream) && IsArgument(use, 0, written)
            && WholeContentRewrite.TryGetGenericSerializeArguments(use, context, out var value, out var optionsOrTypeInfo))
        {
            arguments.Add(Invocations.Argument(value));
            if (optionsOrTypeInfo is not null)
            {
                arguments.Add(Invocations.Argument(optionsOrTypeInfo));
            }

            if (ct is not null)
            {
                arguments.Add(Invocations.Named("cancellationToken", ct));
            }

            var name = method.Name == "SerializeAsync" ? "WriteJsonAsync" : "WriteJson";
            SimpleNameSyntax simpleName = use.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } }
                ? SyntaxFactory.GenericName(SyntaxFactory.Identifier(name), generic.TypeArgumentList)
                : SyntaxFactory.IdentifierName(name);
            return Invocations.Call(atomicFile, simpleName, arguments);
        }

        // Newtonsoft serializer.Serialize(writer, value).
        if (KnownSymbols.Contains(symbols.NewtonsoftSerialize, method) && method.Parameters.Length == 2 && IsArgument(use, 0, written)
            && use.ArgumentValue(1)?.Syntax is ExpressionSyntax newtonsoftValue
            && NewtonsoftSettings(context, use.Instance, use.Syntax.SpanStart, out var settings))
        {
            var convert = context.TypeName(use.Syntax.SpanStart, symbols.JsonConvert, "JsonConvert", "global::Newtonsoft.Json.JsonConvert");
            var serializeArguments = new List<ArgumentSyntax> { Invocations.Argument(newtonsoftValue) };
            if (settings is not null)
            {
                serializeArguments.Add(Invocations.Argument(settings));
            }

            arguments.Add(Invocations.Argument(Invocations.Call(convert, SyntaxFactory.IdentifierName("SerializeObject"), serializeArguments)));
            if (encoding is not null)
            {
                arguments.Add(Invocations.Argument(encoding));
            }

            return Invocations.Call(atomicFile, SyntaxFactory.IdentifierName("WriteAllText"), arguments);
        }

        // writer.Write(text) / stream.Write(bytes) on the written local itself.
        if (use.Instance?.ReferencedSymbol() is ILocalSymbol instance && SymbolEqualityComparer.Default.Equals(instance, written)
            && method.Name is "Write" or "WriteAsync" && use.Arguments.Length >= 1
            && use.Arguments[0].Value.WalkDownConversions() is { } content && content.Syntax is ExpressionSyntax contentSyntax)
        {
            var isAsync = method.Name == "WriteAsync";
            if (KnownSymbols.InheritsFrom(written.Type, symbols.TextWriter) && content.Type?.SpecialType == SpecialType.System_String
                && method.Parameters.Length == 1)
            {
                arguments.Add(Invocations.Argument(contentSyntax));
                if (encoding is not null)
                {
                    arguments.Add(Invocations.Argument(encoding));
                }

                return Invocations.Call(atomicFile, SyntaxFactory.IdentifierName(isAsync ? "WriteAllTextAsync" : "WriteAllText"), arguments);
            }

            if (KnownSymbols.InheritsFrom(written.Type, symbols.Stream) && content.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
                && IsWholeBufferWrite(use))
            {
                arguments.Add(Invocations.Argument(contentSyntax));
                if (ct is not null)
                {
                    arguments.Add(Invocations.Named("cancellationToken", ct));
                }

                return Invocations.Call(atomicFile, SyntaxFactory.IdentifierName(isAsync ? "WriteAllBytesAsync" : "WriteAllBytes"), arguments);
            }
        }

        return null;
    }

    /// <summary><c>Write(bytes)</c> / <c>WriteAsync(bytes[, ct])</c>: the span/memory overloads, which write the whole array.</summary>
    private static bool IsWholeBufferWrite(IInvocationOperation use)
    {
        foreach (var parameter in use.TargetMethod.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_Int32)
            {
                return false;
            }
        }

        return true;
    }

    private static ExpressionSyntax? CancellationTokenArgument(IInvocationOperation use, KnownSymbols symbols)
    {
        foreach (var argument in use.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter
                && symbols.IsType(parameter.Type, symbols.CancellationToken) && argument.Syntax is ArgumentSyntax syntax)
            {
                return syntax.Expression;
            }
        }

        return null;
    }

    private static bool IsArgument(IInvocationOperation invocation, int ordinal, ILocalSymbol local)
        => SymbolEqualityComparer.Default.Equals(invocation.ArgumentValue(ordinal).ReferencedSymbol(), local);

    /// <summary>
    /// <c>new StreamWriter(stream[, encoding])</c> over a stream, or <c>new JsonTextWriter(writer)</c> without an
    /// initializer over a writer: wrappers whose effect a single AtomicFile call reproduces.
    /// </summary>
    private static bool IsRewritableWrapper(IObjectCreationOperation wrapper, ILocalSymbol over, KnownSymbols symbols, ref ExpressionSyntax? encoding)
    {
        if (wrapper.Initializer is not null || wrapper.Constructor is null || !IsArgumentOf(wrapper, over))
        {
            return false;
        }

        if (symbols.IsType(wrapper.Type, symbols.JsonTextWriter))
        {
            return KnownSymbols.InheritsFrom(over.Type, symbols.TextWriter) && wrapper.Arguments.Length == 1;
        }

        if (symbols.IsType(wrapper.Type, symbols.StreamWriter) && KnownSymbols.InheritsFrom(over.Type, symbols.Stream) && encoding is null)
        {
            foreach (var argument in wrapper.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null || argument.Parameter.Ordinal == 0)
                {
                    continue;
                }

                if (!symbols.IsType(argument.Parameter.Type, symbols.Encoding) || argument.Syntax is not ArgumentSyntax syntax)
                {
                    return false;
                }

                encoding = syntax.Expression;
            }

            return true;
        }

        return false;
    }

    private static bool IsArgumentOf(IObjectCreationOperation creation, ILocalSymbol local)
        => SymbolEqualityComparer.Default.Equals(creation.ArgumentValue(0).ReferencedSymbol(), local);

    /// <summary>The encoding of a text opener (<c>new StreamWriter(p, false, encoding)</c>), else null (UTF-8, as WriteAllText).</summary>
    private static ExpressionSyntax? TextOpenerEncoding(IOperation opener, KnownSymbols symbols)
    {
        if (opener is IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter
                    && symbols.IsType(parameter.Type, symbols.Encoding) && argument.Syntax is ArgumentSyntax syntax)
                {
                    return syntax.Expression;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The settings a Newtonsoft serializer was made with: <c>new JsonSerializer()</c> (none),
    /// <c>new JsonSerializer { Formatting = … }</c> (the same initializer on <c>JsonSerializerSettings</c>), or
    /// <c>JsonSerializer.Create[Default](settings)</c>; through a local that is only used to serialize.
    /// </summary>
    private static bool NewtonsoftSettings(FixContext context, IOperation? serializer, int position, out ExpressionSyntax? settings)
    {
        settings = null;
        var symbols = context.Symbols;
        var made = serializer.WalkDownConversions();
        if (made is ILocalReferenceOperation local)
        {
            var root = made.Root();
            foreach (var reference in OperationHelpers.FindReferences(root, local.Local))
            {
                if (reference.Parent is not IInvocationOperation call || call.Instance != reference
                    || !KnownSymbols.Contains(symbols.NewtonsoftSerialize, call.TargetMethod))
                {
                    return false;
                }
            }

            var values = OperationHelpers.AssignedValues(root, local.Local);
            if (values.Count != 1)
            {
                return false;
            }

            made = values[0].WalkDownConversions();
        }

        switch (made)
        {
            case IObjectCreationOperation creation when symbols.IsType(creation.Type, symbols.NewtonsoftJsonSerializer) && creation.Arguments.IsEmpty:
                if (creation.Initializer is null)
                {
                    return true;
                }

                if (symbols.JsonSerializerSettings is null || creation.Syntax is not BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
                {
                    return false;
                }

                foreach (var member in creation.Initializer.Initializers)
                {
                    var target = member switch
                    {
                        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Property.Name,
                        IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation property } => property.Property.Name,
                        _ => null,
                    };

                    if (target is null || !HasSettableProperty(symbols.JsonSerializerSettings, target))
                    {
                        return false;
                    }
                }

                var settingsType = context.TypeName(position, symbols.JsonSerializerSettings, "JsonSerializerSettings", "global::Newtonsoft.Json.JsonSerializerSettings");
                settings = SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    (TypeSyntax)SyntaxFactory.ParseTypeName(settingsType.ToString()),
                    SyntaxFactory.ArgumentList(),
                    initializer.WithoutTrivia());
                return true;

            case IInvocationOperation create when KnownSymbols.Contains(symbols.NewtonsoftCreateSerializer, create.TargetMethod):
                if (create.Arguments.IsEmpty)
                {
                    return true;
                }

                if (create.Arguments.Length == 1 && create.Arguments[0].Syntax is ArgumentSyntax argument && IsSimplePath(create.Arguments[0].Value))
                {
                    settings = argument.Expression;
                    return true;
                }

                return false;

            default:
                return false;
        }
    }

    private static bool HasSettableProperty(INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An expression safe to evaluate later than where it was written: references, literals, member accesses,
    /// string building and <c>Path</c> calls, without assignments or other calls.
    /// </summary>
    private static bool IsSimplePath(IOperation operation)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            switch (node)
            {
                case IInvocationOperation invocation when invocation.TargetMethod.ContainingType?.Name is not ("Path" or "String" or "Object"):
                case IAssignmentOperation:
                case IIncrementOrDecrementOperation:
                case IAwaitOperation:
                case IObjectCreationOperation:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Locals declared in the using statement's body must not clash with names in the block it is unwrapped into.</summary>
    private static bool HasNameConflicts(FixContext context, UsingStatementSyntax usingStatement)
    {
        var names = new HashSet<string>();
        foreach (var node in usingStatement.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is VariableDeclaratorSyntax declarator && declarator.Parent?.Parent is LocalDeclarationStatementSyntax { Parent: BlockSyntax block }
                && IsBodyBlock(block, usingStatement))
            {
                names.Add(declarator.Identifier.ValueText);
            }
        }

        if (names.Count == 0)
        {
            return false;
        }

        if (usingStatement.Parent is not BlockSyntax outer)
        {
            return true;
        }

        foreach (var node in outer.DescendantNodes())
        {
            if (node is VariableDeclaratorSyntax declarator && !usingStatement.Span.Contains(declarator.Span) && names.Contains(declarator.Identifier.ValueText))
            {
                return true;
            }
        }

        foreach (var name in names)
        {
            if (!context.SemanticModel.LookupSymbols(usingStatement.SpanStart, name: name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBodyBlock(BlockSyntax block, UsingStatementSyntax usingStatement)
    {
        StatementSyntax body = usingStatement;
        while (body is UsingStatementSyntax stacked)
        {
            body = stacked.Statement;
        }

        return body == block;
    }
}
