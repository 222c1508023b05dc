using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SafeWrites.Analyzers.Tests.Verifiers;
using SafeWrites.Analyzers.Writes;
using Xunit;
using Verifier = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Writes.FileOverwrittenInPlaceAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>
/// SW1001 — <c>File.Copy(tmp, dest, overwrite: true)</c> as the publishing step: a copy rewrites the destination in
/// place, so it is reported at the copy (not at the temp write); from the temp directory it is SW1003's instead.
/// </summary>
public class SW1001CopyPublishTests
{
    [Fact]
    public Task Copy_with_overwrite_of_a_temp_written_here_is_reported_at_the_copy()
        => Verify("""
            using System.IO;

            public static class Publisher
            {
                public static void Save(string path, string text)
                {
                    var tmp = path + ".new";
                    File.WriteAllText(tmp, text);
                    {|SW1001:File.Copy(tmp, path, overwrite: true)|};
                    File.Delete(tmp);
                }

                public static void SaveInfo(string path, byte[] data)
                {
                    var staged = new FileInfo(path + ".part");
                    using (var stream = staged.Create())
                    {
                        stream.Write(data);
                    }

                    {|SW1001:staged.CopyTo(path, true)|};
                }
            }
            """);

    [Fact]
    public Task Copy_publish_of_a_state_file_is_reported_at_the_default_scope()
        => Verifier.VerifyAnalyzerAsync("""
            using System.IO;

            public sealed class Preferences
            {
                private const string FileName = "preferences.ini";

                public void Save(string text)
                {
                    var tmp = FileName + ".tmp";
                    File.WriteAllText(tmp, text);
                    {|SW1001:File.Copy(tmp, FileName, true)|};
                }
            }
            """, OutputKind.DynamicallyLinkedLibrary, (string?)null);

    [Fact]
    public Task Copies_that_are_not_an_in_place_publish_are_not_reported()
        => Verify("""
            using System.IO;

            public static class NotPublishes
            {
                // Without overwrite the copy only creates the destination (the temp, never published over
                // anything, stays an in-place write of its own).
                public static void Create(string path, string text)
                {
                    var tmp = path + ".new";
                    {|SW1001:File.WriteAllText(tmp, text)|};
                    File.Copy(tmp, path);
                }

                // Nothing here wrote the source: restoring a backup.
                public static void Restore(string path) => File.Copy(path + ".bak", path, overwrite: true);

                // A staging copy next to the destination, then renamed over it.
                public static void Staged(string path, string text)
                {
                    var tmp = path + ".new";
                    var staged = path + ".staged";
                    File.WriteAllText(tmp, text);
                    File.Copy(tmp, staged, true);
                    File.Move(staged, path, true);
                }
            }
            """);

    [Fact]
    public Task Copy_from_the_temp_directory_is_SW1003_not_SW1001()
        => MultiAnalyzerTest.VerifyAsync(
            """
            using System.IO;

            public static class FromTemp
            {
                public static void Save(string path, string text)
                {
                    var tmp = Path.GetTempFileName();
                    File.WriteAllText(tmp, text);
                    {|SW1003:File.Copy(tmp, path, overwrite: true)|};
                }
            }
            """,
            new FileOverwrittenInPlaceAnalyzer(),
            new TempMovedFromOtherDirectoryAnalyzer());

    private static Task Verify(string source) => Verifier.VerifyAnalyzerAsync(source, OutputKind.DynamicallyLinkedLibrary, Sw1001Scope.All);
}
