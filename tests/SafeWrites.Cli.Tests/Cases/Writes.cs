using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Cases;

public sealed class Writes
{
    public void SaveText(string path, string text)
    {
        File.WriteAllText(path, text);
    }

    public void SaveJson(string path, Dictionary<string, int> values)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(values));
    }

    public void SaveJsonStream(string path, Dictionary<string, int> values)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, values);
    }

    public void SaveBytes(string path, byte[] bytes) => File.WriteAllBytes(path, bytes);

    public string Load(string path) => File.ReadAllText(path);

    public void AppendLog(string path, string line) => File.AppendAllText(path, line);
}
