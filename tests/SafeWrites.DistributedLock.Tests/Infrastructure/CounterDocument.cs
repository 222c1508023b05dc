using System;
using System.IO;
using System.Text.Json;

namespace SafeWrites.DistributedLock.Tests.Infrastructure;

/// <summary>The JSON counter the tests and the child processes update: <c>{"Value": n, ...}</c>.</summary>
internal static class CounterDocument
{
    /// <summary>Parses the document as it is on disk (no lock), failing on a torn or partial file.</summary>
    public static int ReadValue(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("Value").GetInt32();
    }

    /// <summary>One read-modify-write of the counter under <paramref name="locks"/>.</summary>
    public static int Update(IFileLockProvider locks, string path, TimeSpan timeout)
    {
        using (locks.Acquire(path, timeout))
        {
            var value = ReadValue(path) + 1;
            AtomicFile.WriteJson(path, new { Value = value });
            return value;
        }
    }
}
