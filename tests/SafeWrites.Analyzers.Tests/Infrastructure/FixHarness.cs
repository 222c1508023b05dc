using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SafeWrites.Analyzers.Tests.Verifiers;

namespace SafeWrites.Analyzers.Tests.Infrastructure;

/// <summary>
/// Drives code fixes the way an IDE does, outside the verifiers: a one-document project, and every action the given
/// fixers offer for a diagnostic.
/// </summary>
internal static class FixHarness
{
    /// <summary>
    /// <paramref name="source"/> as the one document of a project: .NET 8 + Newtonsoft.Json + the SafeWrites runtime,
    /// C# 12, nullable enabled; top-level statements make it a console application.
    /// </summary>
    public static Document CreateDocument(AdhocWorkspace workspace, string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var isProgram = CSharpSyntaxTree.ParseText(source, parseOptions).GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        return workspace.AddProject("FixHarness", LanguageNames.CSharp)
            .WithMetadataReferences(TestReferences.Net80.Add(TestReferences.Newtonsoft).Add(TestReferences.SafeWritesRuntime))
            .WithCompilationOptions(new CSharpCompilationOptions(
                isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(parseOptions)
            .AddDocument("Source.cs", source);
    }

    /// <summary>Every action <paramref name="providers"/> offer for <paramref name="diagnostic"/>, with the fixer that offered it.</summary>
    public static async Task<List<(CodeFixProvider Provider, CodeAction Action)>> ActionsAsync(
        Document document, Diagnostic diagnostic, IEnumerable<CodeFixProvider> providers)
    {
        var actions = new List<(CodeFixProvider, CodeAction)>();
        foreach (var provider in providers.Where(provider => provider.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add((provider, action)), CancellationToken.None));
        }

        return actions;
    }
}
