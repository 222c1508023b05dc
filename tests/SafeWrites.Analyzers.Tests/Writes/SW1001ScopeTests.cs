using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verifier = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Writes.FileOverwrittenInPlaceAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>
/// SW1001's scope option (rules.md): with <c>state</c>, the default, only writes of files shown to be kept state are
/// reported (read-back through the same path, serialized content, a state-file name or a Save-like member writing a
/// path the type owns); <c>all</c> reports every in-place write. Exemptions hold in both.
/// </summary>
public class SW1001ScopeTests
{
    private static Task DefaultScope(string source) => Verifier.VerifyAnalyzerAsync(source, OutputKind.DynamicallyLinkedLibrary, (string?)null);

    private static Task Scope(string globalConfig, string source) => Verifier.VerifyAnalyzerAsync(source, OutputKind.DynamicallyLinkedLibrary, globalConfig);

    /// <summary>Every write, with the write-callback helper <see cref="SwapHelper"/> in the compilation.</summary>
    private static Task WithSwap(string source) => Scope(Sw1001Scope.All, SwapHelper.Usings + source + SwapHelper.Source);

    // ---------------------------------------------------------------- evidence 1: read-back through the same path

    [Fact]
    public Task Read_back_through_the_same_field_is_state()
        => DefaultScope("""
            using System.IO;

            public sealed class DraftBuffer
            {
                private readonly string _draft;

                public DraftBuffer(string draft) => _draft = draft;

                public void Flush(string text) => {|SW1001:File.WriteAllText(_draft, text)|};

                public string Restore() => File.Exists(_draft) ? File.ReadAllText(_draft) : "";
            }
            """);

    [Fact]
    public Task Read_back_through_the_same_property_in_another_type_is_state()
        => DefaultScope("""
            using System.IO;

            public static class Locations
            {
                public static string Bookmarks { get; } = Path.Combine("data", "bookmarks.txt");
            }

            public sealed class BookmarkWriter
            {
                public void Write(string[] lines) => {|SW1001:File.WriteAllLines(Locations.Bookmarks, lines)|};
            }

            public sealed class BookmarkReader
            {
                public string[] Read()
                {
                    using var reader = new StreamReader(Locations.Bookmarks);
                    return reader.ReadToEnd().Split('\n');
                }
            }
            """);

    [Fact]
    public Task Read_back_through_the_same_path_method_is_state()
        => DefaultScope("""
            using System.IO;

            public sealed class BlobShelf
            {
                private readonly string _root;

                public BlobShelf(string root) => _root = root;

                private string PathFor(string key) => Path.Combine(_root, key + ".bin");

                public void Put(string key, byte[] data) => {|SW1001:File.WriteAllBytes(PathFor(key), data)|};

                public byte[] Get(string key)
                {
                    using var stream = new FileStream(PathFor(key), FileMode.Open, FileAccess.Read);
                    var buffer = new byte[stream.Length];
                    stream.ReadExactly(buffer);
                    return buffer;
                }
            }
            """);

    [Fact]
    public Task Read_back_of_a_path_built_from_the_same_constant_file_name_is_state()
        => DefaultScope("""
            using System.IO;

            public static class Progress
            {
                public static void Record(string folder, int step)
                    => {|SW1001:File.WriteAllText(Path.Combine(folder, "progress.txt"), step.ToString())|};

                public static int Resume(string folder)
                    => int.Parse(File.ReadAllText(Path.Combine(folder, "progress.txt")));
            }
            """);

    [Fact]
    public Task Read_back_of_the_path_a_caller_passes_for_the_parameter_is_state()
        => DefaultScope("""
            using System.IO;

            public sealed class Notes
            {
                private readonly string _notes = Path.Combine("home", "notes.txt");

                // A private wrapper: reported at the call that passes the kept path, not inside.
                public void Keep(string text) => {|SW1001:WriteText(_notes, text)|};

                public string Recall() => File.ReadAllText(_notes);

                private static void WriteText(string target, string text) => File.WriteAllText(target, text);
            }
            """);

