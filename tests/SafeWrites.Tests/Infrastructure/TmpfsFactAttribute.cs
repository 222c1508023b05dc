using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace SafeWrites.Tests.Infrastructure;

/// <summary>
/// A fact that needs a size-limited tmpfs. At discovery it tries to mount one; if that is not
/// permitted (not root, no tmpfs, not Linux) the test is reported as skipped with the reason.
/// </summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (Tmpfs.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Mounts and unmounts a small tmpfs with mount(8).</summary>
internal sealed class Tmpfs : IDisposable
{
    private static readonly Lazy<string?> Probe = new(ProbeMount);

    private Tmpfs(string path) => Path = path;

    /// <summary>Null when tmpfs can be mounted here, otherwise why not.</summary>
    public static string? UnavailableReason => Probe.Value;

    public string Path { get; }

    public static Tmpfs Mount(string size)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safewrites-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException($"mount failed ({code}): {output}");
        }

        return new Tmpfs(path);
    }

    public void Dispose()
    {
        Run("umount", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? ProbeMount()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Needs Linux to mount a size-limited tmpfs.";
        }

        try
        {
            using var probe = Mount("64k");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "Cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): " + e.Message.Trim();
        }
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
