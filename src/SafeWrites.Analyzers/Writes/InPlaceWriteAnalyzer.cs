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
            bool? stateOnly = null;
            foreach (var write in writes.InPlace)
            {
                if (write.Kind != Kind)
                {
                    continue;
                }

                // SW1001's scope option; SW1002 ignores it (a JSON document is state by its content).
                stateOnly ??= Kind == InPlaceWriteKind.Content && ScopeIsState(block);
                if (stateOnly.Value && !writes.IsKeptState(write))
                {
                    continue;
                }

                Report(block, write);
            }
        });
    }

    /// <summary>The editorconfig key of SW1001's scope: <c>state</c> (the default) or <c>all</c>.</summary>
    internal const string ScopeOption = "safewrites.sw1001.scope";

    /// <summary>True unless <see cref="ScopeOption"/> is <c>all</c> for the block's file (an unknown value keeps the default).</summary>
    private static bool ScopeIsState(CodeBlockAnalysisContext block)
        => !(block.Options.AnalyzerConfigOptionsProvider.GetOptions(block.CodeBlock.SyntaxTree).TryGetValue(ScopeOption, out var scope)
             && string.Equals(scope.Trim(), "all", System.StringComparison.OrdinalIgnoreCase));

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
            NoFixUnlessSystemIO(write.Write.Method),
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
