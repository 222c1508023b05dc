using System.Threading.Tasks;
using SafeWrites.Analyzers.Writes;
using SafeWrites.CodeFixes.Writes;
using Xunit;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>
/// System.IO.Abstractions (TestableIO): <c>IFileSystem.File</c>, <c>IFileInfo</c>, <c>IFileStreamFactory</c>,
/// <c>IFileInfoFactory</c> and <c>IPath</c> are System.IO's operations for every write rule and SW3001's saves,
/// matched by symbol against the real assemblies. Diagnostics only: the fixes decline them.
/// </summary>
public class FileSystemAbstractionsTests
{
    private static Task Verify(string source) => WriteFamilyTest.VerifyAsync(source, abstractions: true);

    // ---------------------------------------------------------------- SW1001 / SW1002

    [Fact]
    public Task File_WriteAllText_through_IFileSystem_is_SW1001()
        => Verify("""
            using System.IO.Abstractions;

            public sealed class Notes
            {
                private readonly IFileSystem _fs;

                public Notes(IFileSystem fs) => _fs = fs;

                public void Keep(string path, string text) => {|SW1001:_fs.File.WriteAllText(path, text)|};

                public void Log(string path, string line) => _fs.File.AppendAllText(path, line);
            }
            """);

    [Fact]
    public Task Json_through_an_injected_IFile_is_SW1002_and_a_temp_from_IPath_is_not()
        => Verify("""
            using System.IO.Abstractions;
            using System.Text.Json;

            public sealed record Settings(string Theme);

            public sealed class SettingsFile
            {
                private readonly IFile _file;
                private readonly IPath _path;

                public SettingsFile(IFile file, IPath path) => (_file, _path) = (file, path);

                public void Save(string target, Settings settings) => {|SW1002:_file.WriteAllText(target, JsonSerializer.Serialize(settings))|};

                public string Scratch(Settings settings)
                {
                    var scratch = _path.GetTempFileName();
                    _file.WriteAllText(scratch, JsonSerializer.Serialize(settings));
                    return scratch;
                }
            }
            """);

    [Fact]
    public Task FileStream_factory_with_Create_written_is_SW1001_and_a_read_open_is_not()
        => Verify("""
            using System.IO;
            using System.IO.Abstractions;

            public sealed class Snapshot
            {
                private readonly IFileSystem _fs;

                public Snapshot(IFileSystem fs) => _fs = fs;

                public void Write(string path, byte[] data)
                {
                    using var stream = {|SW1001:_fs.FileStream.New(path, FileMode.Create, FileAccess.Write)|};
                    stream.Write(data, 0, data.Length);
                }

                public int First(string path)
                {
                    using var stream = _fs.FileStream.New(path, FileMode.Open, FileAccess.Read);
                    return stream.ReadByte();
                }
            }
            """);

    [Fact]
    public Task IFileInfo_Create_and_IFile_Open_with_Create_are_SW1001_and_CreateNew_is_not()
        => Verify("""
            using System.IO;
            using System.IO.Abstractions;

            public sealed class Exports
            {
                private readonly IFileSystem _fs;

                public Exports(IFileSystem fs) => _fs = fs;

                public void ViaInfo(string path, string text)
                {
                    using var writer = new StreamWriter({|SW1001:_fs.FileInfo.New(path).Create()|});
                    writer.Write(text);
                }

                public void ViaOpen(string path, byte[] data)
                {
                    using var stream = {|SW1001:_fs.File.Open(path, FileMode.Create)|};
                    stream.Write(data);
                }

                public void Exclusive(string path, byte[] data)
                {
                    using var stream = _fs.File.Open(path, FileMode.CreateNew);
                    stream.Write(data);
                }
            }
            """);

    // ---------------------------------------------------------------- SW1003–SW1006

    [Fact]
    public Task Temp_then_move_through_IFile_is_a_publish_not_an_in_place_write()
        => Verify("""
            using System;
            using System.IO.Abstractions;

            public sealed class Store
            {
                private readonly IFileSystem _fs;

                public Store(IFileSystem fs) => _fs = fs;

                public void Save(string path, string text)
                {
                    var staging = path + "." + Guid.NewGuid().ToString("N");
                    _fs.File.WriteAllText(staging, text);
                    {|SW1005:_fs.File.Move(staging, path, true)|};
                }
            }
            """);

    [Fact]
    public Task Delete_then_move_through_IFile_is_SW1004_and_deleting_another_file_is_not()
        => Verify("""
            using System;
            using System.IO.Abstractions;

            public sealed class Ledger
            {
                private readonly IFileSystem _fs;

                public Ledger(IFileSystem fs) => _fs = fs;

                public void Save(string path, string backup, string text)
                {
                    var staging = path + "." + Guid.NewGuid().ToString("N");
                    _fs.File.WriteAllText(staging, text);
                    _fs.File.Delete(backup);
                    {|SW1004:_fs.File.Delete(path)|};
                    {|SW1005:_fs.File.Move(staging, path)|};
                }
            }
            """);

