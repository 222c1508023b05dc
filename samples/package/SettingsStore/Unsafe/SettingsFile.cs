using System.Text.Json;

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

    public void Save(Settings settings)
    {
        // The file is truncated first: a crash or a full disk now leaves an empty settings.json,
        // and the next start silently falls back to the defaults.
        File.WriteAllText(_path, JsonSerializer.Serialize(settings, Options)); // ⚠ SW1002
    }

    public void SaveBackup(Settings settings)
    {
        using var stream = File.Create(_path + ".bak");
        JsonSerializer.Serialize(stream, settings, Options); // ⚠ SW1002
    }

    public string? LastOpened()
    {
        var note = Path.ChangeExtension(_path, ".last");
        return File.Exists(note) ? File.ReadAllText(note) : null;
    }

    public void RememberLastOpened(string file) =>
        File.WriteAllText(Path.ChangeExtension(_path, ".last"), file); // ⚠ SW1001
}
