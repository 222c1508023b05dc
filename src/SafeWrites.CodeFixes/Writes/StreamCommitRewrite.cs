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
/// <c>using var stream = File.Create(p);</c> (or <c>File.OpenWrite</c>, <c>new FileStream(p, FileMode.Create …)</c>,
/// a using statement, <c>await using</c>) → <c>using var stream = AtomicFile.Create(p);</c> with
/// <c>stream.Commit();</c> (<c>await stream.CommitAsync(…);</c> in async code) as the last statement of its scope.
/// </summary>
/// <remarks>
/// Offered only when every use of the stream stays within that scope and works on an <c>AtomicFileStream</c>:
/// calls of <c>Stream</c> members, or arguments of <c>Stream</c> type to a method. A stream that escapes (returned,
/// stored, captured by a lambda, passed to a constructor such as a writer that would dispose it before the
/// commit) or is closed early has no fix; so does a scope that can be left early by <c>return</c>/<c>goto</c>.
/// </remarks>
internal static class StreamCommitRewrite
{
    public static FixPlan? TryPlan(FixContext context, ExpressionSyntax openerSyntax)
    {
        var symbols = context.Symbols;
        if (context.Operation(openerSyntax) is not { } opener
            || !FileWrites.TryClassify(opener, symbols, out var write)
            || write.Shape != FileWriteShape.Opener
            || write.Mode != FileWriteMode.Overwrite
            || !KnownSymbols.InheritsFrom(opener.Type, symbols.FileStream)
            || PathExpression(write) is not { } path
            || UsingLocal.FromInitializer(openerSyntax, context) is not { } usingLocal
            || usingLocal.Scope.Statements.Count <= usingLocal.FirstStatementIndex
            || !usingLocal.HasNoEarlyExit()
            || !AllUsesWorkOnAtomicFileStream(context, opener, usingLocal))
        {
            return null;
        }

        var lastStatement = usingLocal.Scope.Statements[usingLocal.Scope.Statements.Count - 1];
        var name = Identifier(usingLocal.Local.Name);
        string commit;
        if (usingLocal.IsAwaitUsing || opener.IsInAsyncCode())
        {
            commit = $"await {name}.CommitAsync({context.CancellationTokenInScope(openerSyntax)});";
        }
        else
        {
            commit = $"{name}.Commit();";
        }

        var atomicFile = context.AtomicFileName(openerSyntax.SpanStart, out var needsImport);
        var create = Invocations.Call(atomicFile, SyntaxFactory.IdentifierName("Create"), new[] { Invocations.Argument(path) })
            .WithTriviaFrom(openerSyntax);
        var type = usingLocal.Declaration.Type;
        var spans = new List<TextSpan> { openerSyntax.Span };
        if (!type.IsVar)
        {
            spans.Add(type.Span);
        }

        return new DelegatePlan(spans.ToArray(), editor =>
        {
            editor.ReplaceNode(openerSyntax, create);
            if (!type.IsVar)
            {
                // FileStream / Stream declared: AtomicFileStream has Commit, the old static type does not.
                editor.ReplaceNode(type, SyntaxFactory.IdentifierName("var").WithTriviaFrom(type));
            }

            Edits.InsertAfter(editor, lastStatement, new[] { commit });
        })
        { NeedsSafeWritesImport = needsImport };
    }

    /// <summary>The path argument, or <c>info.FullName</c> for a <c>FileInfo</c> method.</summary>
    public static ExpressionSyntax? PathExpression(FileWrite write)
    {
        if (write.Path?.Syntax is not ExpressionSyntax path)
        {
            return null;
        }

        var method = write.Method;
        if (method is { IsStatic: false, MethodKind: MethodKind.Ordinary })
        {
            // FileInfo.Create() / OpenWrite() / Open(…): the instance is the file.
            return SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                path is IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax ? path.WithoutTrivia() : SyntaxFactory.ParenthesizedExpression(path.WithoutTrivia()),
                SyntaxFactory.IdentifierName("FullName"));
        }