    [Fact]
    public Task Save_and_load_pair_of_one_type_through_parameters_is_state()
        => DefaultScope("""
            using System.Collections.Generic;
            using System.IO;

            public static class ScoreBook
            {
                public static void SaveScores(IEnumerable<string> scores, string file) => {|SW1001:File.WriteAllLines(file, scores)|};

                public static List<string> LoadScores(string file)
                {
                    var result = new List<string>();
                    using var reader = new StreamReader(file);
                    while (reader.ReadLine() is { } line)
                    {
                        result.Add(line);
                    }

                    return result;
                }

                // Not a save: a one-way output of the same type.
                public static void ExportScores(IEnumerable<string> scores, string target) => File.WriteAllLines(target, scores);
            }
            """);

    [Fact]
    public Task Read_back_through_a_local_in_the_same_method_is_state()
        => DefaultScope("""
            using System.IO;

            public static class Counter
            {
                public static int Bump(string folder)
                {
                    var file = Path.Combine(folder, "count.txt");
                    var value = File.Exists(file) ? int.Parse(File.ReadAllText(file)) : 0;
                    {|SW1001:File.WriteAllText(file, (value + 1).ToString())|};
                    return value + 1;
                }
            }
            """);

    [Fact]
    public Task Read_back_through_XDocument_Load_is_state()
        => DefaultScope("""
            using System.IO;
            using System.Xml.Linq;

            public sealed class Recent
            {
                private readonly string _file;

                public Recent(string file) => _file = file;

                public XDocument Open() => XDocument.Load(_file);

                public void Write(string text)
                {
                    using var writer = {|SW1001:new StreamWriter(_file)|};
                    writer.Write(text);
                }
            }
            """);

    // ---------------------------------------------------------------- evidence 2: serialized content

    [Fact]
    public Task Xml_serialized_content_is_state()
        => DefaultScope("""
            using System.IO;
            using System.Runtime.Serialization;
            using System.Xml;
            using System.Xml.Linq;

            public sealed class Exports
            {
                public void Contract(string path, object value)
                {
                    using var stream = {|SW1001:File.Create(path)|};
                    new DataContractSerializer(value.GetType()).WriteObject(stream, value);
                }

                public void Document(string path, XDocument document)
                {
                    using var stream = {|SW1001:new FileStream(path, FileMode.Create)|};
                    document.Save(stream);
                }

                public void Writer(string path)
                {
                    using var stream = {|SW1001:File.OpenWrite(path)|};
                    using var xml = XmlWriter.Create(stream);
                    xml.WriteElementString("a", "b");
                }

                public void Text(string path, XElement element) => {|SW1001:File.WriteAllText(path, element.ToString())|};
            }
            """);

    [Fact]
    public Task Output_of_a_method_or_type_that_serializes_is_state()
        => DefaultScope("""
            using System.IO;

            public sealed class Layout { public int Columns { get; set; } }

            public static class PackSerializer
            {
                public static void Serialize(Stream stream, Layout layout) => stream.WriteByte((byte)layout.Columns);
            }

            public static class LayoutText
            {
                public static string ToYaml(this Layout layout) => "columns: " + layout.Columns;
            }

            public sealed class LayoutFiles
            {
                public void Pack(string path, Layout layout)
                {
                    using var stream = {|SW1001:File.Create(path)|};
                    PackSerializer.Serialize(stream, layout);
                }

                public void Text(string path, Layout layout)
                {
                    var yaml = layout.ToYaml();
                    {|SW1001:File.WriteAllText(path, yaml)|};
                }
            }
            """);

    // ---------------------------------------------------------------- evidence 3: a state file by name

    [Fact]
    public Task State_file_names_are_state()
        => DefaultScope("""
            using System;
            using System.IO;

            public sealed class Profile
            {
                private const string WindowFile = "window.ini";
                private static readonly string Recent = Path.Combine(AppContext.BaseDirectory, "recent.yml");

                public void Window(string folder, string text) => {|SW1001:File.WriteAllText(Path.Combine(folder, WindowFile), text)|};

                public void Recents(string[] lines) => {|SW1001:File.WriteAllLines(Recent, lines)|};

                public void Layout(string folder, byte[] data) => {|SW1001:File.WriteAllBytes(Path.Combine(folder, "panel-state.bin"), data)|};

                public void Store(string folder, byte[] data) => {|SW1001:File.WriteAllBytes(folder + "/cache.db", data)|};
            }
            """);

