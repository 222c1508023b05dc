using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Waits;

/// <summary>
/// <c>goto</c> retry loops (SW2001): <c>retry:</c> followed, in the same block, by statements of which the last jumps
/// back with <c>goto retry;</c>. Those statements are the loop's body; it has no condition of its own.
/// </summary>
internal static class GotoLoops
{
    /// <summary>The statements from the label to the last one of its block that jumps back to it, when there is one.</summary>
    public static bool TryGetLoop(ILabeledOperation labeled, out IReadOnlyList<IOperation> statements)
    {
        statements = System.Array.Empty<IOperation>();
        if (labeled.Parent is not IBlockOperation block)
        {
            return false;
        }

        var operations = block.Operations;
        var first = operations.IndexOf(labeled);
        var last = -1;
        for (var i = first; i >= 0 && i < operations.Length; i++)
        {
            if (JumpsTo(operations[i], labeled.Label))
            {
                last = i;
            }
        }

        if (last < 0)
        {
            return false;
        }

        var body = new List<IOperation>(last - first + 1);
        for (var i = first; i <= last; i++)
        {
            body.Add(operations[i]);
        }

        statements = body;
        return true;
    }

    /// <summary>The label's name, where SW2001 points for the loop.</summary>
    public static Location LabelLocation(ILabeledOperation labeled)
        => labeled.Syntax is LabeledStatementSyntax statement
            ? statement.Identifier.GetLocation()
            : OperationHelpers.FirstLineLocation(labeled.Syntax);

    private static bool JumpsTo(IOperation statement, ILabelSymbol label)
    {
        foreach (var operation in WaitLoops.OwnOperations(statement))
        {
            if (operation is IBranchOperation { BranchKind: BranchKind.GoTo } jump && SymbolEqualityComparer.Default.Equals(jump.Target, label))
            {
                return true;
            }
        }

        return false;
    }
}
