using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SafeWrites.Analyzers.Tests.Verifiers;

/// <summary>Thin wrapper over Microsoft.CodeAnalysis.Testing for analyzer-only tests (markup: <c>{|SW1001:…|}</c>, <c>[|…|]</c>).</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        => VerifyAnalyzerAsync(source, OutputKind.DynamicallyLinkedLibrary, expected);

    public static Task VerifyAnalyzerAsync(string source, OutputKind outputKind, params DiagnosticResult[] expected)
        => VerifyAnalyzerAsync(source, outputKind, null, expected);

    /// <summary>With analyzer options: <paramref name="globalConfig"/> is the text of a <c>.globalconfig</c> (or null).</summary>
    public static Task VerifyAnalyzerAsync(string source, OutputKind outputKind, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, GlobalConfig = globalConfig };
        test.TestState.OutputKind = outputKind;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestReferences.AddTo(TestState, withRuntime: true);
        }

        /// <summary>A <c>.globalconfig</c> text (analyzer options such as <c>safewrites.sw1001.scope</c>), or null.</summary>
        public string? GlobalConfig
        {
            init
            {
                if (value is not null)
                {
                    TestState.AnalyzerConfigFiles.Add(("/.globalconfig", value));
                }
            }
        }

        protected override ParseOptions CreateParseOptions()
            => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);
    }
}
