using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SafeWrites.Analyzers.Resets;
using SafeWrites.Analyzers.Tests.Verifiers;
using SafeWrites.Analyzers.Writes;
using Xunit;
using Verifier = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Writes.FileOverwrittenInPlaceAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>
/// SW1001 — File is overwritten in place: which APIs and shapes are in-place writes, and the exemptions. These run
/// with scope <c>all</c> (what is a write does not depend on the scope, and an exemption must hold in both); the
/// textbook state files run with the default scope (<c>Verify.DefaultScopeAsync</c>). SW1001ScopeTests covers
/// the evidence of kept state.
/// </summary>
public class SW1001FileOverwrittenInPlaceTests
{
    // ---------------------------------------------------------------- reported: whole-content writes

    [Fact]
    public Task WriteAllText_in_settings_class_is_reported()
        => Verify.DefaultScopeAsync("""
            using System.IO;
            using System.Text;

            public sealed class SettingsStore
            {
                private readonly string _path;

                public SettingsStore(string path) => _path = path;

                public void Save(string theme, int fontSize)
                {
                    var text = $"theme={theme}\nfontSize={fontSize}\n";
                    {|SW1001:File.WriteAllText(_path, text)|};
                }

                public void SaveWithEncoding(string text) => {|SW1001:File.WriteAllText(_path, text, Encoding.UTF8)|};
            }
            """);

    [Fact]
    public Task WriteAllBytes_and_WriteAllLines_every_overload_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Text;

