using System.Threading.Tasks;
using Xunit;
using VerifySW1004 = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Writes.DestinationRemovedBeforeMoveAnalyzer,
    SafeWrites.CodeFixes.Writes.ReplaceWithAtomicFileCodeFixProvider>;
using VerifySW1005 = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Writes.RenamedWithoutFlushAnalyzer,
    SafeWrites.CodeFixes.Writes.ReplaceWithAtomicFileCodeFixProvider>;
using VerifySW1006 = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Writes.FixedTempFileNameAnalyzer,
    SafeWrites.CodeFixes.Writes.ReplaceWithAtomicFileCodeFixProvider>;
using VerifySW1003 = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Writes.TempMovedFromOtherDirectoryAnalyzer,
    SafeWrites.CodeFixes.Writes.ReplaceWithAtomicFileCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>Fix "Replace with AtomicFile" (SW1003–SW1006): the hand-made sequence becomes one AtomicFile call, compiled against the runtime.</summary>
public class PublishAtomicFileCodeFixTests
{
    [Fact]
    public Task SW1005_WriteAllText_then_move_becomes_AtomicFile_WriteAllText()
        => VerifySW1005.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text;

            class Settings
            {
                public void Save(string path, string text)
                {
                    // Stage the new content.
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text, Encoding.UTF8);
                    // Publish it.
                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """,
            """
            using System.IO;
            using System.Text;
            using SafeWrites;

            class Settings
            {
                public void Save(string path, string text)
                {
                    // Stage the new content.
                    // Publish it.
                    AtomicFile.WriteAllText(path, text, Encoding.UTF8);
                }
            }
            """);

    [Fact]
    public Task SW1004_delete_and_move_collapse_and_the_token_is_kept()
        => VerifySW1004.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            class Settings
            {
                public async Task SaveAsync(string path, byte[] data, CancellationToken ct)
                {
                    var tmp = path + ".tmp";
                    await File.WriteAllBytesAsync(tmp, data, ct);
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
            using System.Threading;
            using System.Threading.Tasks;
            using SafeWrites;

            class Settings
            {
                public async Task SaveAsync(string path, byte[] data, CancellationToken ct)
                {
                    await AtomicFile.WriteAllBytesAsync(path, data, ct);
                }
            }
            """);

    [Fact]
    public Task SW1006_Replace_with_a_backup_keeps_a_backup()
        => VerifySW1006.VerifyCodeFixAsync(
            """
            using System.IO;

            class Journal
            {
                public void Save(string path, string[] lines)
                {
                    var tmp = {|SW1006:path + ".tmp"|};
                    File.WriteAllLines(tmp, lines);
                    File.Replace(tmp, path, path + ".bak");
                }
            }
            """,
            """
            using System.IO;
            using SafeWrites;

            class Journal
            {
                public void Save(string path, string[] lines)
                {
                    AtomicFile.WriteAllLines(path, lines, new AtomicWriteOptions { KeepBackup = true });
                }
            }
            """);

    [Fact]
    public Task SW1003_GetTempFileName_sequence_becomes_AtomicFile()
        => VerifySW1003.VerifyCodeFixAsync(
            """
            using System.IO;

            class Downloader
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = Path.GetTempFileName();
                    File.WriteAllBytes(tmp, data);
                    {|SW1003:File.Move(tmp, path, true)|};
                }
            }
            """,
            """
            using System.IO;
            using SafeWrites;

            class Downloader
            {
                public void Save(string path, byte[] data)
                {
                    AtomicFile.WriteAllBytes(path, data);
                }
            }
            """);

    [Fact]
    public Task Fix_all_collapses_every_sequence()
        => VerifySW1005.VerifyCodeFixAsync(
            """
            using System.IO;

            class Store
            {
                public void A(string path, string text)
                {
                    var tmp = path + ".a";
                    File.WriteAllText(tmp, text);
                    {|SW1005:File.Move(tmp, path, true)|};
                }

                public void B(string path, byte[] data)
                {
                    var tmp = path + ".b";
                    File.WriteAllBytes(tmp, data);
                    {|SW1005:File.Replace(tmp, path, null)|};
                }
            }
            """,
            """
            using System.IO;
            using SafeWrites;

            class Store
            {
                public void A(string path, string text)
                {
                    AtomicFile.WriteAllText(path, text);
                }

                public void B(string path, byte[] data)
                {
                    AtomicFile.WriteAllBytes(path, data);
                }
            }
            """);

    [Fact]
    public Task Temp_used_after_the_move_gets_no_fix()
        => VerifySW1005.VerifyNoFixAsync("""
            using System.IO;

            class Store
            {
                public string Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    {|SW1005:File.Move(tmp, path, true)|};
                    return tmp;
                }
            }
            """);

    [Fact]
    public Task Other_statements_between_write_and_move_get_no_fix()
        => VerifySW1005.VerifyNoFixAsync("""
            using System;
            using System.IO;

            class Store
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    Console.WriteLine("saving");
                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """);
}
