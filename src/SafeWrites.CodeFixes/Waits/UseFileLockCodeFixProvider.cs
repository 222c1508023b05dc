using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeWrites.Analyzers.Core;
using SafeWrites.CodeFixes.Core;

namespace SafeWrites.CodeFixes.Waits;

/// <summary>
/// SW2002 fix "Use FileLock": the hand-rolled lock loop becomes <c>using var l = FileLock.Acquire(lockPath, timeout);</c>
/// (see <see cref="LockLoopRewrite"/>). Also offered on an SW2001 diagnostic whose loop is such a lock loop (the
/// loop keyword is the diagnostic's first additional location).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseFileLockCodeFixProvider))]
[Shared]
public sealed class UseFileLockCodeFixProvider : SafeWritesCodeFixProvider
{
    public const string FixTitle = "Use FileLock";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.HandRolledLockFile, RuleIdentifiers.WallClockTimeout);

    private protected override string Title => FixTitle;

    private protected override bool IsAvailable(KnownSymbols symbols) => symbols.HasFileLock && symbols.TimeSpan is not null;

    private protected override FixPlan? TryPlan(FixContext context, Diagnostic diagnostic)
    {
        var keyword = diagnostic.Id == RuleIdentifiers.WallClockTimeout
            ? (diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : null)
            : diagnostic.Location;
        if (keyword is null || keyword.SourceTree != context.Root.SyntaxTree || !context.Root.FullSpan.Contains(keyword.SourceSpan))
        {
            return null;
        }

        var loop = context.Root.FindToken(keyword.SourceSpan.Start).Parent;
        return loop is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax
            ? LockLoopRewrite.TryPlan(context, (StatementSyntax)loop)
            : null;
    }
}
