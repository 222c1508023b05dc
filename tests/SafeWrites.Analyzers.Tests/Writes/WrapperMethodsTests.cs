using System.Threading.Tasks;
using SafeWrites.Analyzers.Writes;
using SafeWrites.CodeFixes.Writes;
using Xunit;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>
/// Wrapper openers, writers, movers and deletes of the compilation: a method that hands its parameters to an opener,
/// to <c>File.WriteAllText</c>, or to <c>File.Move/Replace/Delete</c> is one itself. The write is reported at the
/// caller's line (the user's real write), never inside the wrapper; wrapped moves and deletes feed SW1003–SW1006 and
/// SW3001's saves. Each case has a look-alike that is not reported.
/// </summary>
public class WrapperMethodsTests
{
    private static Task Verify(string source) => WriteFamilyTest.VerifyAsync(source);

    // ---------------------------------------------------------------- openers

    [Fact]
    public Task Storage_GetStream_with_Create_written_is_SW1001_at_the_call_and_Open_for_reading_is_not()
        => Verify("""
            using System.IO;

            public sealed class Storage
            {
                private readonly string _root;

                public Storage(string root) => _root = root;

                public Stream GetStream(string name, FileAccess access, FileMode mode) => new FileStream(Resolve(name), mode, access);

                private string Resolve(string name) => Path.Combine(_root, name);
            }

            public sealed class Journal
            {
                private readonly Storage _storage = new("data");

                public void Save(byte[] page)
                {
                    using var stream = {|SW1001:_storage.GetStream("journal.bin", FileAccess.Write, FileMode.Create)|};
                    stream.Write(page, 0, page.Length);
                }

                public int Peek()
                {
                    using var stream = _storage.GetStream("journal.bin", FileAccess.Read, FileMode.Open);
                    return stream.ReadByte();
                }

                public void Add(byte[] page)
                {
                    using var stream = _storage.GetStream("journal.bin", FileAccess.Write, FileMode.Append);
                    stream.Write(page, 0, page.Length);
                }
            }
            """);

    [Fact]
    public Task Create_style_wrapper_is_SW1001_and_JSON_into_it_is_SW1002_and_a_CreateNew_wrapper_is_not()
        => Verify("""
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            internal static class AsyncFile
            {
                public static FileStream Create(string path) => new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);

                public static FileStream CreateNew(string path) => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            }

            public sealed record Options(int Level);

            public static class Writers
            {
                public static async Task Text(string path, string text)
                {
                    await using var writer = new StreamWriter({|SW1001:AsyncFile.Create(path)|});
                    await writer.WriteAsync(text);
                }

                public static async Task Json(string path, Options options)
                {
                    await using var stream = AsyncFile.Create(path);
                    await {|SW1002:JsonSerializer.SerializeAsync(stream, options)|};
                }

                public static async Task Fresh(string path, string text)
                {
                    await using var writer = new StreamWriter(AsyncFile.CreateNew(path));
                    await writer.WriteAsync(text);
                }
            }
            """);

    [Fact]
    public Task Abstract_opener_is_a_wrapper_when_every_implementation_is()
        => Verify("""
            using System.IO;

            public abstract class FilesystemProvider
            {
                public abstract Stream Open(string path, FileMode mode);
            }

            public sealed class LocalProvider : FilesystemProvider
            {
                public override Stream Open(string path, FileMode mode) => File.Open(path, mode);
            }

            public sealed class MirrorProvider : FilesystemProvider
            {
                public override Stream Open(string path, FileMode mode) => new FileStream(Path.GetFullPath(path), mode);
            }

            public sealed class Exporter
            {
                public void Write(FilesystemProvider provider, string path, byte[] data)
                {
                    using var stream = {|SW1001:provider.Open(path, FileMode.Create)|};
                    stream.Write(data);
                }
            }
            """);

    [Fact]
    public Task Interface_with_one_implementation_that_is_not_a_wrapper_is_not_one()
        => Verify("""
            using System.IO;

            public interface IBlobProvider
            {
                Stream Open(string path, FileMode mode);
            }

            public sealed class DiskBlobs : IBlobProvider
            {
                public Stream Open(string path, FileMode mode) => File.Open(path, mode);
            }

            public sealed class MemoryBlobs : IBlobProvider
            {
                public Stream Open(string path, FileMode mode) => new MemoryStream();
            }

            public sealed class Exporter
            {
                public void Write(IBlobProvider provider, string path, byte[] data)
                {
                    using var stream = provider.Open(path, FileMode.Create);
                    stream.Write(data);
                }
            }
            """);

