using System.Collections.Generic;
using System.IO;

namespace Cases;

public sealed class Journal
{
    private readonly List<string> _entries = new();
    private readonly string _path;
    private bool _dirty;

    public Journal(string path) => _path = path;

    public void Add(string entry)
    {
        _entries.Add(entry);
        _dirty = true;
    }

    public void Flush()
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        File.WriteAllLines(_path, _entries);
    }
}
