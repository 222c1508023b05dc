using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SafeWrites.Analyzers.Resets;
using SafeWrites.Analyzers.Tests.Verifiers;
using SafeWrites.Analyzers.Writes;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>
/// Runs every write rule (SW1001–SW1006) and SW3001 together over one source, optionally with the real
/// System.IO.Abstractions assemblies, a <c>SafeWrites.WriteMethods.txt</c> and SW1001's scope <c>all</c>.
/// </summary>
internal static class WriteFamilyTest
{
    /// <summary>The TestableIO package's assemblies: the interfaces (IFileSystem, IFile …) and the package's own forwarding assembly.</summary>
    public static MetadataReference[] Abstractions { get; } = LoadAbstractions();

    public static DiagnosticAnalyzer[] All() => new DiagnosticAnalyzer[]
    {
        new FileOverwrittenInPlaceAnalyzer(), new JsonSerializedInPlaceAnalyzer(), new TempMovedFromOtherDirectoryAnalyzer(),
        new DestinationRemovedBeforeMoveAnalyzer(), new RenamedWithoutFlushAnalyzer(), new FixedTempFileNameAnalyzer(),
        new StateResetBeforeSaveAnalyzer(),
    };

    /// <summary>Every write rule and SW3001 over <paramref name="source"/> (markup); SW1001's scope <c>all</c> unless <paramref name="stateScope"/>.</summary>
    public static Task VerifyAsync(string source, bool abstractions = false, string? writeMethods = null, bool stateScope = false)
    {
        var test = new MultiAnalyzerTest(All()) { TestCode = source };
        Configure(test.TestState, abstractions, writeMethods, stateScope);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The rule reports and its fix declines (the fixed code equals the source), with the real runtime referenced.</summary>
    public static Task VerifyNoFixAsync<TAnalyzer, TFix>(string source, bool abstractions = false, string? writeMethods = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixVerifier<TAnalyzer, TFix>.Test { TestCode = source, FixedCode = source };
        Configure(test.TestState, abstractions, writeMethods);
        return test.RunAsync(CancellationToken.None);
    }

    public static void Configure(SolutionState state, bool abstractions, string? writeMethods, bool stateScope = false)
    {
        if (abstractions)
        {
            state.AdditionalReferences.AddRange(Abstractions);
        }

        if (writeMethods is not null)
        {
            state.AdditionalFiles.Add(("/SafeWrites.WriteMethods.txt", writeMethods));
        }

        if (!stateScope)
        {
            state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nsafewrites.sw1001.scope = all\n"));
        }
    }

    /// <summary>The net8.0 builds the test project copies to <c>abstractions-net8.0/</c> (the test compilations target .NET 8).</summary>
    private static MetadataReference[] LoadAbstractions()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "abstractions-net8.0");
        return new[] { "Testably.Abstractions.FileSystem.Interface.dll", "TestableIO.System.IO.Abstractions.dll" }
            .Select(name => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(folder, name)))
            .ToArray();
    }
}
