using System.Text.Json;
using SafeWrites;

namespace SettingsStore;

public sealed class Settings
{
    public string Theme { get; set; } = "light";
    public int FontSize { get; set; } = 12;
    public List<string> RecentFiles { get; set; } = new();
}

/// <summary>The user's settings as a JSON file, with a backup copy and a "last opened" note.</summary>
public sealed class SettingsFile
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
    private readonly string _path;

    public SettingsFile(string path) => _path = path;

    public Settings Load() =>
        File.Exists(_path) ? JsonSerializer.Deserialize<Settings>(File.ReadAllText(_path), Options) ?? new Settings() : new Settings();

    // Serialized into a temporary file beside settings.json, flushed, then renamed over it:
    // a reader or a crash sees the old settings or the new ones, never half of them.
    public void Save(Settings settings) => AtomicFile.WriteJson(_path, settings, Options);

    public void SaveBackup(Settings settings) => AtomicFile.WriteJson(_path + ".bak", settings, Options);

    public string? LastOpened()
    {
        var note = Path.ChangeExtension(_path, ".last");
        return File.Exists(note) ? File.ReadAllText(note) : null;
    }

    public void RememberLastOpened(string file) =>
        AtomicFile.WriteAllText(Path.ChangeExtension(_path, ".last"), file);
}
