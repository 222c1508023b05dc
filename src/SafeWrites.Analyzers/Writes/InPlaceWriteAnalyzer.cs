using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

        var pass = WritePass.Get(symbols);
        RegisterBodyAction(context, pass, (block, writes) =>
        {
            foreach (var write in writes.InPlace)
            {
                if (write.Kind == Kind && IsReported(write, writes, pass, block.Options, block.CancellationToken))
                {
                    Report(block, write);
                }
            }
        });
    }

    /// <summary>The editorconfig key of SW1001's scope: <c>state</c> (the default) or <c>all</c>.</summary>
    internal const string ScopeOption = "safewrites.sw1001.scope";

    // Wrappers calling wrappers: as deep as WriteMethods follows them.
    private const int MaxWrapperDepth = 4;

    /// <summary>
    /// True when SW1001 or SW1002 reports the write where it is: within its rule's scope, and not a call of a writer
    /// of the compilation that keeps its own report (one bug, one squiggle: fixing the wrapper fixes every caller).
    /// </summary>
    private static bool IsReported(InPlaceWrite write, BodyWrites writes, WritePass pass, AnalyzerOptions options, CancellationToken cancellationToken)
        => IsInScope(write, writes, options) && !IsReportedInWrapper(write, pass, options, cancellationToken, depth: 0);

    /// <summary>SW1001's scope option (<c>state</c>: the write shows kept state); SW1002 ignores it (a JSON document is state by its content).</summary>
    private static bool IsInScope(InPlaceWrite write, BodyWrites writes, AnalyzerOptions options)
        => write.Kind != InPlaceWriteKind.Content || !ScopeIsState(options, write.Write.Operation.Syntax.SyntaxTree) || writes.IsKeptState(write);

    /// <summary>
    /// The call goes through a whole-file writer that other assemblies can call, and the write inside it (or inside
    /// the wrapper it calls) is reported there (<see cref="WriteMethods.IsForwardedInside"/>).
    /// </summary>
    private static bool IsReportedInWrapper(InPlaceWrite write, WritePass pass, AnalyzerOptions options, CancellationToken cancellationToken, int depth)
    {
        if (depth >= MaxWrapperDepth || write.Write.Through is not { Kind: WriteMethodKind.Write, IsListed: false, Inners: { Count: > 0 } inners })
        {
            return false;
        }

        // Through an interface or a virtual method: every implementation must report its own write.
        foreach (var inner in inners)
        {
            if (!IsReportedAt(inner, pass, options, cancellationToken, depth))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The wrapped call inside a wrapper other assemblies can call is reported there (or inside the wrapper it calls).</summary>
    private static bool IsReportedAt(SyntaxNode inner, WritePass pass, AnalyzerOptions options, CancellationToken cancellationToken, int depth)
    {
        if (inner.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } wrapper
            || CompilationCalls.Get(pass.Symbols).ModelOf(wrapper.SyntaxTree) is not { } model
            || model.GetDeclaredSymbol(wrapper, cancellationToken) is not { } method
            || !CallerPaths.IsVisibleOutsideAssembly(method)
            || pass.Get(wrapper, model, cancellationToken) is not { } wrapperWrites)
        {
            return false;
        }

        foreach (var innerWrite in wrapperWrites.InPlace)
        {
            if (innerWrite.Write.Operation.Syntax == inner)
            {
                return IsInScope(innerWrite, wrapperWrites, options) || IsReportedInWrapper(innerWrite, pass, options, cancellationToken, depth + 1);
            }
        }

        return false;
    }

    /// <summary>True unless <see cref="ScopeOption"/> is <c>all</c> for the file (an unknown value keeps the default).</summary>
    private static bool ScopeIsState(AnalyzerOptions options, SyntaxTree tree)
        => !(options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(ScopeOption, out var scope)
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
