using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Resets;

/// <summary>SW3001: a pending-changes marker is reset before, or regardless of, the save that persists the changes.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StateResetBeforeSaveAnalyzer : SafeWritesAnalyzer
{
    /// <summary>Diagnostic property set when the code fix can move the reset (after the first additional location).</summary>
    internal const string FixableProperty = "MoveAfterSave";

    /// <summary>Diagnostic property set when every statement of the finally is a reset: the fix moves them all and drops the finally.</summary>
    internal const string WholeFinallyProperty = "WholeFinally";

    private static readonly ImmutableDictionary<string, string?> Fixable = ImmutableDictionary<string, string?>.Empty.Add(FixableProperty, "true");

    private static readonly ImmutableDictionary<string, string?> FixableWholeFinally = Fixable.Add(WholeFinallyProperty, "true");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.StateResetBeforeSave);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var saves = Saves.Get(symbols);
        var markers = Markers.Get(saves);
        context.RegisterOperationAction(operationContext => Analyze(operationContext, saves, markers), OperationKind.ExpressionStatement, OperationKind.VariableDeclarationGroup, OperationKind.Conditional);
    }

    private static void Analyze(OperationAnalysisContext context, Saves saves, Markers markers)
    {
        // Cheapest first: the statement's shape, then whether its body saves at all, then the type's markers.
        var reset = context.Operation;
        if (context.ContainingSymbol.ContainingType is not { } type
            || !markers.MayBeReset(reset, type))
        {
            return;
        }

        saves.Remember(reset.SemanticModel);
        if (!saves.BodySaves(ResetFlow.EnclosingBody(reset))
            || markers.ResetMembers(reset, type) is not { Count: > 0 } members)
        {
            return;
        }

        var lost = ResetFlow.Find(reset, saves);
        if (lost.Shape == LostResetShape.None)
        {
            return;
        }

        foreach (var member in members)
        {
            if (!IsLost(member, reset, lost, type, markers))
            {
                continue;
            }

            var movable = reset is IExpressionStatementOperation && markers.ExchangedMember(reset, type) is null;
            var fixAfter = movable && lost.FixAfter is { } target ? new[] { AfterFollowingResets(target, type, markers).Syntax.GetLocation() } : null;
            var properties = fixAfter is null ? null : IsWholeFinallyOfResets(lost, type, markers) ? FixableWholeFinally : Fixable;
            context.ReportDiagnostic(Diagnostic.Create(
                Rules.StateResetBeforeSave,
                OperationHelpers.FirstLineLocation(reset.Syntax),
                fixAfter,
                properties,
                member.Name));
            return;
        }
    }

    /// <summary>
    /// True when resetting <paramref name="member"/> there loses changes: it is a marker, and the catch does not put
    /// it back, it is not a busy flag, and the save does not write the reset value itself
    /// (<c>ClearHistory() { _history.Clear(); SaveHistory(); }</c>: the clear is the change being saved).
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