    [Fact]
    public Task Owned_path_written_by_a_save_like_member_is_state()
        => DefaultScope("""
            using System.IO;

            public sealed class Editor
            {
                private readonly string _draft;
                private const string Snapshot = "editor.bin";

                public Editor(string draft) => _draft = draft;

                public string Text { get; set; } = "";

                public void AutoSave() => {|SW1001:File.WriteAllText(_draft, Text)|};

                public void WriteSnapshot(byte[] data)
                {
                    using var stream = {|SW1001:File.Create(Snapshot)|};
                    stream.Write(data);
                }

                public void Persist(string path) => File.WriteAllText(path, Text);
            }
            """);

    // ---------------------------------------------------------------- not state: reported only with `all`

    private const string OneWayOutputs = """
        using System.IO;
        using System.Threading.Tasks;

        public sealed class Outputs
        {
            public void Screenshot(string file, byte[] png) => {|SW1001:File.WriteAllBytes(file, png)|};

            public void ExportCsv(string target, string[] rows)
            {
                using var writer = {|SW1001:new StreamWriter(target)|};
                foreach (var row in rows)
                {
                    writer.WriteLine(row);
                }
            }

            public Task Download(string destination, byte[] body) => {|SW1001:File.WriteAllBytesAsync(destination, body)|};

            public void Generate(string outputPath, string code) => {|SW1001:File.WriteAllText(outputPath, code)|};

            public void Record(string folder, byte[] frame) => {|SW1001:File.WriteAllBytes(Path.Combine(folder, "clip.raw"), frame)|};
        }
        """;

    [Fact]
    public Task One_way_outputs_are_not_state() => DefaultScope(OneWayOutputs.Replace("{|SW1001:", "").Replace("|}", ""));

    [Fact]
    public Task One_way_outputs_are_reported_with_scope_all() => Scope(Sw1001Scope.All, OneWayOutputs);

    [Fact]
    public Task One_way_outputs_are_not_reported_with_scope_state_written_out()
        => Scope(Sw1001Scope.State, OneWayOutputs.Replace("{|SW1001:", "").Replace("|}", ""));

    [Fact]
    public Task An_unknown_scope_value_keeps_the_default()
        => Scope("is_global = true\nsafewrites.sw1001.scope = everything\n", OneWayOutputs.Replace("{|SW1001:", "").Replace("|}", ""));

    [Fact]
    public Task Scope_all_from_an_editorconfig_section_applies()
    {
        var test = new Verifier.Test { TestCode = OneWayOutputs };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nsafewrites.sw1001.scope = all\n"));
        return test.RunAsync(System.Threading.CancellationToken.None);
    }

    private const string NotState = """
        using System;
        using System.IO;

        public sealed class Markers
        {
            private readonly string _settingsProbe = Path.Combine("conf", "settings.probe");

            // Empty markers and write probes, even beside state files.
            public void Touch(string folder) => {|SW1001:File.WriteAllText(Path.Combine(folder, "config.done"), "")|};

            public void Probe() => {|SW1001:File.WriteAllBytes(_settingsProbe, Array.Empty<byte>())|};

            public void Probe2(string folder) => {|SW1001:File.WriteAllBytes(Path.Combine(folder, "state.flag"), new byte[0])|};

            public void Probe3(string folder) => {|SW1001:File.WriteAllText(Path.Combine(folder, "index.lock"), string.Empty)|};

            public string Read() => File.ReadAllText(_settingsProbe);

            // A name made unique per call: no second writer, nothing old to tear.
            public void Shot(string folder, byte[] png) => {|SW1001:File.WriteAllBytes(Path.Combine(folder, $"{Guid.NewGuid():N}-state.png"), png)|};
        }

        public sealed class RollingFileLogger
        {
            private readonly string _file = "app-settings.txt";

            public void Save(string[] lines) => {|SW1001:File.WriteAllLines(_file, lines)|};

            public string Tail() => File.ReadAllText(_file);
        }

        public static class Diagnostics
        {
            public static void Dump(string folder, string text) => {|SW1001:File.WriteAllText(Path.Combine(folder, "session.log"), text)|};

            public static void Trace(string folder, string text) => {|SW1001:File.WriteAllText(Path.Combine(folder, "trace", "config.txt"), text)|};
        }
        """;

