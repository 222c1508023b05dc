using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Writes.DestinationRemovedBeforeMoveAnalyzer,
    SafeWrites.CodeFixes.Writes.DestinationRemovedBeforeMoveCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1004 fix "Move over the destination in one step": each fixed output compiles (Fix All included).</summary>
public class SW1004CodeFixTests
{
    [Fact]
    public Task Delete_is_removed_and_the_move_overwrites()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    // The old file goes first.
                    {|SW1004:File.Delete(path)|};
                    // Then the new one moves in.
                    File.Move(tmp, path);
                }
            }
            """,
            """
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    // The old file goes first.
                    // Then the new one moves in.
                    File.Move(tmp, path, overwrite: true);
                }
            }
            """);

    [Fact]
    public Task Exists_guard_goes_with_the_delete()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class Settings
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllBytes(tmp, data);
                    if (File.Exists(path))
                    {
                        {|SW1004:File.Delete(path)|};
                    }

                    File.Move(tmp, path);
                }
            }
            """,
            """
            using System.IO;

            class Settings
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllBytes(tmp, data);

                    File.Move(tmp, path, overwrite: true);
                }
            }
            """);

    [Fact]
    public Task Move_that_already_overwrites_keeps_its_arguments()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    if (File.Exists(path)) {|SW1004:File.Delete(path)|};
                    File.Move(tmp, path, true);
                }
            }
            """,
            """
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task FileInfo_Delete_then_MoveTo_is_fixed()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class Profile
            {
                public void Save(string path, string json)
                {
                    var target = new FileInfo(path);
                    var temp = new FileInfo(path + ".tmp");
                    using (var writer = temp.CreateText())
                    {
                        writer.Write(json);
                    }

                    {|SW1004:target.Delete()|};
                    temp.MoveTo(path);
                }
            }
            """,
            """
            using System.IO;

            class Profile
            {
                public void Save(string path, string json)
                {
                    var target = new FileInfo(path);
                    var temp = new FileInfo(path + ".tmp");
                    using (var writer = temp.CreateText())
                    {
                        writer.Write(json);
                    }
                    temp.MoveTo(path, overwrite: true);
                }
            }
            """);

    [Fact]
    public Task Fix_all_fixes_every_method()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class Store
            {
                public void SaveText(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    {|SW1004:File.Delete(path)|};
                    File.Move(tmp, path);
                }

                public void SaveBytes(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllBytes(tmp, data);
                    {|SW1004:File.Delete(path)|};
                    File.Move(tmp, path);
                }
            }
            """,
            """
            using System.IO;

            class Store
            {
                public void SaveText(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, overwrite: true);
                }

                public void SaveBytes(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllBytes(tmp, data);
                    File.Move(tmp, path, overwrite: true);
                }
            }
            """);

    [Fact]
    public Task Move_away_to_a_backup_gets_no_fix()
        => Verify.VerifyNoFixAsync("""
            using System.IO;

            class SaveGame
            {
                public void Write(string path, byte[] data)
                {
                    var pending = path + ".pending";
                    File.WriteAllBytes(pending, data);
                    {|SW1004:File.Move(path, path + ".bak")|};
                    File.Move(pending, path);
                }
            }
            """);

    [Fact]
    public Task Delete_before_a_copy_gets_no_fix()
        => Verify.VerifyNoFixAsync("""
            using System.IO;

            class Exporter
            {
                public void Publish(string dest, string text)
                {
                    var tmp = dest + ".partial";
                    File.WriteAllText(tmp, text);
                    {|SW1004:File.Delete(dest)|};
                    File.Copy(tmp, dest);
                }
            }
            """);
}
