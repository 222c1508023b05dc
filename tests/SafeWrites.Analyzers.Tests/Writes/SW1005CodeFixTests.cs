using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Writes.RenamedWithoutFlushAnalyzer,
    SafeWrites.CodeFixes.Writes.RenamedWithoutFlushCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1005 fix "Flush to disk before the rename": each fixed output compiles (Fix All included).</summary>
public class SW1005CodeFixTests
{
    [Fact]
    public Task Flush_true_is_added_at_the_end_of_the_using_block()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class Store
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    using (var fs = new FileStream(tmp, FileMode.Create))
                    {
                        // The payload.
                        fs.Write(data, 0, data.Length); // all of it
                    }

                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """,
            """
            using System.IO;

            class Store
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    using (var fs = new FileStream(tmp, FileMode.Create))
                    {
                        // The payload.
                        fs.Write(data, 0, data.Length); // all of it
                        fs.Flush(flushToDisk: true);
                    }

                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Writer_is_flushed_before_the_stream()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class Store
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    using (var fs = File.Create(tmp))
                    using (var writer = new StreamWriter(fs))
                    {
                        writer.Write(text);
                    }

                    {|SW1005:File.Replace(tmp, path, null)|};
                }
            }
            """,
            """
            using System.IO;

            class Store
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    using (var fs = File.Create(tmp))
                    using (var writer = new StreamWriter(fs))
                    {
                        writer.Write(text);
                        writer.Flush();
                        fs.Flush(flushToDisk: true);
                    }

                    File.Replace(tmp, path, null);
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
                public void A(string path, byte[] data)
                {
                    var tmp = path + ".a";
                    using (var fs = File.Create(tmp))
                    {
                        fs.Write(data);
                    }

                    {|SW1005:File.Move(tmp, path, true)|};
                }

                public void B(string path, byte[] data)
                {
                    var tmp = path + ".b";
                    using (var fs = File.Create(tmp))
                    {
                        fs.Write(data);
                    }

                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """,
            """
            using System.IO;

            class Store
            {
                public void A(string path, byte[] data)
                {
                    var tmp = path + ".a";
                    using (var fs = File.Create(tmp))
                    {
                        fs.Write(data);
                        fs.Flush(flushToDisk: true);
                    }

                    File.Move(tmp, path, true);
                }

                public void B(string path, byte[] data)
                {
                    var tmp = path + ".b";
                    using (var fs = File.Create(tmp))
                    {
                        fs.Write(data);
                        fs.Flush(flushToDisk: true);
                    }

                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task WriteAllText_temp_gets_no_fix()
        => Verify.VerifyNoFixAsync("""
            using System.IO;

            class Store
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
    public Task Stream_still_open_at_the_rename_gets_no_fix()
        => Verify.VerifyNoFixAsync("""
            using System.IO;

            class Store
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    using var writer = new StreamWriter(tmp);
                    writer.Write(text);
                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Compression_stream_over_the_file_gets_no_fix()
        => Verify.VerifyNoFixAsync("""
            using System.IO;
            using System.IO.Compression;

            class Store
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    using (var fs = File.Create(tmp))
                    using (var zip = new GZipStream(fs, CompressionLevel.Optimal))
                    {
                        zip.Write(data);
                    }

                    {|SW1005:File.Move(tmp, path, true)|};
                }
            }
            """);
}