    [Fact]
    public Task Markers_unique_names_and_logs_are_not_state() => DefaultScope(NotState.Replace("{|SW1001:", "").Replace("|}", ""));

    [Fact]
    public Task Markers_unique_names_and_logs_are_reported_with_scope_all() => Scope(Sw1001Scope.All, NotState);

    // ---------------------------------------------------------------- exemptions of every scope

    [Fact]
    public Task Open_stream_only_read_is_not_a_write()
        => Scope(Sw1001Scope.All, """
            using System.IO;
            using System.Security.Cryptography;
            using System.Threading.Tasks;

            public interface IUploader { Task UploadAsync(Stream content); }

            public sealed class Sync
            {
                public byte[] Hash(string path)
                {
                    using var stream = File.Open(path, FileMode.Open);
                    return SHA256.HashData(stream);
                }

                public async Task Push(IUploader uploader, string path)
                {
                    using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
                    await uploader.UploadAsync(stream);
                }

                public void Patch(string path, byte[] data)
                {
                    using var stream = {|SW1001:File.Open(path, FileMode.OpenOrCreate)|};
                    WriteHeader(stream, data);
                }

                private static void WriteHeader(Stream stream, byte[] data) => stream.Write(data);
            }
            """);

    [Fact]
    public Task Temp_path_built_by_every_caller_is_not_reported()
        => Scope(Sw1001Scope.All, """
            using System.IO;

            // Internal: every caller is in the compilation (a public helper may get a destination from outside).
            internal static class Chunks
            {
                public static void WriteChunk(string target, byte[] data) => File.WriteAllBytes(target, data);

                public static void WriteLines(string target, string[] lines) => File.WriteAllLines(target, lines);
            }

            public sealed class Uploads
            {
                public void Stage(byte[] data) => Chunks.WriteChunk(Path.Combine(Path.GetTempPath(), "upload.part"), data);

                public void Publish(string destination, byte[] data, string[] lines)
                {
                    var staging = destination + ".partial";
                    Chunks.WriteChunk(staging, data);
                    File.Move(staging, destination, overwrite: true);
                    {|SW1001:Chunks.WriteLines(destination, lines)|};
                }
            }
            """);

    [Fact]
    public Task Write_inside_a_replace_callback_is_not_reported()
        => WithSwap("""
            public sealed class Config
            {
                private readonly string _path = "app.config";

                public void Save(string text)
                {
                    Swap.Replace(_path, tmp => File.WriteAllText(tmp, text));
                    Swap.Replace(_path, tmp =>
                    {
                        using var stream = File.Create(tmp);
                        stream.WriteByte(1);
                    });
                    Swap.Overwrite(_path, p => {|SW1001:File.WriteAllText(p, text)|});
                }
            }
            """);

    [Fact]
    public Task Method_group_and_local_function_handed_to_a_replace_helper_write_a_temp()
        => WithSwap("""
            public sealed class Journal
            {
                private readonly string _path = "journal.dat";
                private string _text = "";

                public void Save() => Swap.TryReplace(_path, WriteTo);

                public Task SaveAsync(string text)
                {
                    return Swap.ReplaceAsync(_path, WriteAsync);

                    Task WriteAsync(string tmp) => File.WriteAllTextAsync(tmp, text);
                }

                public Task SaveLambdaAsync(string text) => Swap.ReplaceAsync(_path, async tmp => await File.WriteAllTextAsync(tmp, text));

                private void WriteTo(string tmp) => File.WriteAllText(tmp, _text);
            }
            """);

