using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SafeWrites.Tests.Infrastructure;
using Xunit;

namespace SafeWrites.Tests;

/// <summary>A write that fails part-way leaves the destination byte-identical and no temporary file.</summary>
public sealed class FailureTests : IDisposable
{
    private static readonly byte[] Original = CreateOriginal();
    private readonly TestDirectory _dir = new();

    [Fact]
    public void Serializer_that_throws_midway_leaves_destination_unchanged()
    {
        var path = Existing("state.json");

        var e = Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteJson(path, new ThrowingDocument()));

        Assert.Equal("serializer failed at item 20000", e.Message);
        AssertUntouched(path);
    }

    [Fact]
    public async Task Async_serializer_that_throws_midway_leaves_destination_unchanged()
    {
        var path = Existing("state.json");

        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteJsonAsync(path, new ThrowingDocument()));

        AssertUntouched(path);
    }

    [Fact]
    public void Action_that_throws_after_writing_leaves_destination_unchanged()
    {
        var path = Existing("data.bin");

        Assert.Throws<FormatException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[300_000]);
            stream.Flush(); // the bytes are really in the temporary file now
            throw new FormatException("boom");
        }));

        AssertUntouched(path);
    }

    [Fact]
    public async Task Cancelled_async_write_leaves_destination_unchanged()
    {
        var path = Existing("data.bin");
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(
            path,
            async (stream, ct) =>
            {
                await stream.WriteAsync(new byte[200_000], ct);
                await stream.FlushAsync(ct);
                cts.Cancel();
                await stream.WriteAsync(new byte[200_000], ct);
            },
            cancellationToken: cts.Token));

        AssertUntouched(path);
    }

    [Fact]
    public async Task Cancelled_WriteAllTextAsync_leaves_destination_unchanged()
    {
        var path = Existing("text.txt");
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAllTextAsync(path, new string('x', 1_000_000), cts.Token));

        AssertUntouched(path);
    }

    [TmpfsFact]
    public void Full_disk_leaves_destination_unchanged()
    {
        using var tmpfs = Tmpfs.Mount("1m");
        var path = Path.Combine(tmpfs.Path, "state.bin");
        File.WriteAllBytes(path, Original);

        var e = Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(path, new byte[2 * 1024 * 1024]));

        Assert.Contains("space", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Original, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(tmpfs.Path));
    }

    [TmpfsFact]
    public async Task Full_disk_during_async_json_leaves_destination_unchanged()
    {
        using var tmpfs = Tmpfs.Mount("1m");
        var path = Path.Combine(tmpfs.Path, "state.json");
        File.WriteAllBytes(path, Original);
        var big = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            big.Add(new string('y', 100));
        }

        await Assert.ThrowsAnyAsync<IOException>(() => AtomicFile.WriteJsonAsync(path, big));

        Assert.Equal(Original, File.ReadAllBytes(path));
        Assert.Equal(new[] { path }, Directory.GetFileSystemEntries(tmpfs.Path));
    }

    public void Dispose() => _dir.Dispose();

    private static byte[] CreateOriginal()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { version = 1, payload = new string('o', 100_000) });
        return bytes;
    }

    private string Existing(string name)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, Original);
        return path;
    }

    private void AssertUntouched(string path)
    {
        Assert.Equal(Original, File.ReadAllBytes(path));
        Assert.Empty(_dir.TempFiles());
        Assert.Equal(new[] { Path.GetFileName(path) }, _dir.Listing());
    }

    /// <summary>Serializes 20,000 items (well past the first buffer flush), then throws.</summary>
    private sealed class ThrowingDocument
    {
        public IEnumerable<string> Items
        {
            get
            {
                for (var i = 0; ; i++)
                {
                    if (i == 20_000)
                    {
                        throw new InvalidOperationException("serializer failed at item 20000");
                    }

                    yield return "item " + i;
                }
            }
        }
    }
}
