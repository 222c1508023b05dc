using SafeWrites;

namespace AutoSaver;

/// <summary>Notes kept in memory and saved by a timer when something changed (a dirty flag).</summary>
public sealed class NoteBook
{
    private readonly string _path;
    private readonly List<string> _notes = new();
    private bool _dirty;

    public NoteBook(string path) => _path = path;

    public void Add(string note)
    {
        _notes.Add(note);
        _dirty = true;
    }

    /// <summary>Called by the app's auto-save timer.</summary>
    public bool SaveIfDirty()
    {
        if (!_dirty)
        {
            return false;
        }

        AtomicFile.WriteJson(_path, _notes);
        // Cleared only once the notes are on disk: a failed save is retried on the next tick.
        _dirty = false;
        return true;
    }
}