    [Fact]
    public Task Temp_path_from_a_temp_helper_handed_on_by_every_caller_is_not_reported()
        => Scope(Sw1001Scope.All, """
            using System;
            using System.IO;

            internal static class Scratch
            {
                public static string NewFile(string extension) => Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + extension);
            }

            internal sealed class Renderer
            {
                public void Render(byte[] pixels)
                {
                    var target = Scratch.NewFile(".png");
                    Encode(target, pixels);
                    Encode(Scratch.NewFile(".bmp"), pixels);
                }

                private static void Encode(string target, byte[] pixels) => File.WriteAllBytes(target, pixels);
            }
            """);

    [Fact]
    public Task Method_group_also_handed_a_destination_is_reported()
        => WithSwap("""
            public sealed class Journal
            {
                private readonly string _path = "journal.dat";

                public void Save() => Swap.Replace(_path, WriteTo);

                public void Rewrite() => Swap.Overwrite(_path, WriteTo);

                private void WriteTo(string target) => {|SW1001:File.WriteAllText(target, "entry")|};
            }
            """);

    [Fact]
    public Task Method_group_kept_in_a_field_is_reported()
        => WithSwap("""
            public sealed class Journal
            {
                private readonly string _path = "journal.dat";
                private readonly Action<string> _writer;

                public Journal() => _writer = WriteTo;

                public void Save() => Swap.Replace(_path, WriteTo);

                public void Flush() => _writer(_path);

                private void WriteTo(string target) => {|SW1001:File.WriteAllText(target, "entry")|};
            }
            """);

    // ---------------------------------------------------------------- shapes measured on real code (our own code of the same shape)