    // ---------------------------------------------------------------- whole-file writers

    [Fact]
    public Task WriteAllText_wrapper_with_JSON_is_SW1002_at_the_call_and_a_temp_then_move_through_it_is_not()
        => Verify("""
            using System;
            using System.IO;
            using System.Text.Json;

            internal static class Disk
            {
                public static void WriteText(string path, string text) => File.WriteAllText(path, text);
            }

            public sealed record Prefs(string Language);

            public sealed class PrefsStore
            {
                public void Save(string path, Prefs prefs)
                {
                    var json = JsonSerializer.Serialize(prefs);
                    {|SW1002:Disk.WriteText(path, json)|};
                }

                public void SaveSafely(string path, Prefs prefs)
                {
                    var staging = path + "." + Guid.NewGuid().ToString("N");
                    Disk.WriteText(staging, JsonSerializer.Serialize(prefs));
                    {|SW1005:File.Move(staging, path, overwrite: true)|};
                }
            }
            """);

    [Fact]
    public Task Writer_that_serializes_itself_is_SW1002_at_the_call()
        => Verify("""
            using System.IO;
            using System.Text.Json;

            public sealed record Wallet(decimal Balance);

            internal sealed class WalletFile
            {
                public void Write(string path, Wallet wallet) => File.WriteAllText(path, JsonSerializer.Serialize(wallet));
            }

            public sealed class WalletService
            {
                private readonly WalletFile _file = new();

                public void Persist(Wallet wallet) => {|SW1002:_file.Write("wallet.json", wallet)|};
            }
            """);

    [Fact]
    public Task Public_writer_that_reports_its_own_write_is_not_reported_again_at_its_callers()
        => Verify("""
            using System.IO;
            using System.Text.Json;

            public sealed record Manifest(string Name, string Version);

            public sealed class ManifestFiles
            {
                // Other assemblies can call it with any path: the write is reported here, once.
                public bool Save(Manifest manifest, string folder)
                {
                    var json = JsonSerializer.Serialize(manifest);
                    {|SW1002:File.WriteAllText(Path.Combine(folder, "manifest.json"), json)|};
                    return true;
                }

                // A public wrapper of the wrapper: its call of Save is the same bug, not a second one.
                public bool Refresh(string name, string version, string folder) => Save(new Manifest(name, version), folder);
            }

            public sealed class Installer
            {
                private readonly ManifestFiles _files = new();

                public void Install(string folder) => _files.Save(new Manifest("tool", "1.0"), folder);

                public void Update(string folder) => _files.Refresh("tool", "1.1", folder);
            }
            """);

    [Fact]
    public Task Public_writer_called_through_its_interface_is_not_reported_again_at_the_call()
        => Verify("""
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            public sealed record Manifest(string Name, string Version);

            public interface IManifests
            {
                Task<bool> Populate(string name, string version, string folder);
            }

            public sealed class Manifests : IManifests
            {
                public async Task<bool> Populate(string name, string version, string folder)
                {
                    await Task.Yield();
                    return Save(new Manifest(name, version), folder);
                }

                public bool Save(Manifest manifest, string folder)
                {
                    {|SW1002:File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest))|};
                    return true;
                }
            }

            public sealed class Installer
            {
                private readonly IManifests _manifests = new Manifests();

                public Task Install(string folder) => _manifests.Populate("tool", "1.0", folder);
            }
            """);

    [Fact]
    public Task Public_writer_handed_a_state_file_by_its_callers_is_reported_once_in_its_body()
        => Verify("""
            using System.IO;

            public static class Disk
            {
                // Its callers hand it a file they read back: kept state, reported here (other assemblies may call it too).
                public static void WriteText(string path, string text) => {|SW1001:File.WriteAllText(path, text)|};
            }

            public sealed class Notes
            {
                public void Keep(string text) => Disk.WriteText("settings.ini", text);

                public string Load() => File.ReadAllText("settings.ini");
            }
            """);

