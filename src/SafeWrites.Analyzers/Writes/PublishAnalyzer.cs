using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Writes;

/// <summary>
/// Base of the analyzers that ask one question of the temp-then-rename model (SW1003–SW1006): each reports the
/// <see cref="Publish"/> steps that the family's shared <see cref="WritePass"/> found in a code block.
/// </summary>
public abstract class PublishAnalyzer : SafeWritesAnalyzer
{
    private protected PublishAnalyzer()
    {
    }

    internal sealed override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (!symbols.HasFileApis)
        {
            return;
        }

        // A location can be reached from several publish steps (one temp name derived once, moved in two methods): report it once.
        var reported = new ConcurrentDictionary<Location, bool>();
        RegisterBodyAction(context, WritePass.Get(symbols), (block, writes) =>
        {
            foreach (var publish in writes.Publishes)
            {
                var properties = NoFixUnlessSystemIO(ApisOf(publish));
                Report(publish, (rule, at, arguments) =>
                {
                    var location = OperationHelpers.FirstLineLocation(at.Syntax);
                    if (reported.TryAdd(location, true))
                    {
                        block.ReportDiagnostic(Diagnostic.Create(rule, location, properties, arguments));
                    }
                });
            }
        });
    }

    /// <summary>The APIs a publish goes through (step, writes, removals): a fix declines it unless all are System.IO's.</summary>
    private static IMethodSymbol?[] ApisOf(Publish publish)
    {
        var methods = new List<IMethodSymbol?> { publish.Step.TargetMethod };
        foreach (var write in publish.Writes)
        {
            methods.Add(write.Write.Method);
        }

        foreach (var removal in publish.Removals)
        {
            methods.Add(removal.TargetMethod);
        }

        return methods.ToArray();
    }

    /// <summary>Reports what the rule finds in one publish step through <paramref name="report"/> (descriptor, where, message arguments).</summary>
    private protected abstract void Report(Publish publish, System.Action<DiagnosticDescriptor, IOperation, object[]> report);

    /// <summary>The API named in messages: <c>File.Move</c>, <c>FileInfo.MoveTo</c> ….</summary>
    private protected static string Describe(IInvocationOperation call)
        => call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name;
}