        return path;
    }

    private static bool AllUsesWorkOnAtomicFileStream(FixContext context, IOperation opener, UsingLocal usingLocal)
    {
        var symbols = context.Symbols;
        var scopeSpan = usingLocal.Scope.Span;
        foreach (var reference in OperationHelpers.FindReferences(opener.Root(), usingLocal.Local))
        {
            if (!scopeSpan.Contains(reference.Syntax.Span) || IsInsideFunction(reference.Syntax, usingLocal.Scope))
            {
                return false;
            }

            var consumer = reference.ConsumerOf(out var consumed);
            switch (consumer)
            {
                case IInvocationOperation invocation when invocation.Instance == consumed:
                    var method = invocation.TargetMethod;
                    if (IsDeclaredOnFileStream(method, symbols) || method.Name is "Dispose" or "DisposeAsync" or "Close")
                    {
                        return false;
                    }

                    break;

                case IPropertyReferenceOperation property when property.Instance == consumed:
                    if (IsDeclaredOnFileStream(property.Property, symbols))
                    {
                        return false;
                    }

                    break;

                case IArgumentOperation { Parent: IInvocationOperation, Parameter: { } parameter }:
                    if (symbols.AtomicFileStream is null
                        || !context.SemanticModel.Compilation.ClassifyConversion(symbols.AtomicFileStream, parameter.Type).IsImplicit
                        || parameter.RefKind != RefKind.None)
                    {
                        return false;
                    }

                    break;

                case IArgumentOperation { Parent: IObjectCreationOperation wrapper }:
                    if (!IsWrapperDoneBeforeCommit(context, wrapper, usingLocal))
                    {
                        return false;
                    }

                    break;

                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A writer or stream over the file stream that is disposed before the commit runs and leaves the file stream
    /// open: a <c>Utf8JsonWriter</c> (never owns its stream) or a wrapper made with a constant <c>leaveOpen: true</c>,
    /// declared by a using whose scope ends inside the file stream's scope, and not leaving it. Its dispose flushes
    /// (and finishes a compressed stream) into the still-open stream; the commit at the end then publishes it all.
    /// </summary>
    private static bool IsWrapperDoneBeforeCommit(FixContext context, IObjectCreationOperation wrapper, UsingLocal stream)
    {
        var symbols = context.Symbols;
        var leavesOpen = symbols.IsType(wrapper.Type, symbols.Utf8JsonWriter);
        foreach (var argument in wrapper.Arguments)
        {
            if (argument.Parameter is { Name: "leaveOpen" } && argument.Value.ConstantValue is { HasValue: true, Value: true })
            {
                leavesOpen = true;
            }
        }

        if (!leavesOpen
            || wrapper.Syntax is not ExpressionSyntax wrapperSyntax
            || UsingLocal.FromInitializer(wrapperSyntax, context) is not { } wrapperLocal
            || wrapperLocal.Scope == stream.Scope
            || !stream.Scope.Span.Contains(wrapperLocal.Statement.Span))
        {
            return false;
        }

        return StaysInside(context, wrapper.Root(), wrapperLocal, depth: 0);
    }

    /// <summary>
    /// Every use of the local is a call, an argument of a call, a property, or a further using wrapper whose own
    /// scope and uses stay within this one: nothing keeps it past its using.
    /// </summary>
    private static bool StaysInside(FixContext context, IOperation root, UsingLocal local, int depth)
    {
        if (depth > 4)
        {
            return false;
        }

        foreach (var reference in OperationHelpers.FindReferences(root, local.Local))
        {
            var consumer = reference.ConsumerOf(out var consumed);
            var staysInside = consumer switch
            {
                IInvocationOperation invocation => invocation.Instance == consumed,
                IArgumentOperation { Parent: IInvocationOperation } => true,
                IPropertyReferenceOperation => true,
                IArgumentOperation { Parent: IObjectCreationOperation { Syntax: ExpressionSyntax outerSyntax } }
                    => UsingLocal.FromInitializer(outerSyntax, context) is { } outer
                       && local.Scope.Span.Contains(outer.Statement.Span)
                       && StaysInside(context, root, outer, depth + 1),
                _ => false,
            };

            if (!staysInside || !local.Scope.Span.Contains(reference.Syntax.Span))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A member only <c>FileStream</c> has (<c>Name</c>, <c>Flush(bool)</c>, <c>SafeFileHandle</c>, <c>Lock</c> …).</summary>
    private static bool IsDeclaredOnFileStream(ISymbol member, KnownSymbols symbols)
    {
        for (var current = member; current is not null; current = Overridden(current))
        {
            if (!symbols.IsType(current.ContainingType, symbols.FileStream))
            {
                return false;
            }
        }

        return true;
    }

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        _ => null,
    };

    private static bool IsInsideFunction(SyntaxNode node, SyntaxNode boundary)
    {
        for (var current = node.Parent; current is not null && current != boundary; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    public static string Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
