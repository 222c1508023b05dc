using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>
/// Base of the analyzers that report on in-place file writes (SW1001, SW1002): reports the writes of one
/// <see cref="InPlaceWriteKind"/> that the family's shared <see cref="WritePass"/> found in a code block.
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

        RegisterBodyAction(context, WritePass.Get(symbols), (block, writes) =>
        {
            foreach (var write in writes.InPlace)
            {
                if (write.Kind == Kind)
                {
                    Report(block, write);
                }
            }
        });
    }

    private void Report(CodeBlockAnalysisContext context, InPlaceWrite write)
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
