using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;
using SafeWrites.Analyzers.Writes;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Writes;

/// <summary>
/// SW1005 fix "Flush to disk before the rename": at the end of the <c>using</c> block of the temporary
/// <c>FileStream</c> (closed before the rename), flushes the writers over it and then
/// <c>stream.Flush(flushToDisk: true)</c>. No fix for <c>File.WriteAllText</c> temps, a stream still open at the
/// rename, a block that can be left early, or wrappers that a flush does not finish (compression streams).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenamedWithoutFlushCodeFixProvider))]
[Shared]
public sealed class RenamedWithoutFlushCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Flush to disk before the rename";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RenamedWithoutFlush);

    private protected override string Title => FixTitle;

    // The fix writes only System.IO.
    private protected override bool IsAvailable(KnownSymbols symbols) => symbols.HasFileApis;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        var symbols = context.Symbols;
        if (!ReportedPublish.TryGet(context, diagnostic, out var publish)
            || publish.Unflushed is not { InPublishMethod: true, IsOpenAtPublish: false, StreamUse: { Holder: { } stream } use } write
            || !KnownSymbols.InheritsFrom(stream.Type, symbols.FileStream)
            || UsingBody(stream, write.Write.Operation.Syntax) is not { Statements.Count: > 0 } body
            || HasEarlyExit(body)
            || Writers(use, stream, symbols) is not { } writers)
        {
            return null;
        }

        var statements = new List<string>();
        foreach (var writer in writers)
        {
            statements.Add(writer.Name + ".Flush();");
        }

        statements.Add(stream.Name + ".Flush(flushToDisk: true);");
        var anchor = body.Statements[body.Statements.Count - 1];
        return new DelegatePlan(new[] { anchor.Span }, editor => Edits.InsertAfter(editor, anchor, statements));
    }

    /// <summary>The block of the <c>using (var stream = …)</c> statement (through stacked usings), else null.</summary>
    private static BlockSyntax? UsingBody(ILocalSymbol stream, SyntaxNode opener)
    {
        for (var node = opener.Parent; node is not null; node = node.Parent)
        {
            if (node is UsingStatementSyntax { Declaration: { } declaration } usingStatement)
            {
                foreach (var declarator in declaration.Variables)
                {
                    if (declarator.Identifier.ValueText == stream.Name)
                    {
                        var inner = usingStatement.Statement;
                        while (inner is UsingStatementSyntax stacked)
                        {
                            inner = stacked.Statement;
                        }

                        return inner as BlockSyntax;
                    }
                }

                return null;
            }

            if (node is StatementSyntax and not LocalDeclarationStatementSyntax)
            {
                return null;
            }
        }

        return null;
    }

    private static bool HasEarlyExit(BlockSyntax body)
    {
        foreach (var node in body.DescendantNodes())
        {
            if (node is ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax or YieldStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text or binary writers over the stream (a flush pushes their buffers into it); null when another wrapper is in between.</summary>
    private static List<ILocalSymbol>? Writers(StreamUse use, ILocalSymbol stream, KnownSymbols symbols)
    {
        var writers = new List<ILocalSymbol>();
        foreach (var local in use.Locals)
        {
            if (SymbolEqualityComparer.Default.Equals(local, stream))
            {
                continue;
            }

            if (!KnownSymbols.InheritsFrom(local.Type, symbols.TextWriter) && !KnownSymbols.InheritsFrom(local.Type, symbols.BinaryWriter))
            {
                return null;
            }

            writers.Add(local);
        }

        foreach (var wrapper in use.Wrappers)
        {
            if (!KnownSymbols.InheritsFrom(wrapper.Type, symbols.TextWriter) && !KnownSymbols.InheritsFrom(wrapper.Type, symbols.BinaryWriter))
            {
                return null;
            }
        }

        return writers;
    }
}
