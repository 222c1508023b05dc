using System.Threading.Tasks;
using SafeWrites.Analyzers.Writes;
using SafeWrites.CodeFixes.Writes;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Writes.JsonSerializedInPlaceAnalyzer,
    SafeWrites.CodeFixes.Writes.JsonSerializedInPlaceCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1002 fix "Write JSON atomically with AtomicFile": every fixed output is compiled against the real runtime.</summary>
public class SW1002CodeFixTests
{
    private const string Model = """

        public sealed class AppSettings
        {
            public string Theme { get; set; } = "dark";
            public int Volume { get; set; }
        }
        """;

    [Fact]
    public Task WriteAllText_of_Serialize_becomes_WriteJson_with_the_options()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

                public void Save(string path, AppSettings settings)
                {
                    {|SW1002:File.WriteAllText(path, JsonSerializer.Serialize(settings, Options))|};
                }

                public void SaveDefault(string path, AppSettings settings) => {|SW1002:File.WriteAllText(path, JsonSerializer.Serialize(settings))|};
            }
            """ + Model,
            """
            using System.IO;
            using System.Text.Json;
            using SafeWrites;

            public sealed class SettingsService
            {
                private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

                public void Save(string path, AppSettings settings)
                {
                    AtomicFile.WriteJson(path, settings, Options);
                }

                public void SaveDefault(string path, AppSettings settings) => AtomicFile.WriteJson(path, settings);
            }
            """ + Model);

    [Fact]
    public Task Async_write_becomes_WriteJsonAsync_keeping_await_and_token()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class SettingsService
            {
                public async Task SaveAsync(string path, AppSettings settings, JsonSerializerOptions options, CancellationToken ct)
                {
                    await {|SW1002:File.WriteAllTextAsync(path, JsonSerializer.Serialize(settings, options), ct)|};
                    await {|SW1002:File.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(settings))|}.ConfigureAwait(false);
                }
            }
            """ + Model,
            """
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using SafeWrites;

            public sealed class SettingsService
            {
                public async Task SaveAsync(string path, AppSettings settings, JsonSerializerOptions options, CancellationToken ct)
                {
                    await AtomicFile.WriteJsonAsync(path, settings, options, cancellationToken: ct);
                    await AtomicFile.WriteJsonAsync(path, settings).ConfigureAwait(false);
                }
            }
            """ + Model);

    [Fact]
    public Task Type_info_and_explicit_type_arguments_are_kept()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text.Json;
            using System.Text.Json.Serialization.Metadata;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings, JsonTypeInfo<AppSettings> typeInfo, object boxed)
                {
                    {|SW1002:File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(settings, typeInfo))|};
                    {|SW1002:File.WriteAllText(path, JsonSerializer.Serialize<object>(boxed))|};
                }
            }
            """ + Model,
            """
            using System.IO;
            using System.Text.Json;
            using System.Text.Json.Serialization.Metadata;
            using SafeWrites;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings, JsonTypeInfo<AppSettings> typeInfo, object boxed)
                {
                    AtomicFile.WriteJson(path, settings, typeInfo);
                    AtomicFile.WriteJson<object>(path, boxed);
                }
            }
            """ + Model);

    [Fact]
    public Task Json_text_from_a_local_or_another_library_is_written_with_WriteAllText()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text;
            using System.Text.Json.Nodes;
            using Newtonsoft.Json;
            using Newtonsoft.Json.Linq;

            public sealed class ManifestEditor
            {
                public void Save(string path, JsonObject manifest, JObject legacy, AppSettings settings)
                {
                    var json = JsonConvert.SerializeObject(settings, Formatting.Indented);
                    {|SW1002:File.WriteAllText(path, json)|};
                    {|SW1002:File.WriteAllText(path, JsonConvert.SerializeObject(settings), Encoding.UTF8)|};
                    {|SW1002:File.WriteAllText(path, manifest.ToJsonString())|};
                    {|SW1002:File.WriteAllText(path, legacy.ToString(Formatting.None))|};
                    {|SW1002:File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(settings), Encoding.UTF8)|};
                }
            }
            """ + Model,
            """
            using System.IO;
            using System.Text;
            using System.Text.Json.Nodes;
            using Newtonsoft.Json;
            using Newtonsoft.Json.Linq;
            using SafeWrites;

            public sealed class ManifestEditor
            {
                public void Save(string path, JsonObject manifest, JObject legacy, AppSettings settings)
                {
                    var json = JsonConvert.SerializeObject(settings, Formatting.Indented);
                    AtomicFile.WriteAllText(path, json);
                    AtomicFile.WriteAllText(path, JsonConvert.SerializeObject(settings), Encoding.UTF8);
                    AtomicFile.WriteAllText(path, manifest.ToJsonString());
                    AtomicFile.WriteAllText(path, legacy.ToString(Formatting.None));
                    AtomicFile.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(settings), Encoding.UTF8);
                }
            }
            """ + Model);

    [Fact]
    public Task Serialize_into_a_using_stream_becomes_WriteJson_and_the_using_goes()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                private readonly JsonSerializerOptions _options = new() { WriteIndented = true };

                public void Save(string path, AppSettings settings)
                {
                    // Overwrite the settings file.
                    using var stream = File.Create(path);
                    {|SW1002:JsonSerializer.Serialize(stream, settings, _options)|};
                }
            }
            """ + Model,
            """
            using System.IO;
            using System.Text.Json;
            using SafeWrites;

            public sealed class SettingsService
            {
                private readonly JsonSerializerOptions _options = new() { WriteIndented = true };

                public void Save(string path, AppSettings settings)
                {
                    // Overwrite the settings file.
                    AtomicFile.WriteJson(path, settings, _options);
                }
            }
            """ + Model);

    [Fact]
    public Task SerializeAsync_into_an_await_using_stream_becomes_WriteJsonAsync()
        => Verify.VerifyCodeFixAsync(
            """
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
            """ + Model,
            """
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using SafeWrites;

            public sealed class SettingsService
            {
                public async Task SaveAsync(string path, AppSettings settings, CancellationToken cancellationToken = default)
                {
                    await AtomicFile.WriteJsonAsync(path, settings, cancellationToken: cancellationToken);
                }
            }
            """ + Model);

    [Fact]
    public Task Newtonsoft_serializer_over_CreateText_becomes_WriteAllText_of_SerializeObject()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using Newtonsoft.Json;

            public sealed class MovieStore
            {
                public void Save(string path, AppSettings movie)
                {
                    // serialize JSON directly to a file
                    using (StreamWriter file = File.CreateText(path))
                    {
                        JsonSerializer serializer = new JsonSerializer();
                        {|SW1002:serializer.Serialize(file, movie)|};
                    }
                }
            }
            """ + Model,
            """
            using System.IO;
            using Newtonsoft.Json;
            using SafeWrites;

            public sealed class MovieStore
            {
                public void Save(string path, AppSettings movie)
                {
                    // serialize JSON directly to a file
                    JsonSerializer serializer = new JsonSerializer();
                    AtomicFile.WriteAllText(path, JsonConvert.SerializeObject(movie));
                }
            }
            """ + Model);

    [Fact]
    public Task Newtonsoft_serializer_settings_are_carried_over()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using Newtonsoft.Json;

            public sealed class SettingsService
            {
                private readonly JsonSerializerSettings _settings = new() { NullValueHandling = NullValueHandling.Ignore };

                public void Save(string path, AppSettings settings)
                {
                    var serializer = new JsonSerializer { Formatting = Formatting.Indented, NullValueHandling = NullValueHandling.Ignore };
                    using var streamWriter = new StreamWriter(path);
                    using var jsonWriter = {|SW1002:new JsonTextWriter(streamWriter)|};
                    serializer.Serialize(jsonWriter, settings);
                }

                public void SaveWithSettings(string path, AppSettings settings)
                {
                    var serializer = JsonSerializer.Create(_settings);
                    using var stream = File.Create(path);
                    using var writer = new StreamWriter(stream, System.Text.Encoding.UTF8);
                    {|SW1002:serializer.Serialize(writer, settings)|};
                }
            }
            """ + Model,
            """
            using System.IO;
            using Newtonsoft.Json;
            using SafeWrites;

            public sealed class SettingsService
            {
                private readonly JsonSerializerSettings _settings = new() { NullValueHandling = NullValueHandling.Ignore };

                public void Save(string path, AppSettings settings)
                {
                    var serializer = new JsonSerializer { Formatting = Formatting.Indented, NullValueHandling = NullValueHandling.Ignore };
                    AtomicFile.WriteAllText(path, JsonConvert.SerializeObject(settings, new JsonSerializerSettings() { Formatting = Formatting.Indented, NullValueHandling = NullValueHandling.Ignore }));
                }

                public void SaveWithSettings(string path, AppSettings settings)
                {
                    var serializer = JsonSerializer.Create(_settings);
                    AtomicFile.WriteAllText(path, JsonConvert.SerializeObject(settings, _settings), System.Text.Encoding.UTF8);
                }
            }
            """ + Model);

    [Fact]
    public Task Json_text_written_through_a_writer_or_stream_becomes_one_AtomicFile_call()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text;
            using System.Threading.Tasks;
            using Newtonsoft.Json.Linq;

            public sealed class ManifestEditor
            {
                public void Save(string path, JObject manifest)
                {
                    using (var writer = new StreamWriter(path, false, Encoding.UTF8))
                    {
                        {|SW1002:writer.Write(manifest.ToString())|};
                    }
                }

                public async Task SaveBytesAsync(string path, AppSettings settings)
                {
                    var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(settings);
                    await using var stream = File.Open(path, FileMode.Create, FileAccess.Write);
                    await {|SW1002:stream.WriteAsync(bytes)|};
                }
            }
            """ + Model,
            """
            using System.IO;
            using System.Text;
            using System.Threading.Tasks;
            using Newtonsoft.Json.Linq;
            using SafeWrites;

            public sealed class ManifestEditor
            {
                public void Save(string path, JObject manifest)
                {
                    AtomicFile.WriteAllText(path, manifest.ToString(), Encoding.UTF8);
                }

                public async Task SaveBytesAsync(string path, AppSettings settings)
                {
                    var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(settings);
                    await AtomicFile.WriteAllBytesAsync(path, bytes);
                }
            }
            """ + Model);

    // Comments above a removed declaration move to the next statement that stays, even when the statement
    // right after it goes too (editing a removed node made the whole fix fail).
    [Fact]
    public Task Comments_of_a_removed_chain_of_declarations_stay_above_the_new_call()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text;
            using Newtonsoft.Json.Linq;

            public sealed class ManifestEditor
            {
                public void Save(string path, JObject manifest)
                {
                    // Open the file.
                    using var stream = File.Create(path);
                    // Wrap it.
                    using var writer = new StreamWriter(stream, Encoding.UTF8);
                    // Write it.
                    {|SW1002:writer.Write(manifest.ToString())|};
                }
            }
            """ + Model,
            """
            using System.IO;
            using System.Text;
            using Newtonsoft.Json.Linq;
            using SafeWrites;

            public sealed class ManifestEditor
            {
                public void Save(string path, JObject manifest)
                {
                    // Open the file.
                    // Wrap it.
                    // Write it.
                    AtomicFile.WriteAllText(path, manifest.ToString(), Encoding.UTF8);
                }
            }
            """ + Model);

    [Fact]
    public Task Stream_used_for_more_than_one_write_gets_Create_and_Commit()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    using var stream = File.Create(path);
                    {|SW1002:JsonSerializer.Serialize(stream, settings, typeof(AppSettings))|};
                    stream.WriteByte((byte)'\n');
                }
            }
            """ + Model,
            """
            using System;
            using System.IO;
            using System.Text.Json;
            using SafeWrites;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    using var stream = AtomicFile.Create(path);
                    JsonSerializer.Serialize(stream, settings, typeof(AppSettings));
                    stream.WriteByte((byte)'\n');
                    stream.Commit();
                }
            }
            """ + Model);

    [Fact]
    public Task Fix_all_handles_direct_and_stream_writes_together()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            public sealed class Store<T>
            {
                public void Save(string path, T value) => {|SW1002:File.WriteAllText(path, JsonSerializer.Serialize(value))|};

                public void SaveStream(string path, T value)
                {
                    using var stream = File.OpenWrite(path);
                    {|SW1002:JsonSerializer.Serialize(stream, value)|};
                }

                public async Task SaveAsync(string path, T value)
                {
                    using var stream = File.Create(path);
                    await {|SW1002:JsonSerializer.SerializeAsync(stream, value)|};
                }
            }
            """,
            """
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;
            using SafeWrites;

            public sealed class Store<T>
            {
                public void Save(string path, T value) => AtomicFile.WriteJson(path, value);

                public void SaveStream(string path, T value)
                {
                    AtomicFile.WriteJson(path, value);
                }

                public async Task SaveAsync(string path, T value)
                {
                    await AtomicFile.WriteJsonAsync(path, value);
                }
            }
            """);

    [Fact]
    public Task ConfigureAwait_is_kept_on_the_new_call()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class SnapshotStore
            {
                public async Task SaveAsync(string path, AppSettings snapshot, CancellationToken cancellationToken = default)
                {
                    await using var stream = File.Create(path);
                    await {|SW1002:JsonSerializer.SerializeAsync(stream, snapshot, cancellationToken: cancellationToken)|}
                        .ConfigureAwait(false);
                }
            }
            """ + Model,
            """
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;
            using SafeWrites;

            public sealed class SnapshotStore
            {
                public async Task SaveAsync(string path, AppSettings snapshot, CancellationToken cancellationToken = default)
                {
                    await AtomicFile.WriteJsonAsync(path, snapshot, cancellationToken: cancellationToken)
                        .ConfigureAwait(false);
                }
            }
            """ + Model);

    [Fact]
    public Task Token_writer_disposed_before_the_end_of_the_stream_scope_gets_Create_and_Commit()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text.Json;

            public sealed class ManifestWriter
            {
                public void Write(string path, string name)
                {
                    using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
                    {
                        using (var writer = {|SW1002:new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true })|})
                        {
                            writer.WriteStartObject();
                            writer.WriteString("name", name);
                            writer.WriteEndObject();
                        }
                    }
                }
            }
            """,
            """
            using System.IO;
            using System.Text.Json;
            using SafeWrites;

            public sealed class ManifestWriter
            {
                public void Write(string path, string name)
                {
                    using (var stream = AtomicFile.Create(path))
                    {
                        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                        {
                            writer.WriteStartObject();
                            writer.WriteString("name", name);
                            writer.WriteEndObject();
                        }
                        stream.Commit();
                    }
                }
            }
            """);

    // ---------------------------------------------------------------- reported, but no fix

    [Fact]
    public Task No_fix_for_token_writers_the_runtime_cannot_commit_under()
        => Verify.VerifyNoFixAsync(
            """
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
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
    public Task No_fix_for_inline_openers_and_escaping_streams()
        => Verify.VerifyNoFixAsync(
            """
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                    => {|SW1002:JsonSerializer.Serialize(File.OpenWrite(path), settings)|};

                public Stream SaveAndKeep(string path, AppSettings settings)
                {
                    var stream = File.Create(path);
                    {|SW1002:JsonSerializer.Serialize(stream, settings)|};
                    return stream;
                }
            }
            """ + Model);

    [Fact]
    public Task No_fix_when_the_serializer_is_configured_after_it_is_made()
        => Verify.VerifyNoFixAsync(
            """
            using System.IO;
            using Newtonsoft.Json;
            using Newtonsoft.Json.Converters;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings)
                {
                    var serializer = new JsonSerializer();
                    serializer.Converters.Add(new StringEnumConverter());
                    using (var file = new StreamWriter(path))
                    {
                        {|SW1002:serializer.Serialize(file, settings)|};
                    }
                }
            }
            """ + Model);

    [Fact]
    public Task No_fix_without_the_SafeWrites_runtime()
        => Verify.VerifyNoFixAsync(
            """
            using System.IO;
            using System.Text.Json;

            public sealed class SettingsService
            {
                public void Save(string path, AppSettings settings) => {|SW1002:File.WriteAllText(path, JsonSerializer.Serialize(settings))|};
            }
            """ + Model,
            withRuntime: false);
}
