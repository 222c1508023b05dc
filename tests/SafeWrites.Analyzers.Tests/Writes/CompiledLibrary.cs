using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeWrites.Analyzers.Tests.Verifiers;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>
/// A small library compiled in the test and referenced as metadata only, so that the analyzed compilation sees its
/// methods as code outside the compilation (no bodies, no syntax), the way it sees a NuGet package.
/// </summary>
internal static class CompiledLibrary
{
    public static MetadataReference Compile(string assemblyName, string source)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The test library does not compile: " + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
