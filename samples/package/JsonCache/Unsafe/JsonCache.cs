using System.Text.Json;

namespace JsonCache;

/// <summary>Computed values cached in memory and in a JSON file that worker threads share.</summary>
public sealed class ResultCache
{
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
        // The lock orders this process's threads only: a second process (another worker, a CLI run)
        // still writes cache.json at the same time, and the two writes interleave.
        lock (_gate) // ⚠ SW2003
        {
            if (_entries.TryGetValue(key, out var value))
            {
                return value;
            }

            value = compute(key);
            _entries[key] = value;
            using var stream = new FileStream(_path, FileMode.Create, FileAccess.Write);
            JsonSerializer.Serialize(stream, _entries); // ⚠ SW1002
            return value;
        }
    }
}
