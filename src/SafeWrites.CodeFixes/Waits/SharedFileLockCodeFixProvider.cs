using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Waits;

/// <summary>
/// SW2003 fix "Take a FileLock around the write": keeps the in-process lock and takes
/// <c>using var fileLock = FileLock.Acquire(FileLock.PathFor(path), Timeout.InfiniteTimeSpan);</c> as the first statement
/// it guards (the body of the <c>lock</c>, or of the <c>try</c> right after <c>Monitor.Enter</c> / <c>Wait()</c>), so the
/// file lock is released before the in-process one. Offered only when the written path can be named there (a field,
/// property, constant, literal, or a parameter of the method that writes inside the region itself).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SharedFileLockCodeFixProvider))]
[Shared]
public sealed class SharedFileLockCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Take a FileLock around the write";

    private const string LocalName = "fileLock";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.InProcessLockGuardsSharedFile);

    private protected override string Title => FixTitle;

    private protected override bool IsAvailable(KnownSymbols symbols) => symbols.HasFileLock && symbols.TimeSpan is not null;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        // Additional locations: the write (or the call that writes) in the region, then the written path.
        if (diagnostic.AdditionalLocations.Count < 2 || diagnostic.AdditionalLocations[1] is not { } pathLocation
            || pathLocation.SourceTree != context.Root.SyntaxTree)
        {
            return null;
        }

        var enter = context.Root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<StatementSyntax>().FirstOrDefault();
        var guarded = GuardedBlock(enter);
        if (guarded is null
            || context.Operation(context.Root.FindNode(pathLocation.SourceSpan, getInnermostNodeForTie: true)) is not { } path
            || !CanBeNamedAt(path, guarded)
            || !context.SemanticModel.LookupSymbols(guarded.OpenBraceToken.Span.End, name: LocalName).IsEmpty)
        {
            return null;
        }

        if (guarded.Statements.Count == 0)
        {
            return null;
        }

        var position = guarded.SpanStart;
        var fileLock = context.TypeName(position, context.Symbols.FileLock, "FileLock", "global::SafeWrites.FileLock", out var needsImport);
        var timeout = context.TypeName(position, context.Symbols.ThreadingTimeout, "Timeout", "global::System.Threading.Timeout", out var needsThreading);
        var statement = SyntaxFactory.ParseStatement(
                $"using var {LocalName} = {fileLock}.Acquire({fileLock}.PathFor({path.Syntax.WithoutTrivia()}), {timeout}.InfiniteTimeSpan);")
            .WithLeadingTrivia(Trivia.Indentation(guarded.Statements[0]))
            .WithTrailingTrivia(Trivia.EndOfLine(guarded.Statements[0]));
        var plan = new DelegatePlan(new[] { guarded.Span }, editor => editor.InsertBefore(guarded.Statements[0], statement));
        plan.NeedsSafeWritesImport = needsImport;
        if (needsThreading)
        {
            plan.OtherImports.Add("System.Threading");
        }

        return plan;
    }

    /// <summary>The block the in-process lock guards: the <c>lock</c> body, or the body of the <c>try</c> after the entering call.</summary>
    private static BlockSyntax? GuardedBlock(StatementSyntax? enter)
        => enter switch
        {
            LockStatementSyntax { Statement: BlockSyntax body } => body,
            ExpressionStatementSyntax { Parent: BlockSyntax parent } statement
                when parent.Statements.IndexOf(statement) is var index && index + 1 < parent.Statements.Count
                     && parent.Statements[index + 1] is TryStatementSyntax @try => @try.Block,
            _ => null,
        };

    /// <summary>True when every name in the path means the same thing at the start of the guarded block.</summary>
    private static bool CanBeNamedAt(IOperation path, BlockSyntax guarded)
    {
        // A write in a method the region calls: its members and constants mean the same at the lock (instance ones
        // only from an instance member), its parameters and locals do not.
        var isInRegion = guarded.Span.Contains(path.Syntax.Span);
        var lockIsStatic = guarded.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault()?.Modifiers.Any(SyntaxKind.StaticKeyword) ?? true;

        foreach (var operation in path.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation local when !isInRegion || !IsDeclaredBefore(local.Local, guarded):
                case IParameterReferenceOperation when !isInRegion:
                    return false;
                case IInvocationOperation invocation when !invocation.TargetMethod.IsStatic:
                case IFieldReferenceOperation { Field.IsStatic: false } when !isInRegion && lockIsStatic:
                case IPropertyReferenceOperation { Property.IsStatic: false } when !isInRegion && lockIsStatic:
                    return false;
            }
        }

        return true;
    }

    private static bool IsDeclaredBefore(ILocalSymbol local, BlockSyntax guarded)
        => local.Locations.FirstOrDefault() is { IsInSource: true } location && location.SourceSpan.End <= guarded.SpanStart;
}
