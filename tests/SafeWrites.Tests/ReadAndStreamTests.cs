using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using SafeWrites.Tests.Infrastructure;
using Xunit;

namespace SafeWrites.Tests;

public sealed class ReadAndStreamTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    [Fact]
    public async Task ReadJson_of_a_missing_file_throws_FileNotFoundException_and_TryReadJson_returns_false()
    {
        var missing = _dir.File("missing.json");
        var inMissingDirectory = _dir.File("no/such/dir.json");

        var e = Assert.Throws<FileNotFoundException>(() => AtomicFile.ReadJson<Settings>(missing));
        Assert.Equal(missing, e.FileName);
        Assert.Throws<FileNotFoundException>(() => AtomicFile.ReadJson<Settings>(inMissingDirectory));
        await Assert.ThrowsAsync<FileNotFoundException>(() => AtomicFile.ReadJsonAsync<Settings>(missing));

        Assert.False(AtomicFile.TryReadJson<Settings>(missing, out var value));
        Assert.Null(value);
        Assert.False(AtomicFile.TryReadJson<Settings>(inMissingDirectory, out _));
        var (found, _) = await AtomicFile.TryReadJsonAsync<Settings>(missing);
        Assert.False(found);
    }

    [Fact]
    public async Task Malformed_json_throws_JsonException_naming_the_path()
    {
        var path = _dir.File("broken.json");
        File.WriteAllText(path, "{\"Name\": \"half");

        var e = Assert.Throws<JsonException>(() => AtomicFile.ReadJson<Settings>(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<JsonException>(e.InnerException);

        var async = await Assert.ThrowsAsync<JsonException>(() => AtomicFile.ReadJsonAsync<Settings>(path));
        Assert.Contains(path, async.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => AtomicFile.TryReadJson<Settings>(path, out _));
    }

    [Fact]
    public async Task WriteJson_and_ReadJson_round_trip()
    {
        var path = _dir.File("settings.json");

        AtomicFile.WriteJson(path, new Settings { Name = "a", Count = 1 });
        Assert.Equal(new Settings { Name = "a", Count = 1 }, AtomicFile.ReadJson<Settings>(path));

        await AtomicFile.WriteJsonAsync(path, new Settings { Name = "b", Count = 2 });
        Assert.True(AtomicFile.TryReadJson<Settings>(path, out var read));
        Assert.Equal(new Settings { Name = "b", Count = 2 }, read);
        var (found, value) = await AtomicFile.TryReadJsonAsync<Settings>(path);
        Assert.True(found);
        Assert.Equal("b", value!.Name);
    }

    [Fact]
    public void AtomicFileStream_disposed_without_Commit_leaves_the_destination_untouched()
    {
        var path = _dir.File("data.txt");
        File.WriteAllText(path, "before");

        using (var stream = AtomicFile.Create(path))
        {
            stream.Write(new byte[100_000]);
            stream.Flush();
            Assert.Single(_dir.TempFiles());
        }

        Assert.Equal("before", File.ReadAllText(path));
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public async Task AtomicFileStream_publishes_only_on_Commit()
    {
        var path = _dir.File("data.txt");
        File.WriteAllText(path, "before");

        await using (var stream = AtomicFile.Create(path))
        {
            await stream.WriteAsync("after"u8.ToArray());
            Assert.Equal("before", File.ReadAllText(path));
            await stream.CommitAsync();
            Assert.True(stream.IsCommitted);
            Assert.Throws<InvalidOperationException>(() => stream.WriteByte(1));
        }

        Assert.Equal("after", File.ReadAllText(path));
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public void KeepBackup_keeps_the_previous_content_as_bak()
    {
        var path = _dir.File("state.json");
        var options = new AtomicWriteOptions { KeepBackup = true };

        AtomicFile.WriteAllText(path, "v1", options);
        Assert.False(File.Exists(path + ".bak"), "There was nothing to back up on the first write.");

        AtomicFile.WriteAllText(path, "v2", options);
        Assert.Equal("v1", File.ReadAllText(path + ".bak"));

        AtomicFile.WriteAllText(path, "v3", options);
        Assert.Equal("v2", File.ReadAllText(path + ".bak"));
        Assert.Equal("v3", File.ReadAllText(path));
        Assert.Empty(_dir.TempFiles());
    }

    public void Dispose() => _dir.Dispose();

    private sealed record Settings
    {
        public string Name { get; init; } = string.Empty;

        public int Count { get; init; }
    }
}
