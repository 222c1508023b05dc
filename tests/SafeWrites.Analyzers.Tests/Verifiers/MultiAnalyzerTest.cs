using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SafeWrites.Analyzers.Tests.Verifiers;

/// <summary>Runs several analyzers together, to check that two rules never report the same write.</summary>
public sealed class MultiAnalyzerTest : CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
{
    private readonly DiagnosticAnalyzer[] _analyzers;

    public MultiAnalyzerTest(params DiagnosticAnalyzer[] analyzers)
    {
        _analyzers = analyzers;
        ReferenceAssemblies = TestReferences.None;
        TestReferences.AddTo(TestState, withRuntime: true);
    }

    public static Task VerifyAsync(string source, params DiagnosticAnalyzer[] analyzers)
        => new MultiAnalyzerTest(analyzers) { TestCode = source }.RunAsync(CancellationToken.None);

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => _analyzers;

    protected override ParseOptions CreateParseOptions()
        => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
}