    [Fact]
    public Task Wrapper_taking_a_path_type_that_converts_to_string_is_followed()
        => Verify("""
            using System.IO;

            public readonly record struct FilePath(string Value)
            {
                public static implicit operator string(FilePath path) => path.Value;
            }

            internal static class Disk
            {
                // Only the path type reaches the write: the wrapper hands it on through its conversion to string.
                public static void Put(FilePath path, byte[] data) => File.WriteAllBytes(path, data);
            }

            public sealed class Cursor
            {
                public void Save(byte[] data) => {|SW1001:Disk.Put(new FilePath("cursor.dat"), data)|};

                public byte[] Load() => File.ReadAllBytes("cursor.dat");
            }
            """);

    // ---------------------------------------------------------------- movers and deletes (SW1003–SW1006)

    [Fact]
    public Task Wrapper_of_a_wrapper_of_a_wrapper_is_followed_and_a_common_name_that_only_logs_is_not()
        => Verify("""
            using System.IO;

            internal static class Disk
            {
                public static void Put(string path, string text) => File.WriteAllText(path, text);

                public static void Note(string line) => File.AppendAllText("trace.log", line);
            }

            internal sealed class Store
            {
                public void Write(string name, string text) => Disk.Put(Path.Combine("data", name), text);

                public void Debug(string message) => Disk.Note(message);
            }

            internal sealed class Repository
            {
                private readonly Store _store = new();

                public void Keep(string name, string text)
                {
                    _store.Debug("keeping " + name);
                    _store.Write(name, text);
                }
            }

            public sealed class Settings
            {
                private readonly Repository _repository = new();
                private readonly Store _store = new();

                // Three calls deep to File.WriteAllText: reported here, at the user's real write.
                public void Save(string text) => {|SW1001:_repository.Keep("settings.json", text)|};

                // Named like a writer, but it only appends to a log.
                public void Trace(string text) => _store.Debug(text);
            }
            """);

    [Fact]
    public Task Wrapper_calling_Create_on_a_FileInfo_parameter_is_followed_and_a_Create_of_another_type_is_not()
        => Verify("""
            using System.IO;
            using System.Xml;

            internal static class Files
            {
                // Only the declaration names the file type: the body's Create alone is a common name.
                public static Stream Reset(FileInfo target) => target.Create();
            }

            internal static class Documents
            {
                public static XmlWriter Create(string path) => XmlWriter.Create(path);
            }

            public sealed class Settings
            {
                private const string FileName = "settings.dat";

                public void Save(byte[] content)
                {
                    using var stream = {|SW1001:Files.Reset(new FileInfo(FileName))|};
                    stream.Write(content, 0, content.Length);
                }

                public byte[] Load() => File.ReadAllBytes(FileName);

                public void Export(string path)
                {
                    using var writer = Documents.Create(path);
                    writer.WriteElementString("level", "1");
                }
            }
            """);

    [Fact]
    public Task Storage_Move_publishes_a_temp_and_Delete_before_it_is_SW1004()
        => Verify("""
            using System;
            using System.IO;

            public interface IStorage
            {
                void Move(string from, string to);
                void Delete(string path);
            }

            internal sealed class DiskStorage : IStorage
            {
                public void Move(string from, string to) => File.Move(from, to, overwrite: true);

                public void Delete(string path) => File.Delete(path);
            }

            public sealed class Backups
            {
                private readonly IStorage _storage;

                public Backups(IStorage storage) => _storage = storage;

                public void Save(string final, string text, string stale)
                {
                    var tmp = final + "." + Guid.NewGuid().ToString("N");
                    File.WriteAllText(tmp, text);
                    _storage.Delete(stale);
                    {|SW1004:_storage.Delete(final)|};
                    {|SW1005:_storage.Move(tmp, final)|};
                }
            }
            """);

    [Fact]
    public Task Static_FileUtility_Move_with_a_temp_from_the_temp_directory_is_SW1003()
        => Verify("""
            using System.IO;

            internal static class FileUtility
            {
                public static void Move(string source, string destination)
                {
                    // Deleting first is SW1004's bug, but it is seen only when the wrapper's callers are in its own type.
                    if (File.Exists(destination))
                    {
                        File.Delete(destination);
                    }

                    File.Move(source, destination);
                }
            }

            public sealed class Downloads
            {
                public void Finish(string destination, byte[] data)
                {
                    var temp = Path.GetTempFileName();
                    File.WriteAllBytes(temp, data);
                    {|SW1003:{|SW1005:FileUtility.Move(temp, destination)|}|};
                }
            }
            """);

