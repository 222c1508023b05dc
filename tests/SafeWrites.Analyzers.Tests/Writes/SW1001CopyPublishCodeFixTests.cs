using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SafeWrites.Analyzers.Tests.Verifiers;
using SafeWrites.Analyzers.Writes;
using SafeWrites.CodeFixes.Writes;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Writes.FileOverwrittenInPlaceAnalyzer,
    SafeWrites.CodeFixes.Writes.CopyPublishCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1001 fix "Publish with File.Move" for a copy that publishes a temp: compiled against the runtime, Fix All on.</summary>
public class SW1001CopyPublishCodeFixTests
{
    [Fact]
    public Task Copy_and_CopyTo_become_moves_and_Fix_All_fixes_both()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class Publisher
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".new";
                    File.WriteAllText(tmp, text);
                    {|SW1001:File.Copy(tmp, path, overwrite: true)|}; // publish
                    File.Delete(tmp);
                }

                public void SaveBytes(string path, byte[] data)
                {
                    var staged = new FileInfo(path + ".part");
                    using (var stream = staged.Create())
                    {
                        stream.Write(data);
                    }

                    {|SW1001:staged.CopyTo(path, true)|};
                }
            }
            """,
            """
            using System.IO;

            class Publisher
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".new";
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, overwrite: true); // publish
                    File.Delete(tmp);
                }

                public void SaveBytes(string path, byte[] data)
                {
                    var staged = new FileInfo(path + ".part");
                    using (var stream = staged.Create())
                    {
                        stream.Write(data);
                    }

                    staged.MoveTo(path, true);
                }
            }
            """,
            OutputKind.DynamicallyLinkedLibrary,
            Sw1001Scope.All);

    [Fact]
    public Task No_fix_when_the_temp_is_used_after_the_copy()
        => Verify.VerifyNoFixAsync(
            """
            using System.IO;

            class KeepsTemp
            {
                public string Save(string path, string text)
                {
                    var tmp = path + ".new";
                    File.WriteAllText(tmp, text);
                    {|SW1001:File.Copy(tmp, path, overwrite: true)|};
                    return File.ReadAllText(tmp);
                }

                public void SaveInfo(string path, byte[] data)
                {
                    var staged = new FileInfo(path + ".part");
                    using (var stream = staged.Create())
                    {
                        stream.Write(data);
                    }

                    {|SW1001:staged.CopyTo(path, true)|};
                    staged.Delete();
                }
            }
            """,
            globalConfig: Sw1001Scope.All);

    [SkippableFact]
    public Task No_fix_on_a_framework_without_the_overwriting_move()
    {
        var netstandard = NetStandardReference();
        Skip.If(netstandard is null, "netstandard.dll of NETStandard.Library 2.0.3 is not in the NuGet packages folder (it restores with the runtime's netstandard2.0 target).");
        const string source = """
            using System.IO;

            class OldFramework
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".new";
                    File.WriteAllText(tmp, text);
                    {|SW1001:File.Copy(tmp, path, true)|};
                }
            }
            """;
        var test = new Verify.Test(withRuntime: false) { TestCode = source, FixedCode = source, GlobalConfig = Sw1001Scope.All };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.Add(netstandard!);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task The_AtomicFile_fix_is_not_offered_for_a_copy()
        => CSharpCodeFixVerifier<FileOverwrittenInPlaceAnalyzer, FileOverwrittenInPlaceCodeFixProvider>.VerifyNoFixAsync(
            """
            using System.IO;

            class Publisher
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".new";
                    File.WriteAllText(tmp, text);
                    {|SW1001:File.Copy(tmp, path, true)|};
                }
            }
            """,
            globalConfig: Sw1001Scope.All);

    /// <summary>The netstandard 2.0 reference assembly, whose <c>File.Move</c> has no overwrite flag.</summary>
    private static MetadataReference? NetStandardReference()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, "netstandard.library", "2.0.3", "build", "netstandard2.0", "ref", "netstandard.dll");
        return File.Exists(path) ? MetadataReference.CreateFromFile(path) : null;
    }
}
