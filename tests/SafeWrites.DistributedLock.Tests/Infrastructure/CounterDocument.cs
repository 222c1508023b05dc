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

    /// <summary>One <see cref="JsonFileStore{T}.Update"/> of the counter through <paramref name="locks"/>.</summary>
    public static int Update(IFileLockProvider locks, string path, TimeSpan timeout) =>
        new JsonFileStore<Counter>(path, new() { LockProvider = locks }).Update(c => c with { Value = c.Value + 1 }, timeout).Value;

    public static void Write(string path, int value) => AtomicFile.WriteJson(path, new Counter(value));

    internal sealed record Counter(int Value);
}
