using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SafeWrites.Analyzers.Infrastructure;

/// <summary>
/// Base of the analyzers that report on in-place file writes (SW1001, SW1002): one operation-block callback that, for
/// every invocation and object creation of the block, runs the shared <see cref="InPlaceWrites"/> analysis and reports the
/// writes of one <see cref="InPlaceWriteKind"/>.
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

        // A block action, not an operation action: SW1002 reports at the JSON construct, away from the opener it
        // analyzes, and a diagnostic must lie within the code the callback analyzed to be local (IDE, code fixes).
        context.RegisterOperationBlockAction(blockContext => AnalyzeBlock(blockContext, symbols));
    }

    private void AnalyzeBlock(OperationBlockAnalysisContext context, KnownSymbols symbols)
    {
        foreach (var block in context.OperationBlocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                if (operation.Kind is not (OperationKind.Invocation or OperationKind.ObjectCreation)
                    || !InPlaceWrites.TryAnalyze(operation, symbols, out var write)
                    || write.Kind != Kind)
                {
                    continue;
                }

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
        }
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
