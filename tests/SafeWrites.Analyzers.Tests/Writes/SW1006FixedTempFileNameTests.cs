using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Writes.FixedTempFileNameAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1006 — Fixed temporary file name: reported where the temporary path is derived.</summary>
public class SW1006FixedTempFileNameTests
{
    // ---------------------------------------------------------------- reported

    [Fact]
    public Task Destination_plus_constant_suffix_is_reported_at_the_derivation()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var tmp = {|SW1006:path + ".tmp"|};
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Interpolated_suffix_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Settings
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = {|SW1006:$"{path}.tmp"|};
                    File.WriteAllBytes(tmp, data);
                    File.Replace(tmp, path, null);
                }
            }
            """);

    [Fact]
    public Task ChangeExtension_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var tmp = {|SW1006:Path.ChangeExtension(path, ".tmp")|};
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Suffix_in_a_const_field_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Settings
            {
                private const string TempSuffix = ".saving";

                public void Save(string path, string text)
                {
                    var tmp = {|SW1006:path + TempSuffix|};
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Destination_file_name_in_another_directory_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Cache
            {
                private readonly string _work = "work";

                public void Save(string path, string text)
                {
                    var tmp = {|SW1006:Path.Combine(_work, Path.GetFileName(path))|};
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Inline_derivation_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    File.WriteAllText(path + ".tmp", text);
                    File.Move({|SW1006:path + ".tmp"|}, path, true);
                }
            }
            """);

    [Fact]
    public Task Temp_derived_in_the_constructor_and_stored_is_reported_once()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Store
            {
                private readonly string _path;
                private readonly string _temp;

                public Store(string path)
                {
                    _path = path;
                    _temp = {|SW1006:path + ".tmp"|};
                }

                public void Save(string text)
                {
                    File.WriteAllText(_temp, text);
                    File.Move(_temp, _path, true);
                }

                public void SaveBytes(byte[] data)
                {
                    File.WriteAllBytes(_temp, data);
                    File.Move(_temp, _path, true);
                }
            }
            """);

    [Fact]
    public Task Temp_derived_in_a_property_initializer_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Store
            {
                private string Target { get; } = "state.json";

                private string Temp { get; } = {|SW1006:"state.json.tmp"|};

                public void Save(string text)
                {
                    File.WriteAllText(Temp, text);
                    File.Move(Temp, Target, true);
                }
            }
            """);

    [Fact]
    public Task Fixed_name_in_the_temp_directory_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Updater
            {
                public void Save(string path, string text)
                {
                    var tmp = {|SW1006:Path.Combine(Path.GetTempPath(), "updater-settings.tmp")|};
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task OpenWrite_on_a_fixed_temp_name_mentions_stale_bytes()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Journal
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = {|#0:path + ".tmp"|};
                    using (var fs = File.OpenWrite(tmp))
                    {
                        fs.Write(data, 0, data.Length);
                    }

                    File.Move(tmp, path, true);
                }
            }
            """,
            Verify.Diagnostic("SW1006").WithLocation(0).WithArguments("path + \".tmp\"", ", and, opened without truncation, it can publish stale bytes of an earlier, longer content"));

    [Fact]
    public Task OpenOrCreate_on_a_fixed_temp_name_mentions_stale_bytes()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Journal
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = {|#0:path + ".new"|};
                    using (var fs = new FileStream(tmp, FileMode.OpenOrCreate, FileAccess.Write))
                    {
                        fs.Write(data, 0, data.Length);
                    }

                    File.Replace(tmp, path, path + ".bak");
                }
            }
            """,
            Verify.Diagnostic("SW1006").WithLocation(0).WithArguments("path + \".new\"", ", and, opened without truncation, it can publish stale bytes of an earlier, longer content"));

    [Fact]
    public Task Argument_of_a_publishing_helper_is_reported_at_the_caller()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Journal
            {
                public void Save(string path, string text)
                {
                    var tmp = {|SW1006:path + ".tmp"|};
                    File.WriteAllText(tmp, text);
                    Publish(tmp, path);
                }

                private static void Publish(string from, string to) => File.Move(from, to, true);
            }
            """);

    [Fact]
    public Task Copy_publish_with_a_fixed_temp_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Exporter
            {
                public void Save(string path, string text)
                {
                    var tmp = {|SW1006:path + "~"|};
                    File.WriteAllText(tmp, text);
                    File.Copy(tmp, path, overwrite: true);
                    File.Delete(tmp);
                }
            }
            """);

    // ---------------------------------------------------------------- not reported

    [Fact]
    public Task Guid_in_the_name_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var tmp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Random_file_name_beside_the_destination_is_not_reported()
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
    public Task Process_id_in_the_name_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var tmp = $"{path}.{Environment.ProcessId}.tmp";
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Replace_backup_name_is_not_a_temp_path()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var tmp = path + "." + Guid.NewGuid().ToString("N");
                    File.WriteAllText(tmp, text);
                    File.Replace(tmp, path, path + ".bak");
                }
            }
            """);

    [Fact]
    public Task Temp_name_from_a_parameter_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, string tmp, string text)
                {
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Restoring_a_backup_nothing_here_wrote_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Restore(string path) => File.Copy(path + ".bak", path, overwrite: true);
            }
            """);

    [Fact]
    public Task GetTempFileName_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Good
            {
                public void Save(string path, string text)
                {
                    var tmp = Path.GetTempFileName();
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Empty_placeholder_before_a_unique_name_is_assigned_in_a_lambda_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            class Recorder
            {
                public Task Record(string path, byte[] frames)
                {
                    // Declared empty, named for real inside the task (shape of a screen recorder's concat step).
                    string staging = "";
                    return Task.Run(() =>
                    {
                        staging = path + "." + Guid.NewGuid().ToString("N");
                        using (var stream = new FileStream(staging, FileMode.CreateNew))
                        {
                            stream.Write(frames, 0, frames.Length);
                            stream.Flush(flushToDisk: true);
                        }

                        File.Move(staging, path, true);
                    });
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
    public Task Half_typed_derivation_does_not_throw()
        => new Verify.Test
        {
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = """
                using System.IO;

                class Broken
                {
                    public void Save(string path, string text)
                    {
                        var tmp = path + ;
                        File.WriteAllText(tmp, text);
                        File.Move(tmp, 
                    }
                }
                """,
        }.RunAsync();
}
