using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SafeWrites.Analyzers.Tests.Verifiers;
using SafeWrites.Analyzers.Writes;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Writes.TempMovedFromOtherDirectoryAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1003 — Temporary file is moved in from another directory: reported at the move, copy or replace.</summary>
public class SW1003TempMovedFromOtherDirectoryTests
{
    // ---------------------------------------------------------------- reported

    [Fact]
    public Task GetTempFileName_moved_over_the_destination_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var tmp = Path.GetTempFileName();
                    File.WriteAllText(tmp, text);
                    {|SW1003:File.Move(tmp, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Path_under_GetTempPath_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var tmp = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json");
                    File.WriteAllText(tmp, text);
                    {|SW1003:File.Move(tmp, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Replace_from_the_temp_directory_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var tmp = Path.GetTempFileName();
                    File.WriteAllText(tmp, text);
                    {|SW1003:File.Replace(tmp, path, path + ".bak")|};
                }
            }
            """);

    [Fact]
    public Task Copy_with_overwrite_from_the_temp_directory_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Exporter
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = Path.GetTempFileName();
                    File.WriteAllBytes(tmp, data);
                    {|SW1003:File.Copy(tmp, path, overwrite: true)|};
                    File.Delete(tmp);
                }
            }
            """);

    [Fact]
    public Task FileInfo_MoveTo_from_the_temp_directory_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Profile
            {
                public void Save(string path, string json)
                {
                    var info = new FileInfo(Path.GetTempFileName());
                    using (var writer = info.CreateText())
                    {
                        writer.Write(json);
                    }

                    {|SW1003:info.MoveTo(path, true)|};
                }
            }
            """);

    [Fact]
    public Task Temp_directory_in_a_field_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Cache
            {
                private readonly string _scratch = Path.Combine(Path.GetTempPath(), "cache-work");

                public void Save(string path, string name, byte[] data)
                {
                    var tmp = Path.Combine(_scratch, name);
                    File.WriteAllBytes(tmp, data);
                    {|SW1003:File.Move(tmp, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Temp_subdirectory_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Builder
            {
                public void Save(string path, string text)
                {
                    var dir = Directory.CreateTempSubdirectory("build").FullName;
                    var tmp = Path.Combine(dir, "out.txt");
                    File.WriteAllText(tmp, text);
                    {|SW1003:File.Move(tmp, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Downloaded_temp_moved_over_the_destination_is_reported_without_a_seen_write()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Downloader
            {
                public void Install(string destination)
                {
                    var tmp = Path.GetTempFileName();
                    Fetch(tmp);
                    {|SW1003:File.Move(tmp, destination, true)|};
                }

                private static void Fetch(string target) { }
            }
            """);

    [Fact]
    public Task Temp_written_in_another_method_through_a_field_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Snapshot
            {
                private readonly string _temp = Path.GetTempFileName();

                public void Take(string path, byte[] data)
                {
                    Write(data);
                    {|SW1003:File.Move(_temp, path, true)|};
                }

                private void Write(byte[] data) => File.WriteAllBytes(_temp, data);
            }
            """);

    [Fact]
    public Task Multi_line_move_is_squiggled_on_its_first_line()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var tmp = Path.GetTempFileName();
                    File.WriteAllText(tmp, text);
                    {|SW1003:File.Move(|}
                        tmp,
                        path,
                        true);
                }
            }
            """);

    [Fact]
    public Task Temp_directory_move_without_flush_gets_SW1003_and_SW1005()
        => new MultiAnalyzerTest(new TempMovedFromOtherDirectoryAnalyzer(), new RenamedWithoutFlushAnalyzer())
        {
            TestCode = """
                using System.IO;

                class Settings
                {
                    public void Save(string path, string text)
                    {
                        var tmp = Path.GetTempFileName();
                        File.WriteAllText(tmp, text);
                        {|SW1003:{|SW1005:File.Move(tmp, path, true)|}|};
                    }
                }
                """,
        }.RunAsync();

    // ---------------------------------------------------------------- not reported

    [Fact]
    public Task Temp_beside_the_destination_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var tmp = Path.Combine(Path.GetDirectoryName(path)!, Path.GetRandomFileName());
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task GetRandomFileName_alone_is_not_the_temp_directory()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var tmp = path + "." + Path.GetRandomFileName();
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Staging_move_into_the_destination_directory_then_replace_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var tmp = Path.GetTempFileName();
                    File.WriteAllText(tmp, text);
                    var staged = path + "." + Guid.NewGuid().ToString("N");
                    File.Move(tmp, staged);
                    File.Replace(staged, path, null);
                }
            }
            """);

    [Fact]
    public Task Move_within_the_temp_directory_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Rotate(string text)
                {
                    var tmp = Path.GetTempFileName();
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, Path.Combine(Path.GetTempPath(), "report.txt"), true);
                }
            }
            """);

    [Fact]
    public Task Same_directory_temp_with_fixed_name_is_not_SW1003()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Other
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
    public Task Temp_file_read_and_deleted_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public string RoundTrip(string text)
                {
                    var tmp = Path.GetTempFileName();
                    File.WriteAllText(tmp, text);
                    var back = File.ReadAllText(tmp);
                    File.Delete(tmp);
                    return back;
                }
            }
            """);

    [Fact]
    public Task Moving_a_user_file_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Organizer
            {
                public void Archive(string file, string archive) => File.Move(file, Path.Combine(archive, Path.GetFileName(file)));
            }
            """);

    [Fact]
    public Task AtomicFile_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using SafeWrites;

            class Good
            {
                public void Save(string path, byte[] data) => AtomicFile.WriteAllBytes(path, data);
            }
            """);

    [Fact]
    public Task Half_typed_temp_move_does_not_throw()
        => new Verify.Test
        {
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = """
                using System.IO;

                class Broken
                {
                    public void Save(string path, string text)
                    {
                        var tmp = Path.GetTempFileName(
                        File.WriteAllText(tmp, text);
                        File.Move(tmp, path
                    }
                }
                """,
        }.RunAsync();
}
