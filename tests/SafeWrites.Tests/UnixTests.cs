using System;
using System.IO;
using SafeWrites.Tests.Infrastructure;
using Xunit;

namespace SafeWrites.Tests;

/// <summary>Permission bits, symbolic links and missing directories (the suite runs on Linux).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UnixTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)] // 0600: a secret stays a secret
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)] // 0644
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute)] // 0750
    public void Permission_bits_of_an_existing_destination_survive_a_write(UnixFileMode mode)
    {
        var path = _dir.File("secret.json");
        File.WriteAllText(path, "{}");
        File.SetUnixFileMode(path, mode);

        AtomicFile.WriteAllText(path, "{\"token\":\"new\"}");

        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal("{\"token\":\"new\"}", File.ReadAllText(path));
    }

    [Fact]
    public void A_new_file_gets_the_mode_File_WriteAllText_would_give_it()
    {
        File.WriteAllText(_dir.File("by-file"), "x");
        AtomicFile.WriteAllText(_dir.File("by-atomic"), "x");

        Assert.Equal(File.GetUnixFileMode(_dir.File("by-file")), File.GetUnixFileMode(_dir.File("by-atomic")));
    }

    [Fact]
    public void Writing_through_a_symlink_updates_the_target_and_keeps_the_link()
    {
        Directory.CreateDirectory(_dir.File("real"));
        var target = _dir.File("real/config.json");
        File.WriteAllText(target, "old");
        var link = _dir.File("config.json");
        File.CreateSymbolicLink(link, "real/config.json");

        AtomicFile.WriteAllText(link, "new");

        Assert.Equal("real/config.json", new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public void ReplaceSymlink_replaces_the_link_itself()
    {
        var target = _dir.File("target.json");
        File.WriteAllText(target, "old");
        var link = _dir.File("link.json");
        File.CreateSymbolicLink(link, target);

        AtomicFile.WriteAllText(link, "new", new AtomicWriteOptions { ReplaceSymlink = true });

        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(link));
        Assert.Equal("old", File.ReadAllText(target));
    }

    [Fact]
    public void A_missing_directory_is_created()
    {
        var path = _dir.File("a/b/c/state.json");

        AtomicFile.WriteJson(path, new { ok = true });

        Assert.Equal("{\"ok\":true}", File.ReadAllText(path));
    }

    public void Dispose() => _dir.Dispose();
}
