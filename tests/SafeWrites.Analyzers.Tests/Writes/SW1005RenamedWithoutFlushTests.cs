using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Writes.RenamedWithoutFlushAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1005 — Renamed into place without flushing to disk: reported (Info) at the rename.</summary>
public class SW1005RenamedWithoutFlushTests
{
    // ---------------------------------------------------------------- reported

    [Fact]
    public Task WriteAllText_then_move_is_reported_at_the_move()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Stream_closed_without_flush_then_replace_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Store
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + "." + System.Guid.NewGuid().ToString("N");
                    using (var fs = new FileStream(tmp, FileMode.CreateNew))
                    {
                        fs.Write(data, 0, data.Length);
                        fs.Flush();
                    }

                    {|SW1005:File.Replace(tmp, path, null)|};
                }
            }
            """);

    [Fact]
    public Task Flush_on_some_platforms_only_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class Config
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    using (var fs = File.Create(tmp))
                    {
                        fs.Write(data);
                        if (OperatingSystem.IsWindows())
                        {
                            fs.Flush(true);
                        }
                    }

                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Flush_in_one_branch_only_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Config
            {
                public void Save(string path, byte[] data, bool durable)
                {
                    var tmp = path + ".tmp";
                    using (var fs = File.Create(tmp))
                    {
                        fs.Write(data);
                        if (durable) fs.Flush(true); else fs.Flush();
                    }

                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Move_after_using_declaration_is_reported_as_still_open()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Ledger
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    using var writer = new StreamWriter(tmp);
                    writer.Write(text);
                    {|#0:File.Move(tmp, path, true)|};
                }
            }
            """,
            Verify.Diagnostic("SW1005").WithLocation(0).WithArguments("File.Move", "while the stream writing it is still open"));

    [Fact]
    public Task Move_inside_the_using_block_is_reported_even_after_Flush_true_if_writes_followed()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Ledger
            {
                public void Save(string path, byte[] head, byte[] tail)
                {
                    var tmp = path + ".tmp";
                    using (var fs = File.Create(tmp))
                    {
                        fs.Write(head);
                        fs.Flush(true);
                        fs.Write(tail);
                        {|SW1005:File.Move(tmp, path, true)|};
                    }
                }
            }
            """);

    [Fact]
    public Task Disk_flush_before_the_writer_is_flushed_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Ledger
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    using (var fs = File.Create(tmp))
                    using (var writer = new StreamWriter(fs))
                    {
                        writer.Write(text);
                        fs.Flush(true);
                    }

                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Flush_false_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Ledger
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    using (var fs = File.Create(tmp))
                    {
                        fs.Write(data);
                        fs.Flush(false);
                    }

                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Write_in_another_method_of_the_type_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Snapshot
            {
                private readonly string _path = "snapshot.bin";
                private readonly string _temp = "snapshot.bin.tmp";

                public void Take(byte[] data)
                {
                    WriteTemp(data);
                    {|SW1005:File.Move(_temp, _path, true)|};
                }

                private void WriteTemp(byte[] data)
                {
                    using var fs = new FileStream(_temp, FileMode.Create, FileAccess.Write);
                    fs.Write(data, 0, data.Length);
                }
            }
            """);

    [Fact]
    public Task FileInfo_MoveTo_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Profile
            {
                public void Save(string path, string json)
                {
                    var temp = new FileInfo(path + ".tmp");
                    using (var writer = temp.CreateText())
                    {
                        writer.Write(json);
                    }

                    {|SW1005:temp.MoveTo(path, overwrite: true)|};
                }
            }
            """);

    [Fact]
    public Task Temp_from_GetTempFileName_gets_SW1005_too()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Downloader
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = Path.GetTempFileName();
                    File.WriteAllBytes(tmp, data);
                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Stream_never_closed_before_the_move_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Leaky
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    var fs = File.Create(tmp);
                    fs.Write(data);
                    {|SW1005:File.Move(tmp, path, true)|};
                    fs.Dispose();
                }
            }
            """);

    // ---------------------------------------------------------------- not reported

    [Fact]
    public Task Flush_true_then_close_then_move_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write))
                    {
                        fs.Write(data, 0, data.Length);
                        fs.Flush(flushToDisk: true);
                    }

                    File.Move(tmp, path, overwrite: true);
                }
            }
            """);

    [Fact]
    public Task Writer_flushed_then_disk_flush_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    using (var fs = File.Create(tmp))
                    using (var writer = new StreamWriter(fs))
                    {
                        writer.Write(text);
                        writer.Flush();
                        fs.Flush(true);
                    }

                    File.Replace(tmp, path, null);
                }
            }
            """);

    [Fact]
    public Task WriteThrough_stream_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                    {
                        fs.Write(data, 0, data.Length);
                    }

                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task WriteThrough_through_FileStreamOptions_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    using (var fs = new FileStream(tmp, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.WriteThrough }))
                    {
                        fs.Write(data);
                    }

                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Flush_through_a_helper_of_the_type_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    using (var fs = File.Create(tmp))
                    {
                        fs.Write(data);
                        Durable(fs);
                    }

                    File.Move(tmp, path, true);
                }

                private static void Durable(FileStream stream) => stream.Flush(true);
            }
            """);

    [Fact]
    public Task RandomAccess_FlushToDisk_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    using (var fs = File.Create(tmp))
                    {
                        fs.Write(data);
                        RandomAccess.FlushToDisk(fs.SafeFileHandle);
                    }

                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Flush_override_calling_Flush_true_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            sealed class DurableStream : FileStream
            {
                public DurableStream(string path) : base(path, FileMode.Create, FileAccess.Write) { }

                public override void Flush() => Flush(flushToDisk: true);
            }

            class Good
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    using (var fs = new DurableStream(tmp))
                    {
                        fs.Write(data);
                        fs.Flush();
                    }

                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Flush_in_the_same_branch_as_the_move_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, byte[] data, bool publish)
                {
                    var tmp = path + ".tmp";
                    var fs = File.Create(tmp);
                    fs.Write(data);
                    if (publish)
                    {
                        fs.Flush(true);
                        fs.Dispose();
                        File.Move(tmp, path, true);
                    }
                }
            }
            """);

    [Fact]
    public Task Copy_is_not_a_rename_and_is_left_to_other_rules()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Other
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    File.Copy(tmp, path, overwrite: true);
                }
            }
            """);

    [Fact]
    public Task Move_of_a_file_nothing_here_wrote_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Organizer
            {
                public void Archive(string file, string archiveDirectory)
                    => File.Move(file, Path.Combine(archiveDirectory, Path.GetFileName(file)));
            }
            """);

    [Fact]
    public Task AtomicFile_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using SafeWrites;

            class Good
            {
                public void Save(string path, byte[] data)
                {
                    using var stream = AtomicFile.Create(path);
                    stream.Write(data);
                    stream.Commit();
                }
            }
            """);

    [Fact]
    public Task Half_typed_flush_and_move_do_not_throw()
        => new Verify.Test
        {
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = """
                using System.IO;

                class Broken
                {
                    public void Save(string path, byte[] data)
                    {
                        var tmp = path + ".tmp";
                        using (var fs = File.Create(tmp))
                        {
                            fs.Write(data);
                            fs.Flush(
                        }

                        File.Move(tmp, path, 
                    }
                }
                """,
        }.RunAsync();
}
