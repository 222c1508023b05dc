using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SafeWrites.Analyzers.Tests.Verifiers;

/// <summary>
/// Thin wrapper over Microsoft.CodeAnalysis.Testing for code fix tests. The fixed code must compile against the
/// real SafeWrites runtime (the library fails on new compiler errors), and Fix All is checked at document,
/// project and solution scope (the library default).
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyCodeFixAsync(string source, string fixedSource)
        => VerifyCodeFixAsync(source, fixedSource, OutputKind.DynamicallyLinkedLibrary);

    public static Task VerifyCodeFixAsync(string source, string fixedSource, OutputKind outputKind, string? globalConfig = null)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, GlobalConfig = globalConfig };
        test.TestState.OutputKind = outputKind;
        test.FixedState.OutputKind = outputKind;
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The diagnostic is reported and no fix is offered (the fixed code equals the source).</summary>
    public static Task VerifyNoFixAsync(string source, bool withRuntime = true, string? globalConfig = null)
    {
        var test = new Test(withRuntime) { TestCode = source, FixedCode = source, GlobalConfig = globalConfig };
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
            : this(withRuntime: true)
        {
        }

        public Test(bool withRuntime)
        {
            ReferenceAssemblies = TestReferences.None;
            TestReferences.AddTo(TestState, withRuntime);
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