    [Fact]
    public Task A_Move_of_the_same_shape_that_touches_no_file_is_not_a_publish()
        => Verify("""
            using System.Collections.Generic;
            using System.IO;

            public sealed class Board
            {
                private readonly Dictionary<string, string> _cells = new();

                public void Move(string from, string to)
                {
                    _cells[to] = _cells[from];
                    _cells.Remove(from);
                }

                public void Save(string path, string text)
                {
                    var tmp = Path.Combine(Path.GetDirectoryName(path)!, Path.GetRandomFileName());
                    File.WriteAllText(tmp, text);
                    Move(tmp, path);
                }
            }
            """);

    [Fact]
    public Task Wrapper_writing_a_side_file_beside_its_path_does_not_write_the_path_a_temp_is_then_renamed_from()
        => Verify("""
            using System.Diagnostics;
            using System.IO;

            internal sealed class Concatenator
            {
                // Writes "<output>.txt" (the input list); the output itself is written by the child process.
                public void Concatenate(string[] inputs, string output)
                {
                    File.WriteAllLines(output + ".txt", inputs);
                    Process.Start("concat", output + ".txt " + output)?.WaitForExit();
                }
            }

            public sealed class Recordings
            {
                private readonly Concatenator _concatenator = new();

                public void Join(string[] parts, string path)
                {
                    var joined = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-joined.mp4");
                    _concatenator.Concatenate(parts, joined);
                    File.Move(joined, path, overwrite: true);
                }
            }
            """);

    [Fact]
    public Task Write_access_probe_with_a_unique_empty_file_is_no_wrapper()
        => WriteFamilyTest.VerifyAsync(
            """
            using System;
            using System.IO;

            public sealed class DataFolder
            {
                private static void Probe(string folder)
                {
                    var file = Path.Combine(folder, Guid.NewGuid().ToString());
                    File.WriteAllText(file, string.Empty);
                    File.Delete(file);
                }

                private static void Touch(string folder) => File.WriteAllBytes(Path.Combine(folder, "probe"), Array.Empty<byte>());

                public void Check()
                {
                    Probe("settings.json");
                    Touch("settings.json");
                }
            }
            """,
            stateScope: true);

    // ---------------------------------------------------------------- SW3001: a wrapped publish is a save

    [Fact]
    public Task Dirty_flag_cleared_before_a_wrapped_publish_is_SW3001_and_before_a_look_alike_is_not()
        => Verify("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            public interface IStorage
            {
                void Move(string from, string to);
            }

            internal sealed class DiskStorage : IStorage
            {
                public void Move(string from, string to) => File.Move(from, to, overwrite: true);
            }

            public sealed class Queue
            {
                public void Move(string from, string to) => Console.WriteLine(from + " -> " + to);
            }

            public sealed class Scores
            {
                private readonly IStorage _storage;
                private readonly Queue _queue = new();
                private readonly List<int> _scores = new();
                private readonly string _tempFile = Path.Combine("data", "scores." + Guid.NewGuid().ToString("N") + ".tmp");
                private bool _changed;
                private bool _queued;

                public Scores(IStorage storage) => _storage = storage;

                public void Add(int score)
                {
                    _scores.Add(score);
                    _changed = true;
                    _queued = true;
                }

                // Renamed in another method, not one Stage calls: in place for SW1001 (rules.md's temp-then-rename scope).
                public void Stage() => {|SW1001:File.WriteAllText(_tempFile, string.Join(",", _scores))|};

                // The wrapped move is the save: clearing the flag before it loses the changes when it throws.
                public void Save(string path)
                {
                    if (_changed)
                    {
                        {|SW3001:_changed = false;|}
                        {|SW1005:_storage.Move(_tempFile, path)|};
                    }
                }

                // A Move of the same shape that touches no file is no save.
                public void Announce(string path)
                {
                    if (_queued)
                    {
                        _queued = false;
                        _queue.Move(_tempFile, path);
                    }
                }
            }
            """);

    // ---------------------------------------------------------------- no fix: AtomicFile would bypass the wrapper

    [Fact]
    public Task SW1001_at_a_wrapper_call_has_no_fix()
        => WriteFamilyTest.VerifyNoFixAsync<FileOverwrittenInPlaceAnalyzer, FileOverwrittenInPlaceCodeFixProvider>("""
            using System.IO;

            internal static class Disk
            {
                public static void WriteText(string path, string text) => File.WriteAllText(path, text);
            }

            public sealed class Notes
            {
                public void Keep(string text) => {|SW1001:Disk.WriteText("notes.txt", text)|};
            }
            """);
}
