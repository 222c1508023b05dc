using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Resets;

/// <summary>A reset that loses changes when the save fails (SW3001), with what the code fix needs.</summary>
internal sealed class LostResetReport
{
    public LostResetReport(IOperation reset, ISymbol member, Location? fixAfter, bool wholeFinally)
    {
        Reset = reset;
        Member = member;
        FixAfter = fixAfter;
        WholeFinally = wholeFinally;
    }

    /// <summary>The reset statement (reported on its first line).</summary>
    public IOperation Reset { get; }

    public ISymbol Member { get; }

    /// <summary>The statement the fix moves the reset after; null when the fix is not safe.</summary>
    public Location? FixAfter { get; }

    /// <summary>Every statement of the finally is a lost reset: the fix moves them all and drops the finally.</summary>
    public bool WholeFinally { get; }
}

/// <summary>
/// The reset family's one pass per code block (SW3001). A block is bound only when its syntax resets a member that
/// some code of the compilation both resets and raises (<see cref="ResetSyntax"/>, built once per compilation without
/// binding); then, cheapest first, each reset statement is checked for a save after it in the body (per-method save
/// summaries of <see cref="Saves"/>), for a lost shape (<see cref="ResetFlow"/>), and only then whether the member is a
/// marker of its type (<see cref="Markers"/>, each type's members scanned once). Types without a candidate marker or
/// without a save cost a walk of their syntax.
/// </summary>
internal sealed class ResetPass : BodyPass<List<LostResetReport>>
{
    private readonly ResetSyntax _syntax = new();

    private ResetPass(KnownSymbols symbols)
        : base(symbols)
    {
    }

    public static ResetPass Get(KnownSymbols symbols) => BodyPasses.Get(symbols, static s => new ResetPass(s));

    protected override bool MayHaveFacts(SyntaxNode codeBlock) => ResetSyntax.MayReset(codeBlock);

    protected override bool IsWorthBinding(SyntaxNode codeBlock, SemanticModel semanticModel) => _syntax.ResetsACandidate(codeBlock, semanticModel);

    protected override List<LostResetReport>? Analyze(IOperation block, CancellationToken cancellationToken)
    {
        if (ContainingType(block) is not { } type)
        {
            return null;
        }

        var saves = Saves.Get(Symbols);
        var markers = Markers.Get(saves);
        saves.Remember(block.SemanticModel);
        List<LostResetReport>? reports = null;
        foreach (var operation in block.Descendants())
        {
            if (operation.Kind is OperationKind.ExpressionStatement or OperationKind.VariableDeclarationGroup or OperationKind.Conditional
                && Check(operation, type, saves, markers) is { } report)
            {
                (reports ??= new List<LostResetReport>()).Add(report);
            }
        }

        return reports;
    }

    private static INamedTypeSymbol? ContainingType(IOperation block)
    {
        var model = block.SemanticModel;
        var symbol = model?.GetDeclaredSymbol(block.Syntax) ?? model?.GetEnclosingSymbol(block.Syntax.SpanStart);
        return symbol as INamedTypeSymbol ?? symbol?.ContainingType;
    }

