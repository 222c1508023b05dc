using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SafeWrites.Analyzers.Tests.Verifiers;

/// <summary>
/// What every test compilation references: the .NET 8 reference assemblies (Basic.Reference.Assemblies; the
/// feed lacks the package ReferenceAssemblies.Net.Net80 asks for), Newtonsoft.Json, and the SafeWrites runtime,
/// so that fixed code is compile-checked against the real AtomicFile.
/// </summary>
internal static class TestReferences
{
    /// <summary>No reference package: the assemblies come from <see cref="Net80"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net8.0-basic");

    public static ImmutableArray<MetadataReference> Net80 { get; } = Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToImmutableArray();

    public static MetadataReference Newtonsoft { get; } = MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location);

    public static MetadataReference SafeWritesRuntime { get; } = MetadataReference.CreateFromFile(RuntimeAssembly.Location);

    public static Assembly RuntimeAssembly => typeof(SafeWrites.AtomicFile).Assembly;

    public static void AddTo(SolutionState state, bool withRuntime)
    {
        state.AdditionalReferences.AddRange(Net80);
        state.AdditionalReferences.Add(Newtonsoft);
        if (withRuntime)
        {
            state.AdditionalReferences.Add(SafeWritesRuntime);
        }
    }
}