            static class Exporter
            {
                public static void Export(string path, byte[] data, string[] lines, List<string> list)
                {
                    {|SW1001:File.WriteAllBytes(path, data)|};
                    {|SW1001:File.WriteAllLines(path, lines)|};
                    {|SW1001:File.WriteAllLines(path, lines, Encoding.UTF8)|};
                    {|SW1001:File.WriteAllLines(path, list)|};
                    {|SW1001:File.WriteAllLines(path, list, Encoding.Latin1)|};
                }
            }
            """);

    [Fact]
    public Task Async_whole_content_writes_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            public class AlertCache
            {
                public async Task FlushAsync(string path, string text, byte[] bytes, IEnumerable<string> lines, CancellationToken ct)
                {
                    await {|SW1001:File.WriteAllTextAsync(path, text, ct)|};
                    await {|SW1001:File.WriteAllTextAsync(path, text, Encoding.UTF8, ct)|};
                    await {|SW1001:File.WriteAllBytesAsync(path, bytes, ct)|};
                    await {|SW1001:File.WriteAllLinesAsync(path, lines)|};
                    await {|SW1001:File.WriteAllLinesAsync(path, lines, Encoding.UTF8, ct)|};
                }
            }
            """);

    [Fact]
    public Task Fully_qualified_and_using_static_calls_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using static System.IO.File;

            class Notes
            {
                public void Save(string path, string text)
                {
                    {|SW1001:WriteAllText(path, text)|};
                    {|SW1001:System.IO.File.WriteAllText(path, text)|};
                }
            }
            """);

    [Fact]
    public Task Multi_line_call_is_squiggled_on_its_first_line_only()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Report
            {
                public void Save(string path, string header, string body)
                {
                    {|SW1001:File.WriteAllText(|}
                        path,
                        header + "\n" + body);
                }
            }
            """);

    // ---------------------------------------------------------------- reported: openers written through

    [Fact]
    public Task File_Create_written_through_local_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class ThumbnailCache
            {
                public void Store(string path, byte[] image)
                {
                    using var stream = {|SW1001:File.Create(path)|};
                    stream.Write(image, 0, image.Length);
                }
            }
            """);

    [Fact]
    public Task File_CreateText_and_OpenWrite_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Log
            {
                public void Rewrite(string path, string[] entries, Stream source)
                {
                    using (var writer = {|SW1001:File.CreateText(path)|})
                    {
                        foreach (var entry in entries)
                        {
                            writer.WriteLine(entry);
                        }
                    }

                    using (var target = {|SW1001:File.OpenWrite(path)|})
                    {
                        source.CopyTo(target);
                    }
                }
            }
            """);

    [Fact]
    public Task FileInfo_openers_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Snapshot
            {
                public void Save(FileInfo file, byte[] data)
                {
                    using (var a = {|SW1001:file.Create()|}) { a.Write(data); }
                    using (var b = {|SW1001:file.CreateText()|}) { b.Write("x"); }
                    using (var c = {|SW1001:file.OpenWrite()|}) { c.Write(data); }
                    using (var d = {|SW1001:file.Open(FileMode.Truncate, FileAccess.Write)|}) { d.Write(data); }
                    using (var e = {|SW1001:new FileInfo("state.bin").Open(FileMode.Create)|}) { e.WriteByte(1); }
                }
            }
            """);

    [Fact]
    public Task File_Open_and_FileStream_with_Create_or_Truncate_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Store
            {
                public void Save(string path, byte[] data)
                {
                    using (var a = {|SW1001:File.Open(path, FileMode.Create)|}) { a.Write(data); }
                    using (var b = {|SW1001:File.Open(path, FileMode.Truncate, FileAccess.Write)|}) { b.Write(data); }
                    using (var c = {|SW1001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true)|}) { c.Write(data); }
                    using (var d = {|SW1001:new FileStream(path, FileMode.Truncate)|}) { d.Write(data); }
                }
            }
            """);

    [Fact]
    public Task FileStreamOptions_with_Create_mode_is_reported_inline_and_through_a_local()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Store
            {
                public void Save(string path, byte[] data)
                {
                    using (var a = {|SW1001:new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write })|})
                    {
                        a.Write(data);
                    }

                    var options = new FileStreamOptions { Mode = FileMode.Truncate, Access = FileAccess.Write, PreallocationSize = data.Length };
                    using var b = {|SW1001:new FileStream(path, options)|};
                    b.Write(data);
                }
            }
            """);

    [Fact]
    public Task OpenOrCreate_with_write_access_is_reported_when_written_through_a_wrapper()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.IO.Compression;

            class Archive
            {
                public void Save(string path, string csv)
                {
                    using var file = {|SW1001:File.Open(path, FileMode.OpenOrCreate)|};
                    using var zip = new GZipStream(file, CompressionLevel.Optimal);
                    using var writer = new StreamWriter(zip);
                    writer.Write(csv);
                }

                public void Patch(string path, byte[] header)
                {
                    using var file = {|SW1001:new FileStream(path, FileMode.Open, FileAccess.ReadWrite)|};
                    using var buffered = new BufferedStream(file);
                    buffered.Write(header);
                }
            }
            """);

    [Fact]
    public Task StreamWriter_on_a_path_is_reported_unless_it_appends()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text;

            class CsvExport
            {
                public void Write(string path, string[] rows)
                {
                    using (var a = {|SW1001:new StreamWriter(path)|}) { a.Write(rows[0]); }
                    using (var b = {|SW1001:new StreamWriter(path, false)|}) { b.Write(rows[0]); }
                    using (var c = {|SW1001:new StreamWriter(path, append: false, Encoding.UTF8)|}) { c.Write(rows[0]); }
                    using (var d = {|SW1001:new StreamWriter(path, false, Encoding.UTF8, 65536)|}) { d.Write(rows[0]); }
                    using (var e = new StreamWriter(path, true)) { e.Write(rows[0]); }
                }
            }
            """);

    [Fact]
    public Task Stream_passed_to_a_serializer_or_helper_counts_as_written()
        => Verify.DefaultScopeAsync("""
            using System.IO;
            using System.Xml.Serialization;

            public class Project { public string Name { get; set; } = ""; }

            class ProjectFile
            {
                public void Save(string path, Project project)
                {
                    var serializer = new XmlSerializer(typeof(Project));
                    using var stream = {|SW1001:File.Create(path)|};
                    serializer.Serialize(stream, project);
                }
            }
            """);

    [Fact]
    public Task Wrapper_opener_is_not_reported_at_its_own_return()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Output
            {
                // The caller writes through the returned stream; the wrapper itself writes nothing (rules.md).
                public Stream OpenForWrite(string path) => File.Create(path);

                public TextWriter OpenText(string path)
                {
                    return new StreamWriter(path);
                }

                public Stream Open(string name, FileMode mode, FileAccess access) => new FileStream(Resolve(name), mode, access);

                private static string Resolve(string name) => Path.Combine("data", name);
            }
            """);

    // ---------------------------------------------------------------- reported: code shapes

    [Fact]
    public Task Writes_in_lambdas_local_functions_and_generic_methods_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            class Autosave
            {
                public Task StartAsync(string path, Func<string> snapshot)
                    => Task.Run(() => {|SW1001:File.WriteAllText(path, snapshot())|});

                public void Save<T>(string path, T value) where T : notnull
                {
                    Write(value.ToString() ?? "");

                    void Write(string text)
                    {
                        using var writer = {|SW1001:new StreamWriter(path)|};
                        writer.Write(text);
                    }
                }

                public Action<byte[]> Saver(string path) => bytes =>
                {
                    using var fs = {|SW1001:File.OpenWrite(path)|};
                    fs.Write(bytes);
                };
            }
            """);

    [Fact]
    public Task Writes_in_partial_classes_and_properties_are_reported()
        => Verify.DefaultScopeAsync("""
            using System.IO;

            partial class Workspace
            {
                private string _root = ".";
            }

            partial class Workspace
            {
                public string Title
                {
                    get => File.ReadAllText(Path.Combine(_root, "title.txt"));
                    set => {|SW1001:File.WriteAllText(Path.Combine(_root, "title.txt"), value)|};
                }
            }
            """);

    [Fact]
    public Task Top_level_statements_are_analyzed()
        => Verify.DefaultScopeAsync("""
            using System.IO;

            var path = args.Length > 0 ? args[0] : "counter.txt";
            var count = File.Exists(path) ? int.Parse(File.ReadAllText(path)) : 0;
            {|SW1001:File.WriteAllText(path, (count + 1).ToString())|};
            """, OutputKind.ConsoleApplication);

    // ---------------------------------------------------------------- not reported

    [Fact]
    public Task Appends_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;

            class AuditLog
            {
                public async Task AppendAsync(string path, string line, string[] lines)
                {
                    File.AppendAllText(path, line);
                    File.AppendAllLines(path, lines);
                    await File.AppendAllTextAsync(path, line);
                    using (var a = File.AppendText(path)) { a.WriteLine(line); }
                    using (var b = new FileStream(path, FileMode.Append)) { b.WriteByte(10); }
                    using (var c = File.Open(path, FileMode.Append, FileAccess.Write)) { c.WriteByte(10); }
                    using (var d = new StreamWriter(path, append: true)) { d.WriteLine(line); }
                    using (var e = new FileInfo(path).AppendText()) { e.WriteLine(line); }
                }
            }
            """);

    [Fact]
    public Task CreateNew_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Uploads
            {
                public void SaveNew(string path, byte[] data)
                {
                    using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                    stream.Write(data);
                    using var other = File.Open(path + ".meta", FileMode.CreateNew);
                    other.WriteByte(1);
                }
            }
            """);

    [Fact]
    public Task Temp_then_rename_with_the_same_local_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Config
            {
                public void Save(string path, string text, byte[] bytes)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, overwrite: true);

                    var next = path + ".new";
                    using (var stream = new FileStream(next, FileMode.Create))
                    {
                        stream.Write(bytes);
                    }

                    File.Replace(next, path, path + ".bak");
                }
            }
            """);

    [Fact]
    public Task Temp_then_rename_through_a_field_or_property_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Cache
            {
                private readonly string _path = "cache.bin";
                private readonly string _tempPath = "cache.bin.partial";

                private string Staging { get; } = "cache.staging";

                public void Save(byte[] data)
                {
                    File.WriteAllBytes(_tempPath, data);
                    File.Move(_tempPath, _path, true);
                }

                public void SaveStaged(byte[] data)
                {
                    File.WriteAllBytes(Staging, data);
                    File.Move(Staging, _path, true);
                }
            }
            """);

    [Fact]
    public Task Temp_then_rename_in_a_called_method_of_the_same_type_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Store
            {
                private readonly string _path = "store.json";
                private readonly string _tmp = "store.json.tmp";

                public void Save(string text)
                {
                    File.WriteAllText(_tmp, text);
                    Publish();
                }

                public void SaveVia(string text)
                {
                    var staging = _path + "." + System.Guid.NewGuid().ToString("N");
                    File.WriteAllText(staging, text);
                    PublishFrom(staging);
                }

                private void Publish() => File.Move(_tmp, _path, overwrite: true);

                private void PublishFrom(string source) => File.Move(source, _path, overwrite: true);
            }
            """);

    [Fact]
    public Task Helper_whose_every_caller_renames_its_argument_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Store
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    WriteTo(tmp, data);
                    File.Move(tmp, path, true);
                }

                private static void WriteTo(string target, byte[] data)
                {
                    using var stream = new FileStream(target, FileMode.Create, FileAccess.Write);
                    stream.Write(data);
                }
            }
            """);

    [Fact]
    public Task Public_helper_is_reported_even_when_callers_in_the_type_rename()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public class Store
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    WriteTo(tmp, data);
                    File.Move(tmp, path, true);
                }

                // Callers outside the type may pass a destination.
                public static void WriteTo(string target, byte[] data) => {|SW1001:File.WriteAllBytes(target, data)|};

                // Private: reported at the call that passes the destination, not inside.
                private static void WriteBoth(string target, byte[] data) => File.WriteAllBytes(target, data);

                public void SaveTwice(string path, byte[] data)
                {
                    var tmp = path + ".tmp";
                    WriteBoth(tmp, data);
                    File.Move(tmp, path, true);
                    {|SW1001:WriteBoth(path, data)|};
                }
            }
            """);

    [Fact]
    public Task Temp_then_rename_with_FileInfo_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Store
            {
                public void Save(string path, string text)
                {
                    var temp = new FileInfo(path + ".tmp");
                    using (var writer = temp.CreateText())
                    {
                        writer.Write(text);
                    }

                    temp.MoveTo(path, overwrite: true);

                    var second = new FileInfo(path + ".2.tmp");
                    File.WriteAllText(second.FullName, text);
                    second.Replace(path, null);
                }
            }
            """);

    [Fact]
    public Task Backup_moved_away_before_an_in_place_write_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Journal
            {
                public void Save(string path, string text)
                {
                    // The old file is moved to a backup first; the new one is still written in place.
                    File.Move(path, path + ".bak", overwrite: true);
                    {|SW1001:File.WriteAllText(path, text)|};
                }

                public void SaveViaLocalFunction(string path, string text)
                {
                    var tmp = path + ".tmp";
                    Write();
                    File.Move(tmp, path, overwrite: true);

                    void Write() => File.WriteAllText(tmp, text);
                }
            }
            """);

    [Fact]
    public Task Temp_then_rename_with_the_same_path_expression_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Store
            {
                public void Save(string path, string text)
                {
                    File.WriteAllText(path + ".tmp", text);
                    File.Move(path + ".tmp", path, true);
                }
            }
            """);

    [Fact]
    public Task Temp_paths_that_are_never_moved_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Diagnostics;
            using System.IO;

            class Diff
            {
                public void Show(string left, string right)
                {
                    var a = Path.GetTempFileName();
                    File.WriteAllText(a, left);
                    var b = Path.Combine(Path.GetTempPath(), "right.txt");
                    using (var writer = new StreamWriter(b)) { writer.Write(right); }
                    File.WriteAllText(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), right);
                    var dir = Path.GetTempPath();
                    File.WriteAllText(dir + "scratch.txt", right);
                    Process.Start("diff", a + " " + b);
                }
            }
            """);

    [Fact]
    public Task Paths_under_a_temp_directory_kept_in_a_field_or_property_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class ImporterTests : IDisposable
            {
                private readonly string _root = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                private readonly string _work;

                public ImporterTests()
                {
                    _work = Directory.CreateTempSubdirectory("importer").FullName;
                    Directory.CreateDirectory(_root);
                }

                private string Scratch { get; } = Path.GetTempFileName();

                public void Arrange()
                {
                    File.WriteAllText(Path.Combine(_root, "input.csv"), "a,b");
                    File.WriteAllText(Path.Combine(_work, "input.csv"), "a,b");
                    File.WriteAllText(Scratch, "x");
                }

                public void Dispose() => Directory.Delete(_root, recursive: true);
            }
            """);

    [Fact]
    public Task A_field_that_is_not_a_temp_path_is_still_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public sealed class Store
            {
                private readonly string _root;
                private readonly string _tempPath = Path.GetTempPath();

                public Store(string root) => _root = root;

                public void Save(string text) => {|SW1001:File.WriteAllText(Path.Combine(_root, "data.txt"), text)|};
            }
            """);

    [Fact]
    public Task Openers_never_written_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Markers
            {
                private FileStream? _lock;

                public void Touch(string marker)
                {
                    using (File.Create(marker)) { }
                    File.Create(marker + ".done").Dispose();
                    using var empty = new FileStream(marker + ".x", FileMode.Create);
                }

                public void Lock(string lockPath)
                {
                    _lock = File.Open(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }

                public long Size(string path)
                {
                    using var stream = File.Open(path, FileMode.OpenOrCreate);
                    return stream.Length;
                }
            }
            """);

    [Fact]
    public Task Read_only_opens_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Reader
            {
                public string Read(string path)
                {
                    using var stream = File.Open(path, FileMode.Open, FileAccess.Read);
                    using var reader = new StreamReader(stream);
                    using var options = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open });
                    return reader.ReadToEnd();
                }

                public string ReadShared(string path)
                {
                    using var stream = File.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
                    using var reader = new StreamReader(stream);
                    return reader.ReadToEnd();
                }
            }
            """);

    [Fact]
    public Task Computed_append_flag_and_mode_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            class Logger
            {
                public void Write(string path, string text, bool append)
                {
                    using (var writer = new StreamWriter(path, append)) { writer.Write(text); }
                    using (var stream = new FileStream(path, append ? FileMode.Append : FileMode.Create)) { stream.WriteByte(1); }
                }
            }
            """);

    [Fact]
    public Task Json_writes_are_left_to_SW1002()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            class Settings
            {
                public int Volume { get; set; }

                public void Save(string path)
                {
                    File.WriteAllText(path, JsonSerializer.Serialize(this));
                    using var stream = File.Create(path);
                    JsonSerializer.Serialize(stream, this);
                }
            }
            """);

    [Fact]
    public Task Generated_code_is_not_analyzed()
        => Verify.VerifyAnalyzerAsync("""
            // <auto-generated/>
            using System.IO;

            class Generated
            {
                public void Save(string path, string text) => File.WriteAllText(path, text);
            }
            """);

    [Fact]
    public async Task Code_in_the_SafeWrites_runtime_assembly_is_not_reported()
    {
        var test = new Verifier.Test
        {
            GlobalConfig = Sw1001Scope.All,
            TestCode = """
                using System.IO;

                namespace SafeWrites.Internal
                {
                    static class InPlaceFallback
                    {
                        public static void Write(string path, byte[] data) => File.WriteAllBytes(path, data);
                    }
                }
                """,
        };
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "SafeWrites"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Diagnostic_message_names_the_api()
        => Verify.VerifyAnalyzerAsync(
            """
            using System.IO;

            class C
            {
                void M(string p, string s) => {|#0:File.WriteAllText(p, s)|};
                void N(string p, byte[] b) { using var fs = {|#1:new FileStream(p, FileMode.Create)|}; fs.Write(b); }
            }
            """,
            Verify.Diagnostic("SW1001").WithLocation(0).WithArguments("File.WriteAllText"),
            Verify.Diagnostic("SW1001").WithLocation(1).WithArguments("new FileStream"));

    private static class Verify
    {
        public static DiagnosticResult Diagnostic(string id) => Verifier.Diagnostic(id);

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
            => Verifier.VerifyAnalyzerAsync(source, OutputKind.DynamicallyLinkedLibrary, Sw1001Scope.All, expected);

        public static Task VerifyAnalyzerAsync(string source, OutputKind outputKind, params DiagnosticResult[] expected)
            => Verifier.VerifyAnalyzerAsync(source, outputKind, Sw1001Scope.All, expected);

        /// <summary>Without any option: the default scope, <c>state</c>.</summary>
        public static Task DefaultScopeAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
            => Verifier.VerifyAnalyzerAsync(source, outputKind, (string?)null);
    }
}
