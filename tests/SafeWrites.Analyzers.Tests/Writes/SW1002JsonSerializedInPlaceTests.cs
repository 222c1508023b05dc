using System.Threading;
using System.Threading.Tasks;
using SafeWrites.Analyzers.Tests.Verifiers;
using SafeWrites.Analyzers.Writes;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Writes.JsonSerializedInPlaceAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1002 — JSON is serialized straight into the destination file: what is reported, and what is left alone.</summary>
public class SW1002JsonSerializedInPlaceTests
{
    private const string Model = """

        public sealed class AppSettings
        {
            public string Theme { get; set; } = "dark";
            public int Volume { get; set; }
        }
        """;

    // ---------------------------------------------------------------- whole-content writes of JSON text

    [Fact]
    public Task WriteAllText_of_System_Text_Json_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

                public void Save(string path, AppSettings settings)
                {
                    {|SW1002:File.WriteAllText(path, JsonSerializer.Serialize(settings, Options))|};
                }
            }
            """ + Model);

    [Fact]
    public Task Json_text_through_a_local_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    var json = JsonSerializer.Serialize(settings);
                    {|SW1002:File.WriteAllText(path, json)|};
                }

                public void SaveLater(string path, AppSettings settings)
                {
                    string json;
                    json = JsonSerializer.Serialize(settings, new JsonSerializerOptions { WriteIndented = true });
                    {|SW1002:File.WriteAllText(path, json)|};
                }
            }
            """ + Model);

    [Fact]
    public Task Async_and_byte_writes_of_json_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class SettingsService
            {
                public async Task SaveAsync(string path, AppSettings settings, CancellationToken ct)
                {
                    await {|SW1002:File.WriteAllTextAsync(path, JsonSerializer.Serialize(settings), ct)|};
                    {|SW1002:File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(settings))|};
                    await {|SW1002:File.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(settings), ct)|};
                    var json = JsonSerializer.Serialize(settings);
                    {|SW1002:File.WriteAllBytes(path, Encoding.UTF8.GetBytes(json))|};
                }
            }
            """ + Model);

    [Fact]
    public Task Newtonsoft_SerializeObject_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using Newtonsoft.Json;

            public sealed class SettingsService
            {
                private readonly JsonSerializerSettings _settings = new() { Formatting = Formatting.Indented };

                public void Save(string path, AppSettings settings)
                {
                    {|SW1002:File.WriteAllText(path, JsonConvert.SerializeObject(settings, _settings))|};
                    var text = JsonConvert.SerializeObject(settings, Formatting.Indented);
                    {|SW1002:File.WriteAllText(path, text)|};
                }
            }
            """ + Model);

    [Fact]
    public Task JsonNode_and_JToken_text_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json.Nodes;
            using Newtonsoft.Json;
            using Newtonsoft.Json.Linq;

            public sealed class ManifestEditor
            {
                public void Save(string path, JsonObject manifest, JObject legacy, JArray items, JToken token)
                {
                    {|SW1002:File.WriteAllText(path, manifest.ToJsonString())|};
                    {|SW1002:File.WriteAllText(path, legacy.ToString())|};
                    {|SW1002:File.WriteAllText(path, items.ToString(Formatting.None))|};
                    {|SW1002:File.WriteAllText(path, token.ToString(Formatting.Indented))|};
                }
            }
            """);

    // ---------------------------------------------------------------- streams opened in place

    [Fact]
    public Task Serialize_into_File_Create_stream_is_reported_at_the_serializer_call()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    using var stream = File.Create(path);
                    {|SW1002:JsonSerializer.Serialize(stream, settings)|};
                }
            }
            """ + Model);

    [Fact]
    public Task SerializeAsync_into_FileStream_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class SettingsService
            {
                public async Task SaveAsync(string path, AppSettings settings, CancellationToken cancellationToken = default)
                {
                    await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
                    {
                        await {|SW1002:JsonSerializer.SerializeAsync(stream, settings, cancellationToken: cancellationToken)|};
                    }
                }
            }
            """ + Model);

    [Fact]
    public Task Serialize_into_an_inline_opener_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                    => {|SW1002:JsonSerializer.Serialize(File.OpenWrite(path), settings)|};
            }
            """ + Model);

    [Fact]
    public Task Utf8JsonWriter_over_opener_is_reported_once_at_the_writer()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    using var stream = File.Create(path);
                    using var writer = {|SW1002:new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true })|};
                    JsonSerializer.Serialize(writer, settings);
                    writer.Flush();
                }

                public void WriteTokens(string path)
                {
                    using var stream = new FileStream(path, FileMode.Create);
                    using var writer = {|SW1002:new Utf8JsonWriter(stream)|};
                    writer.WriteStartObject();
                    writer.WriteString("theme", "dark");
                    writer.WriteEndObject();
                }
            }
            """ + Model);

    [Fact]
    public Task Newtonsoft_JsonTextWriter_and_serializer_over_opener_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using Newtonsoft.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    var serializer = JsonSerializer.Create(new JsonSerializerSettings { Formatting = Formatting.Indented });
                    using (var file = File.CreateText(path))
                    {
                        {|SW1002:serializer.Serialize(file, settings)|};
                    }
                }

                public void SaveTokens(string path, AppSettings settings)
                {
                    using var streamWriter = new StreamWriter(path);
                    using var jsonWriter = {|SW1002:new JsonTextWriter(streamWriter)|};
                    new JsonSerializer().Serialize(jsonWriter, settings);
                }
            }
            """ + Model);

    [Fact]
    public Task Writing_json_text_through_a_writer_or_stream_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text;
            using System.Text.Json;
            using System.Threading.Tasks;
            using Newtonsoft.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    using var writer = new StreamWriter(path, false, Encoding.UTF8);
                    {|SW1002:writer.Write(JsonConvert.SerializeObject(settings))|};
                }

                public async Task SaveBytesAsync(string path, AppSettings settings)
                {
                    var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(settings);
                    await using var stream = File.Open(path, FileMode.Create, FileAccess.Write);
                    await {|SW1002:stream.WriteAsync(bytes)|};
                }
            }
            """ + Model);

    [Fact]
    public Task Json_through_a_wrapping_stream_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.IO.Compression;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    using var file = File.Create(path);
                    using var gzip = new GZipStream(file, CompressionMode.Compress);
                    {|SW1002:JsonSerializer.Serialize(gzip, settings)|};
                }
            }
            """ + Model);

    [Fact]
    public Task Json_in_lambda_and_generic_method_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            public sealed class Store<T>
            {
                public void Save(string path, T value) => {|SW1002:File.WriteAllText(path, JsonSerializer.Serialize(value))|};

                public Task SaveInBackground(string path, T value) => Task.Run(async () =>
                {
                    await using var stream = File.Create(path);
                    await {|SW1002:JsonSerializer.SerializeAsync(stream, value)|};
                });
            }
            """);

    // ---------------------------------------------------------------- not reported

    [Fact]
    public Task Json_appended_or_created_new_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class EventLog
            {
                public void Append(string path, AppSettings settings)
                {
                    File.AppendAllText(path, JsonSerializer.Serialize(settings) + "\n");
                    using var stream = new FileStream(path + ".new", FileMode.CreateNew);
                    JsonSerializer.Serialize(stream, settings);
                }
            }
            """ + Model);

    [Fact]
    public Task Json_temp_then_rename_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, JsonSerializer.Serialize(settings));
                    File.Move(tmp, path, overwrite: true);
                }

                public void SaveStream(string path, AppSettings settings)
                {
                    var tmp = Path.Combine(Path.GetDirectoryName(path)!, Path.GetRandomFileName());
                    using (var stream = File.Create(tmp))
                    {
                        JsonSerializer.Serialize(stream, settings);
                    }

                    File.Replace(tmp, path, null);
                }
            }
            """ + Model);

    [Fact]
    public Task Json_to_a_temp_file_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class Debugging
            {
                public string Dump(AppSettings settings)
                {
                    var path = Path.GetTempFileName();
                    File.WriteAllText(path, JsonSerializer.Serialize(settings));
                    return path;
                }
            }
            """ + Model);

    [Fact]
    public Task Json_into_streams_that_are_not_files_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class Api
            {
                public byte[] ToBytes(AppSettings settings)
                {
                    using var memory = new MemoryStream();
                    JsonSerializer.Serialize(memory, settings);
                    return memory.ToArray();
                }

                public void Send(Stream response, AppSettings settings) => JsonSerializer.Serialize(response, settings);
            }
            """ + Model);

    [Fact]
    public Task Reading_json_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public AppSettings? Load(string path)
                {
                    using var stream = File.OpenRead(path);
                    return JsonSerializer.Deserialize<AppSettings>(stream);
                }

                public AppSettings? LoadShared(string path)
                {
                    using var stream = File.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
                    return JsonSerializer.Deserialize<AppSettings>(stream);
                }
            }
            """ + Model);

    [Fact]
    public Task Non_json_content_is_left_to_SW1001()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class Notes
            {
                public void Save(string path, string text, AppSettings settings)
                {
                    File.WriteAllText(path, text);
                    File.WriteAllLines(path, new[] { JsonSerializer.Serialize(settings) });
                    var json = JsonSerializer.Serialize(settings);
                    json = text;
                    File.WriteAllText(path, json);
                }
            }
            """ + Model);

    [Fact]
    public Task One_squiggle_per_write_when_both_rules_run()
    {
        // Scope all: the plain notes file beside the settings has no evidence of state, and this test is about overlap.
        var test = new MultiAnalyzerTest(new FileOverwrittenInPlaceAnalyzer(), new JsonSerializedInPlaceAnalyzer())
        {
            TestCode = """
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings, string notes)
                {
                    using var stream = File.Create(path);
                    {|SW1002:JsonSerializer.Serialize(stream, settings)|};
                    {|SW1002:File.WriteAllText(path, JsonSerializer.Serialize(settings))|};
                    {|SW1001:File.WriteAllText(path + ".txt", notes)|};
                }
            }
            """ + Model,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Sw1001Scope.All));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task Diagnostic_message_names_the_json_construct_and_points_at_the_opener()
        => Verify.VerifyAnalyzerAsync(
            """
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    using var stream = {|#1:File.Create(path)|};
                    {|#0:JsonSerializer.Serialize(stream, settings)|};
                }
            }
            """ + Model,
            // The opener rides along as an additional location (the fix needs it).
            Verify.Diagnostic("SW1002").WithLocation(0).WithLocation(1).WithArguments("JsonSerializer.Serialize"));

    // ---------------------------------------------------------------- SW1001's exemptions apply; its scope does not

    [Fact]
    public Task Json_header_of_a_log_named_by_a_new_Guid_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Text.Json;

            public sealed class RunRecorder
            {
                public string Start(string folder, AppSettings header)
                {
                    var file = Path.Combine(folder, $"run-{Guid.NewGuid():N}.json");
                    File.WriteAllText(file, JsonSerializer.Serialize(header));
                    using var stream = File.Create(Path.Combine(folder, Guid.NewGuid() + ".json"));
                    JsonSerializer.Serialize(stream, header);
                    return file;
                }
            }
            """ + Model);

    [Fact]
    public Task Json_written_inside_a_replace_callback_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Text.Json;

            public static class Swap
            {
                public static void Replace(string path, Action<string> write)
                {
                    var tmp = path + ".new";
                    write(tmp);
                    File.Replace(tmp, path, null);
                }
            }

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    Swap.Replace(path, tmp => File.WriteAllText(tmp, JsonSerializer.Serialize(settings)));
                    Swap.Replace(path, tmp =>
                    {
                        using var stream = File.Create(tmp);
                        JsonSerializer.Serialize(stream, settings);
                    });
                }
            }
            """ + Model);

    [Fact]
    public Task Json_written_by_a_method_group_handed_to_a_replace_helper_is_reported_only_where_the_helper_writes_in_place()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            public sealed class SettingsService
            {
                private AppSettings _settings = new();

                public void Save(string path) => Swap.TryReplace(path, WriteSettings);

                public void SaveNow(string path)
                {
                    Swap.Overwrite(path, WriteDraft);

                    void WriteDraft(string target) => {|SW1002:File.WriteAllText(target, JsonSerializer.Serialize(_settings))|};
                }

                private void WriteSettings(string target) => File.WriteAllText(target, JsonSerializer.Serialize(_settings));
            }
            """ + Model + SwapHelper.Source);

    [Fact]
    public Task Json_to_a_temp_path_built_by_every_caller_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            internal static class JsonFiles
            {
                public static void Write(string target, AppSettings settings) => File.WriteAllText(target, JsonSerializer.Serialize(settings));
            }

            // Public: a caller in another assembly may pass a destination.
            public static class PublicJsonFiles
            {
                public static void Write(string target, AppSettings settings) => {|SW1002:File.WriteAllText(target, JsonSerializer.Serialize(settings))|};

                public static void Stage(AppSettings settings) => Write(Path.GetTempFileName(), settings);
            }

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    var staging = path + ".tmp";
                    JsonFiles.Write(staging, settings);
                    File.Move(staging, path, overwrite: true);
                }

                public void Scratch(AppSettings settings) => JsonFiles.Write(Path.GetTempFileName(), settings);
            }
            """ + Model);

    [Fact]
    public Task Json_is_reported_whatever_SW1001s_scope()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public sealed class Exporter
            {
                // A one-way output by SW1001's measure, but a JSON document is state by its content.
                public void Export(string target, AppSettings settings) => {|SW1002:File.WriteAllText(target, JsonSerializer.Serialize(settings))|};
            }
            """ + Model, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, Sw1001Scope.State);
}
