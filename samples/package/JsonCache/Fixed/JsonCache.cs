using System.Text.Json;
using SafeWrites;

namespace JsonCache;

/// <summary>Computed values cached in memory and in a JSON file that worker threads share.</summary>
public sealed class ResultCache
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);
    private readonly object _gate = new();
    private readonly string _path;
    private readonly Dictionary<string, int> _entries;

    public ResultCache(string path)
    {
        _path = path;
        _entries = File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path)) ?? new() : new();
    }

    public int GetOrAdd(string key, Func<string, int> compute)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var value))
            {
                return value;
            }

            value = compute(key);
            _entries[key] = value;
            // FileLock orders the writers of every process; AtomicFile makes each write all-or-nothing.
            using (FileLock.Acquire(FileLock.PathFor(_path), LockTimeout))
            {
                AtomicFile.WriteJson(_path, _entries);
            }

            return value;
        }
    }
}
