using System;
using System.IO;
using System.Linq;

namespace SafeWrites.Tests.Infrastructure;

/// <summary>A fresh directory per test, removed afterwards.</summary>
internal sealed class TestDirectory : IDisposable
{
    public TestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safewrites-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Every entry (files, hidden temporary files, directories), for "nothing changed" checks.</summary>
    public string[] Listing() =>
        Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories)
            .Select(p => System.IO.Path.GetRelativePath(Path, p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Temporary files AtomicFile left behind (<c>.name.random.tmp</c>).</summary>
    public string[] TempFiles() =>
        Directory.EnumerateFiles(Path, ".*.tmp", SearchOption.AllDirectories).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
