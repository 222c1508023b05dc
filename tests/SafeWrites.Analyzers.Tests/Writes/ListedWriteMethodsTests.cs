using System.Threading.Tasks;
using SafeWrites.Analyzers.Writes;
using SafeWrites.CodeFixes.Writes;
using Xunit;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>
/// User-listed write methods: <c>SafeWrites.WriteMethods.txt</c> (an additional file) names a project's or a
/// library's write APIs by documentation ID (docs/configuration.md). Malformed lines are ignored, never an AD0001.
/// </summary>
public class ListedWriteMethodsTests
{
    // A store whose bodies the rules cannot see as file writes (they stand in for a library's).
    private const string Store = """

        namespace Lib
        {
            public sealed class BlobStore
            {
                public void Save(string key, string content) => Sink(key, content);
                public void Put(int version, string content, string key) => Sink(key, content);
                public System.IO.Stream OpenForWrite(string key) => new System.IO.MemoryStream();
                public void Rename(string from, string to) => Sink(from, to);
                public void Remove(string key) => Sink(key, "");
                public void Load(string key, string content) => Sink(key, content);
                private static void Sink(string a, string b) { }
            }
        }
        """;

    private const string List = """
        # SafeWrites.WriteMethods.txt
        M:Lib.BlobStore.Save(System.String,System.String);write
        M:Lib.BlobStore.Put(System.Int32,System.String,System.String);write;path=key;content=content
        M:Lib.BlobStore.OpenForWrite(System.String);open   # the stream truncates
        M:Lib.BlobStore.Rename(System.String,System.String);move
        M:Lib.BlobStore.Remove(System.String);delete
        """;

    private static Task Verify(string source, string list = List) => WriteFamilyTest.VerifyAsync(source + Store, writeMethods: list);

    [Fact]
    public Task Listed_write_with_JSON_is_SW1002_and_an_unlisted_method_of_the_same_shape_is_not()
        => Verify("""
            using System.Text.Json;

            public sealed record Config(int Port);

            public sealed class ConfigService
            {
                private readonly Lib.BlobStore _store = new();

                public void Save(Config config) => {|SW1002:_store.Save("config.json", JsonSerializer.Serialize(config))|};

                public void Cache(Config config) => _store.Load("config.json", JsonSerializer.Serialize(config));
            }
            """);

    [Fact]
    public Task Named_parameters_pick_the_path_and_the_content()
        => Verify("""
            public sealed class Versions
            {
                public void Keep(Lib.BlobStore store, string text) => {|SW1001:store.Put(3, text, "versions.txt")|};
            }
            """);

    [Fact]
    public Task Listed_opener_written_is_SW1001_and_left_unwritten_is_not()
        => Verify("""
            public sealed class Exporter
            {
                public void Write(Lib.BlobStore store, byte[] data)
                {
                    using var stream = {|SW1001:store.OpenForWrite("export.bin")|};
                    stream.Write(data, 0, data.Length);
                }

                public void Touch(Lib.BlobStore store)
                {
                    using var stream = store.OpenForWrite("marker");
                }
            }
            """);

    [Fact]
    public Task Listed_move_publishes_a_temp_and_a_listed_delete_before_it_is_SW1004()
        => Verify("""
            using System;
            using System.IO;

            public sealed class Settings
            {
                public void Save(Lib.BlobStore store, string path, string text)
                {
                    var tmp = path + "." + Guid.NewGuid().ToString("N");
                    File.WriteAllText(tmp, text);
                    {|SW1004:store.Remove(path)|};
                    {|SW1005:store.Rename(tmp, path)|};
                }
            }
            """);

    [Fact]
    public Task Reset_before_a_listed_save_is_SW3001()
        => Verify("""
            using System.Collections.Generic;

            public sealed class Cart
            {
                private readonly Lib.BlobStore _store = new();
                private readonly List<string> _items = new();
                private bool _dirty;

                public void Add(string item)
                {
                    _items.Add(item);
                    _dirty = true;
                }

                public void Flush()
                {
                    if (_dirty)
                    {
                        {|SW3001:_dirty = false;|}
                        {|SW1001:_store.Save("cart.txt", string.Join("\n", _items))|};
                    }
                }
            }
            """);

    [Fact]
    public Task Malformed_and_unknown_lines_are_ignored_and_the_good_ones_still_apply()
        => Verify(
            """
            public sealed class Notes
            {
                public void Keep(Lib.BlobStore store, string text)
                {
                    {|SW1001:store.Save("notes.txt", text)|};
                    store.Load("notes.txt", text);
                    store.Remove("notes.txt");
                }
            }
            """,
            """
            this is not a line
            ;write
            M:Lib.BlobStore.Load(System.String,System.String)
            M:Lib.BlobStore.Load(System.String,System.String);frobnicate
            M:Lib.BlobStore.Remove(System.String);delete;path=nosuch
            M:Lib.BlobStore.Remove(System.String);delete;path
            M:Lib.Missing.Save(System.String);write
            M:Lib.BlobStore.Save(System.String,
            T:Lib.BlobStore;write
            M:Lib.BlobStore.Save(System.String,System.String);write
            """);

    [Fact]
    public Task Without_the_file_nothing_is_listed()
        => WriteFamilyTest.VerifyAsync("""
            public sealed class Notes
            {
                public void Keep(Lib.BlobStore store, string text) => store.Save("notes.txt", text);
            }
            """ + Store);

    [Fact]
    public Task A_listed_write_has_no_fix()
        => WriteFamilyTest.VerifyNoFixAsync<FileOverwrittenInPlaceAnalyzer, FileOverwrittenInPlaceCodeFixProvider>(
            """
            public sealed class Notes
            {
                public void Keep(Lib.BlobStore store, string text) => {|SW1001:store.Save("notes.txt", text)|};
            }
            """ + Store,
            writeMethods: List);
}
