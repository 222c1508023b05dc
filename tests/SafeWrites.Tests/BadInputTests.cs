using System;
using System.IO;
using System.Threading.Tasks;
using SafeWrites.Tests.Infrastructure;
using Xunit;

namespace SafeWrites.Tests;

/// <summary>Bad paths fail with the documented exception before anything is written.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public static TheoryData<string> Writers() => new() { "WriteAllText", "WriteAllBytes", "WriteAllLines", "WriteJson", "Write", "Create", "WriteAllTextAsync", "WriteJsonAsync", "FileLock" };

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Null_path_throws_ArgumentNullException(string api)
    {
        await AssertRejected<ArgumentNullException>(api, null!);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Empty_and_whitespace_paths_throw_ArgumentException(string api)
    {
        var empty = await AssertRejected<ArgumentException>(api, string.Empty);
        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
        var blank = await AssertRejected<ArgumentException>(api, "   ");
        Assert.Contains("white space", blank.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task Invalid_characters_throw_ArgumentException(string api)
    {
        var e = await AssertRejected<ArgumentException>(api, Path.Combine(_dir.Path, "bad\0name.json"));
        Assert.Contains("NUL", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task A_path_ending_in_a_separator_throws_ArgumentException(string api)
    {
        await AssertRejected<ArgumentException>(api, _dir.Path + Path.DirectorySeparatorChar);
    }

    [Theory]
    [InlineData("WriteAllText")]
    [InlineData("WriteAllBytes")]
    [InlineData("WriteAllLines")]
    [InlineData("WriteJson")]
    [InlineData("Write")]
    [InlineData("Create")]
    [InlineData("WriteAllTextAsync")]
    [InlineData("WriteJsonAsync")]
    public async Task A_directory_as_the_destination_throws_UnauthorizedAccessException(string api)
    {
        var directory = _dir.File("subdir");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "keep.txt"), "keep");

        var e = await AssertRejected<UnauthorizedAccessException>(api, directory);

        Assert.Contains("is a directory", e.Message, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(directory, "keep.txt")));
    }

    [Fact]
    public void Reads_reject_bad_paths_too()
    {
        Assert.Throws<ArgumentNullException>(() => AtomicFile.ReadJson<int>(null!));
        Assert.Throws<ArgumentException>(() => AtomicFile.ReadJson<int>(" "));
        Assert.Throws<ArgumentException>(() => AtomicFile.TryReadJson<int>("a\0b", out _));
    }

    public void Dispose() => _dir.Dispose();

    private async Task<T> AssertRejected<T>(string api, string path)
        where T : Exception
    {
        var before = _dir.Listing();
        var e = await Assert.ThrowsAsync<T>(() => Call(api, path));
        Assert.Equal(before, _dir.Listing());
        return e;
    }

    private static Task Call(string api, string path)
    {
        switch (api)
        {
            case "WriteAllText":
                AtomicFile.WriteAllText(path, "x");
                return Task.CompletedTask;
            case "WriteAllBytes":
                AtomicFile.WriteAllBytes(path, new byte[] { 1 });
                return Task.CompletedTask;
            case "WriteAllLines":
                AtomicFile.WriteAllLines(path, new[] { "x" });
                return Task.CompletedTask;
            case "WriteJson":
                AtomicFile.WriteJson(path, 42);
                return Task.CompletedTask;
            case "Write":
                AtomicFile.Write(path, s => s.WriteByte(1));
                return Task.CompletedTask;
            case "Create":
                using (var stream = AtomicFile.Create(path))
                {
                    stream.Commit();
                }

                return Task.CompletedTask;
            case "WriteAllTextAsync":
                return AtomicFile.WriteAllTextAsync(path, "x");
            case "WriteJsonAsync":
                return AtomicFile.WriteJsonAsync(path, 42);
            case "FileLock":
                FileLock.Acquire(path, TimeSpan.FromSeconds(1)).Dispose();
                return Task.CompletedTask;
            default:
                throw new ArgumentOutOfRangeException(nameof(api));
        }
    }
}