    private const string MeasuredOneWayOutputs = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class Fetcher
        {
            public string Target { get; set; } = "";

            // A download to a path the caller chose, copied in chunks from the response.
            public async Task FetchAsync(HttpClient client, Uri source)
            {
                using var body = await client.GetStreamAsync(source);
                using var file = {|SW1001:new FileStream(Target, FileMode.Create, FileAccess.Write, FileShare.None, 8192)|};
                var buffer = new byte[8192];
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read));
                }
            }
        }

        public sealed class FrameEncoder : IDisposable
        {
            private readonly Stream _output;

            // An encoder that keeps its output stream open in a field while frames arrive: written over the object's
            // lifetime, not a whole-file rewrite (not reported in any scope).
            public FrameEncoder(string outputPath) => _output = new FileStream(outputPath, FileMode.Create);

            public void Add(byte[] frame) => _output.Write(frame);

            public void Dispose() => _output.Dispose();
        }

        public static class StreamFiles
        {
            public static void WriteToFile(this Stream stream, string path)
            {
                using var file = {|SW1001:File.Create(path)|};
                stream.CopyTo(file);
            }
        }

        public sealed class CaptureTasks
        {
            private readonly string _iconFolder = Path.Combine("data", "IconCache");

            public void SaveRecognizedText(string imagePath, string text) => {|SW1001:File.WriteAllText(Path.ChangeExtension(imagePath, "txt"), text)|};

            public void WriteChecksum(string path, string hash) => {|SW1001:File.WriteAllText(path + ".sha256", hash)|};

            public void SaveSymbolList(string filePath, IEnumerable<string> symbols) => {|SW1001:File.WriteAllLines(filePath, symbols)|};

            public void RunEncoder(string outputFile, string[] inputs)
            {
                var list = outputFile + ".txt";
                {|SW1001:File.WriteAllLines(list, inputs)|};
                System.Diagnostics.Process.Start("encoder", "-i " + list + " " + outputFile);
            }

            // A regenerated icon in a cache folder: the folder's name is not the file's.
            public void StoreIcon(string domain, byte[] image) => {|SW1001:File.WriteAllBytes(Path.Combine(_iconFolder, $"{domain}.webp"), image)|};
        }
        """;

    [Fact]
    public Task Measured_one_way_outputs_are_not_state() => DefaultScope(MeasuredOneWayOutputs.Replace("{|SW1001:", "").Replace("|}", ""));

    [Fact]
    public Task Measured_one_way_outputs_are_reported_with_scope_all() => Scope(Sw1001Scope.All, MeasuredOneWayOutputs);

    [Fact]
    public Task Stream_opened_to_read_and_handed_to_an_upload_of_the_type_is_not_a_write()
        => Scope(Sw1001Scope.All, """
            using System.IO;

            public sealed class FtpClient
            {
                public bool Send(string localPath, string remotePath)
                {
                    using var stream = new FileStream(localPath, FileMode.Open);
                    return UploadData(stream, remotePath);
                }

                private bool UploadData(Stream content, string remotePath) => content.Length > 0 && remotePath.Length > 0;
            }
            """);

    [Fact]
    public Task Output_opened_again_only_to_upload_it_is_not_read_back()
        => DefaultScope("""
            using System.IO;

            public sealed class Upload
            {
                public Stream? Data { get; set; }
            }

            public sealed class CaptureJob
            {
                public string FilePath { get; set; } = "";

                public void WriteText(string text) => File.WriteAllText(FilePath, text);

                public Upload Prepare()
                {
                    var upload = new Upload();
                    upload.Data = new FileStream(FilePath, FileMode.Open, FileAccess.Read);
                    return upload;
                }
            }
            """);

    [Fact]
    public Task Stream_read_back_into_a_deserializer_is_read_back()
        => DefaultScope("""
            using System.IO;

            public sealed class Board { public int Size { get; set; } }

            public static class BoardCodec
            {
                public static Board Deserialize(Stream stream) => new Board { Size = stream.ReadByte() };
            }

            public sealed class BoardFile
            {
                public string Location { get; set; } = "";

                public void Write(Board board) => {|SW1001:File.WriteAllBytes(Location, new[] { (byte)board.Size })|};

                public Board ReadBoard()
                {
                    using var stream = File.OpenRead(Location);
                    return BoardCodec.Deserialize(stream);
                }

                public Board ReadRaw()
                {
                    using var stream = new FileStream(Location, FileMode.Open, FileAccess.Read);
                    return new Board { Size = stream.ReadByte() };
                }
            }
            """);

    [Fact]
    public Task Guarded_empty_marker_is_not_state()
        => DefaultScope("""
            using System.IO;

            public sealed class PluginSettings
            {
                public void EnsureConfig(string folder)
                {
                    var marker = Path.Combine(folder, "plugin.config");
                    if (!File.Exists(marker))
                    {
                        File.WriteAllText(marker, string.Empty);
                    }

                    var text = File.ReadAllText(marker);
                }
            }
            """);

    [Fact]
    public Task Path_from_a_temp_path_helper_of_the_compilation_is_not_reported()
        => Scope(Sw1001Scope.All, """
            using System;
            using System.Diagnostics;
            using System.IO;

            internal static class Scratch
            {
                public static string NewFile(string extension)
                {
                    var name = Guid.NewGuid().ToString("N") + "." + extension;
                    return Path.Combine(Path.GetTempPath(), name);
                }
            }

            public static class Host
            {
                public static void Forward(string input)
                {
                    var tmp = Scratch.NewFile("json");
                    File.WriteAllText(tmp, input);
                    Process.Start("viewer", tmp);
                }
            }
            """);

    [Fact]
    public Task Measured_true_findings_stay_reported()
        => DefaultScope("""
            using System;
            using System.IO;

            public static class Startup
            {
                public static string PathConfigFile { get; } = Path.Combine(AppContext.BaseDirectory, "PersonalPath.cfg");

                public static void SetPersonalPath(string path) => {|SW1001:File.WriteAllText(PathConfigFile, path)|};
            }

            public static class JsonFiles
            {
                public static void SerializeToStream(object value, Stream stream) => stream.WriteByte(value.GetHashCode() > 0 ? (byte)1 : (byte)0);

                public static void Save(object value, string filePath)
                {
                    using var file = {|SW1001:new FileStream(filePath, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough)|};
                    SerializeToStream(value, file);
                }
            }
            """);
}
