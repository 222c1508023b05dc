using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SafeWrites.Analyzers.Infrastructure;

/// <summary>
/// Base of the analyzers that report on in-place file writes (SW1001, SW1002): for every invocation and object creation
/// of an operation block, runs the shared <see cref="InPlaceWrites"/> analysis, and at the block's end reports the writes
/// of one <see cref="InPlaceWriteKind"/>.
/// </summary>
public abstract class InPlaceWriteAnalyzer : SafeWritesAnalyzer
{
    private protected InPlaceWriteAnalyzer()
    {
    }

    private protected abstract InPlaceWriteKind Kind { get; }

    private protected abstract DiagnosticDescriptor Rule { get; }

    internal sealed override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (!symbols.HasFileApis)
        {
            return;
        }

        // Operation actions find the writes (the driver walks each body once for every analyzer; no walk of our
        // own), but the block end reports them: SW1002 reports at the JSON construct, away from the opener it
        // analyzes, and a diagnostic must lie within the code the callback analyzed to be local (IDE, code fixes).
        context.RegisterOperationBlockStartAction(blockStart =>
        {
            List<InPlaceWrite>? writes = null;
            blockStart.RegisterOperationAction(
                operationContext =>
                {
                    if (InPlaceWrites.TryAnalyze(operationContext.Operation, symbols, out var write) && write.Kind == Kind)
                    {
                        // Rare (a write of this kind), so an uncontended lock costs nothing on the hot path.
                        lock (blockStart)
                        {
                            (writes ??= new List<InPlaceWrite>()).Add(write);
                        }
                    }
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
            blockStart.RegisterOperationBlockEndAction(blockEnd =>
            {
                if (writes is null)
                {
                    return;
                }

                foreach (var write in writes)
                {
                    Report(blockEnd, write);
                }
            });
        });
    }

    private void Report(OperationBlockAnalysisContext context, InPlaceWrite write)
    {
        var reportAt = write.ReportAt.Syntax;
        var additional = reportAt == write.Write.Operation.Syntax
            ? null
            : new[] { write.Write.Operation.Syntax.GetLocation() };
        context.ReportDiagnostic(Diagnostic.Create(
            Rule,
            OperationHelpers.FirstLineLocation(reportAt),
            additional,
            DescribeForMessage(write)));
    }

    /// <summary>The API named in the message: <c>File.WriteAllText</c>, <c>new FileStream</c>, <c>JsonSerializer.Serialize</c> ….</summary>
    private static string DescribeForMessage(InPlaceWrite write)
    {
        var method = write.ReportAt switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };

        if (method is null)
        {
            return write.ReportAt.Syntax.ToString();
        }

        return method.MethodKind == MethodKind.Constructor
            ? "new " + method.ContainingType.Name
            : method.ContainingType.Name + "." + method.Name;
    }
}