    /// <summary>
    /// A reset in an initialiser (<c>Init</c>, <c>Initialize…</c>, <c>Setup</c>, <c>Awake</c>): it sets up status or
    /// scratch state, nothing is pending yet. Constructors are left out by <see cref="ResetFlow.Find"/>.
    /// </summary>
    private static bool IsInitializer(IOperation reset)
    {
        var body = ResetFlow.EnclosingBody(reset);
        if (body.Parent is not null || body.SemanticModel?.GetDeclaredSymbol(body.Syntax) is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
        {
            return false;
        }

        return Markers.IsInitializerName(method.Name);
    }

    /// <summary>The report for one statement, cheapest check first: its shape, a save in its body, the lost shape, then the type's markers.</summary>
    private static LostResetReport? Check(IOperation reset, INamedTypeSymbol type, Saves saves, Markers markers)
    {
        if (!markers.MayBeReset(reset, type) || IsInitializer(reset) || !saves.BodySaves(ResetFlow.EnclosingBody(reset)))
        {
            return null;
        }

        var lost = ResetFlow.Find(reset, saves);
        if (lost.Shape == LostResetShape.None || markers.ResetMembers(reset, type) is not { Count: > 0 } members)
        {
            return null;
        }

        foreach (var member in members)
        {
            if (!IsLost(member, reset, lost, type, markers))
            {
                continue;
            }

            var movable = reset is IExpressionStatementOperation && markers.ExchangedMember(reset, type) is null;
            var fixAfter = movable && lost.FixAfter is { } target ? AfterFollowingResets(target, type, markers).Syntax.GetLocation() : null;
            return new LostResetReport(reset, member, fixAfter, fixAfter is not null && IsWholeFinallyOfResets(lost, type, markers));
        }

        return null;
    }

    /// <summary>
    /// True when resetting <paramref name="member"/> there loses changes: it is a marker, the catch does not put it
    /// back, it is not a busy flag, the body does not raise it again after the reset (content rebuilt, a scoped
    /// flag), and the save does not write the reset value itself (<c>ClearHistory() { _history.Clear(); SaveHistory(); }</c>:
    /// the clear is the change being saved).
    /// </summary>
    private static bool IsLost(ISymbol member, IOperation reset, LostReset lost, INamedTypeSymbol type, Markers markers)
    {
        if (!markers.IsMarker(member, type))
        {
            return false;
        }

        var aliases = new HashSet<ISymbol>(markers.AliasesOf(member, type), SymbolEqualityComparer.Default);
        return !IsRestoredOnFailure(lost.Save, reset, aliases, type, markers)
               && !IsBusyGuard(lost, aliases, type, markers)
               && !markers.IsRaisedAfter(reset, lost.Save, aliases, type)
               && !(lost.Shape == LostResetShape.BeforeSave && markers.IsReadBy(lost.Save, aliases, type));
    }

    /// <summary>
    /// True when the reset is in a finally all of whose statements are lost resets (reported): fixed one by one or
    /// all at once, they move together and the finally goes. A busy flag reset there keeps the finally.
    /// </summary>
    private static bool IsWholeFinallyOfResets(LostReset lost, INamedTypeSymbol type, Markers markers)
    {
        if (lost.Shape != LostResetShape.InFinally || lost.Try?.Finally is not { } @finally)
        {
            return false;
        }

        foreach (var statement in @finally.Operations)
        {
            var resetMembers = markers.ResetMembers(statement, type);
            if (resetMembers is null || !resetMembers.Exists(member => IsLost(member, statement, lost, type, markers)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The statement to insert after: the save, or the resets already moved right after it, so that resets keep
    /// their order whether they are fixed one by one or all at once.
    /// </summary>
    private static IOperation AfterFollowingResets(IOperation target, INamedTypeSymbol type, Markers markers)
    {
        if (target.Parent is not IBlockOperation block)
        {
            return target;
        }

        var result = target;
        var seen = false;
        foreach (var statement in block.Operations)
        {
            if (statement == target)
            {
                seen = true;
            }
            else if (seen)
            {
                if (markers.ResetMembers(statement, type) is null)
                {
                    break;
                }

                result = statement;
            }
        }

        return result;
    }

    /// <summary>
    /// An optimistic clear: a try around the save (or around reset and save) whose catch restores the marker
    /// (<c>catch { _dirty = true; throw; }</c>) does not lose the changes.
    /// </summary>
    private static bool IsRestoredOnFailure(IOperation save, IOperation reset, HashSet<ISymbol> aliases, INamedTypeSymbol type, Markers markers)
    {
        var body = ResetFlow.EnclosingBody(reset);
        for (var current = save.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is ITryOperation @try)
            {
                foreach (var catchClause in @try.Catches)
                {
                    if (markers.IsRaiseOf(catchClause.Handler, aliases, type))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A busy flag, not a marker: raised to a constant just before the try that saves and reset in its finally
    /// or after it (<c>_isSaving = true; try { Save(); } finally { _isSaving = false; }</c>).
    /// </summary>
    private static bool IsBusyGuard(LostReset lost, HashSet<ISymbol> aliases, INamedTypeSymbol type, Markers markers)
    {
        if (lost.Try is not { } @try || lost.Shape == LostResetShape.BeforeSave)
        {
            return false;
        }

        if (@try.Parent is IBlockOperation block)
        {
            foreach (var statement in block.Operations)
            {
                if (statement == @try)
                {
                    break;
                }

                if (IsConstantRaise(statement, aliases, type, markers))
                {
                    return true;
                }
            }
        }

        foreach (var statement in @try.Body.Operations)
        {
            if (statement.Syntax.SpanStart >= lost.Save.Syntax.SpanStart)
            {
                break;
            }

            if (IsConstantRaise(statement, aliases, type, markers))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConstantRaise(IOperation statement, HashSet<ISymbol> aliases, INamedTypeSymbol type, Markers markers)
        => statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Value.ConstantValue.HasValue: true } assignment }
           && Markers.MemberOf(assignment.Target, type) is { } member
           && aliases.Contains(member)
           && markers.Classify(assignment.Target) == MarkerUse.Raise;
}