    [Fact]
    public Task Temp_from_IPath_moved_over_the_destination_is_SW1003_and_a_temp_beside_it_is_not()
        => Verify("""
            using System;
            using System.IO.Abstractions;

            public sealed class Cache
            {
                private readonly IFileSystem _fs;

                public Cache(IFileSystem fs) => _fs = fs;

                public void FromTempDirectory(string destination, string text)
                {
                    var temp = _fs.Path.Combine(_fs.Path.GetTempPath(), Guid.NewGuid().ToString("N"));
                    _fs.File.WriteAllText(temp, text);
                    {|SW1003:{|SW1005:_fs.File.Move(temp, destination, true)|}|};
                }

                public void Beside(string destination, string text)
                {
                    var temp = destination + "." + Guid.NewGuid().ToString("N");
                    _fs.File.WriteAllText(temp, text);
                    {|SW1005:_fs.File.Move(temp, destination, true)|};
                }
            }
            """);

    [Fact]
    public Task IFileInfo_MoveTo_of_a_written_temp_publishes()
        => Verify("""
            using System;
            using System.IO.Abstractions;

            public sealed class Profile
            {
                private readonly IFileSystem _fs;

                public Profile(IFileSystem fs) => _fs = fs;

                public void Save(string path, string text)
                {
                    var temp = path + "." + Guid.NewGuid().ToString("N");
                    _fs.File.WriteAllText(temp, text);
                    var info = _fs.FileInfo.New(temp);
                    {|SW1005:info.MoveTo(path, true)|};
                }
            }
            """);

    // ---------------------------------------------------------------- look-alikes: by symbol, not by name

    [Fact]
    public Task A_type_of_the_same_names_in_another_namespace_is_not_a_file_API()
        => Verify("""
            namespace Cloud
            {
                public interface IFile
                {
                    void WriteAllText(string path, string contents);
                    void Move(string source, string destination);
                }

                public sealed class Uploader
                {
                    private readonly IFile _file;

                    public Uploader(IFile file) => _file = file;

                    public void Put(string key, string text)
                    {
                        _file.WriteAllText(key, text);
                        _file.Move(key, key + ".done");
                    }
                }
            }
            """);

    [Fact]
    public Task Without_the_abstractions_assembly_nothing_is_resolved()
        => WriteFamilyTest.VerifyAsync("""
            public sealed class Plain
            {
                public void Save(string path, string text) => System.IO.File.AppendAllText(path, text);
            }
            """);

    // ---------------------------------------------------------------- SW3001: a save through the abstraction

    [Fact]
    public Task Dirty_flag_cleared_before_an_IFile_save_is_SW3001()
        => Verify("""
            using System.Collections.Generic;
            using System.IO.Abstractions;

            public sealed class Playlist
            {
                private readonly IFileSystem _fs;
                private readonly List<string> _songs = new();
                private bool _dirty;

                public Playlist(IFileSystem fs) => _fs = fs;

                public void Add(string song)
                {
                    _songs.Add(song);
                    _dirty = true;
                }

                public void Flush(string path)
                {
                    if (_dirty)
                    {
                        {|SW3001:_dirty = false;|}
                        {|SW1001:_fs.File.WriteAllLines(path, _songs)|};
                    }
                }
            }
            """);

    // ---------------------------------------------------------------- no fix: the fix cannot keep the abstraction

    [Fact]
    public Task SW1001_through_the_abstraction_has_no_fix()
        => WriteFamilyTest.VerifyNoFixAsync<FileOverwrittenInPlaceAnalyzer, FileOverwrittenInPlaceCodeFixProvider>("""
            using System.IO.Abstractions;

            public sealed class Notes
            {
                public void Keep(IFileSystem fs, string path, string text) => {|SW1001:fs.File.WriteAllText(path, text)|};
            }
            """, abstractions: true);

    [Fact]
    public Task SW1002_through_the_abstraction_has_no_fix()
        => WriteFamilyTest.VerifyNoFixAsync<JsonSerializedInPlaceAnalyzer, JsonSerializedInPlaceCodeFixProvider>("""
            using System.IO.Abstractions;
            using System.Text.Json;

            public sealed class Settings
            {
                public string Theme { get; set; } = "dark";

                public void Save(IFileSystem fs, string path) => {|SW1002:fs.File.WriteAllText(path, JsonSerializer.Serialize(this))|};
            }
            """, abstractions: true);

    [Fact]
    public Task SW1004_through_the_abstraction_has_no_fix()
        => WriteFamilyTest.VerifyNoFixAsync<DestinationRemovedBeforeMoveAnalyzer, DestinationRemovedBeforeMoveCodeFixProvider>("""
            using System;
            using System.IO.Abstractions;

            public sealed class Ledger
            {
                public void Save(IFileSystem fs, string path, string text)
                {
                    var staging = path + "." + Guid.NewGuid().ToString("N");
                    fs.File.WriteAllText(staging, text);
                    {|SW1004:fs.File.Delete(path)|};
                    fs.File.Move(staging, path);
                }
            }
            """, abstractions: true);
}
