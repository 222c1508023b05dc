using System.Text.Json;

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

        // If the save below throws (disk full, file in use), the flag already says "saved":
        // no later tick retries, and the notes are lost when the app closes.
        _dirty = false; // ⚠ SW3001
        File.WriteAllText(_path, JsonSerializer.Serialize(_notes)); // ⚠ SW1002
        return true;
    }
}
