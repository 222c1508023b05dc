using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Writes.DestinationRemovedBeforeMoveAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1004 — Destination removed before the replacement is moved in: reported at the delete or move-away.</summary>
public class SW1004DestinationRemovedBeforeMoveTests
{
    // ---------------------------------------------------------------- reported

    [Fact]
    public Task Delete_then_move_of_a_written_temp_is_reported_at_the_delete()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class SettingsFile
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".new";
                    File.WriteAllText(tmp, text);
                    {|SW1004:File.Delete(path)|};
                    File.Move(tmp, path);
                }
            }
            """);

    [Fact]
    public Task Delete_guarded_by_Exists_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Wallet
            {
                private readonly string _file;

                public Wallet(string file) => _file = file;

                public void Store(byte[] data)
                {
                    var temp = _file + ".tmp";
                    File.WriteAllBytes(temp, data);
                    if (File.Exists(_file))
                    {
                        {|SW1004:File.Delete(_file)|};
                    }

                    File.Move(temp, _file);
                }
            }
            """);

    [Fact]
    public Task Move_away_to_a_backup_name_is_reported()
        => Verify.VerifyAnalyzerAsync("""
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
    public Task Delete_then_copy_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Exporter
            {
                public void Publish(string dest, string text)
                {
                    var tmp = dest + ".partial";
                    File.WriteAllText(tmp, text);
                    {|SW1004:File.Delete(dest)|};
                    File.Copy(tmp, dest);
                    File.Delete(tmp);
                }
            }
            """);

    [Fact]
    public Task FileInfo_Delete_then_MoveTo_is_reported()
        => Verify.VerifyAnalyzerAsync("""
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
            """);

    [Fact]
    public Task Delete_before_a_move_with_overwrite_is_still_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Cache
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllBytes(tmp, data);
                    {|SW1004:File.Delete(path)|};
                    File.Move(tmp, path, overwrite: true);
                }
            }
            """);

    [Fact]
    public Task Temp_from_GetTempFileName_moved_after_delete_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Downloader
            {
                public void Store(string destination, Stream content)
                {
                    var temp = Path.GetTempFileName();
                    using (var file = File.Create(temp))
                    {
                        content.CopyTo(file);
                    }

                    {|SW1004:File.Delete(destination)|};
                    File.Move(temp, destination);
                }
            }
            """);

    [Fact]
    public Task Write_in_a_helper_of_the_type_then_delete_and_move_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Store
            {
                private readonly string _path = "store.json";

                public void Save(string json)
                {
                    var tmp = _path + ".tmp";
                    WriteTemp(tmp, json);
                    {|SW1004:File.Delete(_path)|};
                    File.Move(tmp, _path);
                }

                private static void WriteTemp(string file, string json)
                {
                    using var writer = new StreamWriter(file);
                    writer.Write(json);
                }
            }
            """);

    [Fact]
    public Task Publish_helper_whose_caller_writes_the_temp_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Journal
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    Publish(tmp, path);
                }

                private static void Publish(string from, string to)
                {
                    if (File.Exists(to))
                    {
                        {|SW1004:File.Delete(to)|};
                    }

                    File.Move(from, to);
                }
            }
            """);

    [Fact]
    public Task Async_write_then_delete_and_move_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            class Settings
            {
                public async Task SaveAsync(string path, string json, CancellationToken ct)
                {
                    var tmp = path + ".tmp";
                    await File.WriteAllTextAsync(tmp, json, ct);
                    {|SW1004:File.Delete(path)|};
                    File.Move(tmp, path);
                }
            }
            """);

    [Fact]
    public Task Multi_line_delete_is_squiggled_on_its_first_line()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Notes
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    {|SW1004:File.Delete(|}
                        path);
                    File.Move(tmp, path);
                }
            }
            """);

    [Fact]
    public Task Delete_and_move_in_a_fallback_catch_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Fallback
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    try
                    {
                        File.Move(tmp, path, true);
                    }
                    catch (IOException)
                    {
                        {|SW1004:File.Delete(path)|};
                        File.Move(tmp, path);
                    }
                }
            }
            """);

    // ---------------------------------------------------------------- not reported

    [Fact]
    public Task Move_with_overwrite_and_no_delete_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, overwrite: true);
                }
            }
            """);

    [Fact]
    public Task Replace_after_deleting_an_old_backup_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    var backup = path + ".bak";
                    File.WriteAllText(tmp, text);
                    File.Delete(backup);
                    File.Replace(tmp, path, backup);
                }
            }
            """);

    [Fact]
    public Task Deleting_a_stale_temp_before_writing_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.Delete(tmp);
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Delete_after_the_move_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, string old, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                    File.Delete(old);
                }
            }
            """);

    [Fact]
    public Task Delete_then_move_of_a_file_nothing_here_wrote_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class FileManager
            {
                public void MoveOver(string source, string destination)
                {
                    if (File.Exists(destination))
                    {
                        File.Delete(destination);
                    }

                    File.Move(source, destination);
                }
            }
            """);

    [Fact]
    public Task Delete_of_another_file_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, string lockFile, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    File.Delete(lockFile);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Delete_in_a_lambda_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class Good
            {
                public Action Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    Action undo = () => File.Delete(path);
                    File.Move(tmp, path, true);
                    return undo;
                }
            }
            """);

    [Fact]
    public Task AtomicFile_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using SafeWrites;

            class Good
            {
                public void Save(string path, string text) => AtomicFile.WriteAllText(path, text);
            }
            """);

    [Fact]
    public Task Staging_move_into_the_destination_directory_then_replace_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var temp = Path.GetTempFileName();
                    File.WriteAllText(temp, text);
                    var staged = path + ".new";
                    File.Delete(staged);
                    File.Move(temp, staged);
                    File.Replace(staged, path, null);
                }
            }
            """);

    [Fact]
    public Task Half_typed_delete_and_move_do_not_throw()
        => new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None, TestCode = """
            using System.IO;

            class Broken
            {
                public void Save(string path, string text)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    File.Delete(;
                    File.Move(tmp, 
                }
            }
            """ }.RunAsync();
}
