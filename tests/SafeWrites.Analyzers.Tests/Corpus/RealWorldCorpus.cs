using System.Collections.Generic;

namespace SafeWrites.Analyzers.Tests.Corpus;

/// <summary>
/// Write patterns as they occur in public C# code (settings stores, upload handlers, exporters, caches, test
/// helpers, hand-rolled "atomic" writes), re-written in our own words and structure. The markup is the ground truth
/// a careful reviewer would give, not what the analyzers happen to report: <c>{|SW1001:…|}</c> / <c>{|SW1002:…|}</c>
/// mark every unsafe write where the squiggle belongs; unmarked code is safe. Known misses and false alarms stay in
/// on purpose, so the measured precision and recall are honest.
/// </summary>
internal static class RealWorldCorpus
{
    public static IReadOnlyList<(string Name, string Source)> Cases { get; } = new List<(string, string)>
    {
        ("ini settings store", """
            using System.IO;
            using System.Text;

            public class IniSettings
            {
                private readonly string _file;
                public IniSettings(string file) => _file = file;
                public string Theme { get; set; } = "light";

                public void Persist()
                {
                    var sb = new StringBuilder();
                    sb.AppendLine("[ui]").Append("theme=").AppendLine(Theme);
                    {|SW1001:File.WriteAllText(_file, sb.ToString())|};
                }
            }
            """),
        ("upload handler copies the request body", """
            using System.IO;
            using System.Threading.Tasks;

            public class AvatarUploads
            {
                public async Task<bool> SaveAsync(string root, string fileName, Stream body)
                {
                    var target = Path.Combine(root, "avatars", fileName);
                    using (var stream = {|SW1001:new FileStream(target, FileMode.Create)|})
                    {
                        await body.CopyToAsync(stream);
                    }

                    return true;
                }
            }
            """),
        ("wav writer", """
            using System.IO;

            static class Wav
            {
                public static void WriteMono(string path, float[] samples, int rate)
                {
                    using var fs = {|SW1001:new FileStream(path, FileMode.Create)|};
                    using var w = new BinaryWriter(fs);
                    w.Write(new[] { 'R', 'I', 'F', 'F' });
                    w.Write(36 + samples.Length * 2);
                    foreach (var s in samples)
                    {
                        w.Write((short)(s * short.MaxValue));
                    }
                }
            }
            """),
        ("xml serializer without using", """
            using System.IO;
            using System.Xml.Serialization;

            public class Wall { public int Height { get; set; } }

            static class WallFiles
            {
                public static void Save(string folder, string name, Wall wall)
                {
                    string path = folder + "/" + name + ".xml";
                    Stream writer = {|SW1001:new FileStream(path, FileMode.Create)|};
                    var serializer = new XmlSerializer(typeof(Wall));
                    serializer.Serialize(writer, wall);
                }
            }
            """),
        ("pokedex recreated in a catch", """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Xml.Serialization;

            public class Pokedex
            {
                private readonly XmlSerializer _serializer = new(typeof(List<string>));

                public List<string> Load(string dir)
                {
                    var entries = new List<string> { "bulbasaur" };
                    try
                    {
                        using var file = File.OpenRead(Path.Combine(dir, "Pokedex.xml"));
                        return (List<string>)_serializer.Deserialize(file)!;
                    }
                    catch (InvalidOperationException)
                    {
                        FileStream file = {|SW1001:File.Create(Path.Combine(dir, "Pokedex.xml"))|};
                        _serializer.Serialize(file, entries);
                        file.Close();
                        return entries;
                    }
                }
            }
            """),
        ("stream writer over an inline file stream", """
            using System.Collections.Generic;
            using System.IO;

            public class ProcessDefinition
            {
                public void Rewrite(string path, List<string> lines)
                {
                    using (StreamWriter streamWriter = new StreamWriter({|SW1001:new FileStream(path, FileMode.Create)|}))
                    {
                        foreach (string line in lines)
                        {
                            streamWriter.WriteLine(line);
                        }
                    }
                }
            }
            """),
        ("package signer writes parts through helpers", """
            using System;
            using System.IO;

            public class Packager
            {
                public void Package(string zipFileName, byte[] signature, string targetPath)
                {
                    var zip = File.ReadAllBytes(zipFileName);
                    using (var fs = {|SW1001:File.OpenWrite(targetPath)|})
                    {
                        WriteInt32(fs, signature.Length);
                        WriteBytes(fs, signature);
                        WriteBytes(fs, zip);
                    }
                }

                private static void WriteBytes(Stream s, byte[] b) => s.Write(b, 0, b.Length);

                private static void WriteInt32(Stream s, int v) => WriteBytes(s, BitConverter.GetBytes(v));
            }
            """),
        ("navmesh saved by the model object", """
            using System.IO;

            public class CompiledMesh { public void Save(Stream s) => s.WriteByte(0); }

            static class MeshExport
            {
                public static void Export(CompiledMesh mesh, string outputFile)
                {
                    using (var fs = {|SW1001:File.OpenWrite(outputFile)|})
                        mesh.Save(fs);
                }
            }
            """),
        ("blob downloaded over the local copy", """
            using System.IO;

            public interface IBlob { void DownloadToStream(Stream target); string Name { get; } }

            static class BlobSync
            {
                public static void Download(IBlob blob)
                {
                    var local = string.Format("./{0}", blob.Name);
                    using (var fs = {|SW1001:File.OpenWrite(local)|})
                    {
                        blob.DownloadToStream(fs);
                    }
                }
            }
            """),
        ("archive unpacker", """
            using System;
            using System.IO;

            static class Unpacker
            {
                public static void Extract(string outputPath, string name, ReadOnlyMemory<byte> data)
                {
                    var path = Path.GetFullPath(Path.Combine(outputPath, name));
                    Directory.CreateDirectory(Path.GetDirectoryName(path) ?? outputPath);
                    using var stream = {|SW1001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)|};
                    stream.Write(data.Span);
                }
            }
            """),
        ("write-if-changed helper", """
            using System.IO;
            using System.Text;

            static class Localization
            {
                public static void WriteIfChanged(string path, string content)
                {
                    if (File.Exists(path) && File.ReadAllText(path, Encoding.UTF8) == content)
                    {
                        return;
                    }

                    {|SW1001:File.WriteAllText(path, content, new UTF8Encoding(false))|};
                }
            }
            """),
        ("artifact writer takes a callback", """
            using System;
            using System.IO;

            static class Artifacts
            {
                public static void Save(string fileName, Action<Stream> writer)
                {
                    const string artifactPath = "../../artifacts";
                    using (var fs = {|SW1001:File.OpenWrite(Path.Combine(artifactPath, fileName))|})
                    {
                        writer(fs);
                    }
                }
            }
            """),
        ("'atomic' write that copies the temp file over the target", """
            using System.IO;
            using System.Text;

            static class LaunchSettings
            {
                public static void Save(string settingsPath, StringBuilder sb)
                {
                    var tempPath = settingsPath + ".tmp";
                    File.WriteAllText(tempPath, sb.ToString(), new UTF8Encoding(false));
                    {|SW1001:File.Copy(tempPath, settingsPath, true)|};
                    try { File.Delete(tempPath); } catch (IOException) { }
                }
            }
            """),
        ("report script with top-level statements", """
            using System.IO;
            using System.Linq;

            var rows = Enumerable.Range(1, 10).Select(i => $"{i},{i * i}");
            var output = args.Length > 0 ? args[0] : "squares.csv";
            {|SW1001:File.WriteAllLines(output, rows)|};
            """),
        ("async exporter", """
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            public class GradeExporter
            {
                public async Task ExportAsync(string path, IReadOnlyList<(string Name, int Grade)> grades)
                {
                    var lines = new List<string> { "name;grade" };
                    foreach (var (name, grade) in grades)
                    {
                        lines.Add($"{name};{grade}");
                    }

                    await {|SW1001:File.WriteAllLinesAsync(path, lines)|};
                }
            }
            """),
        ("settings through a file-system abstraction (not seen: interface)", """
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            public interface IFileOps { Stream Create(string path); }

            public class SyncSettings
            {
                private readonly IFileOps _files;
                private readonly string _path;
                public SyncSettings(IFileOps files, string path) { _files = files; _path = path; }
                public int Interval { get; set; }

                public async Task SaveAsync()
                {
                    await using var stream = _files.Create(_path);
                    await {|SW1002:JsonSerializer.SerializeAsync(stream, this)|};
                }
            }
            """),
        ("temp-file helper taking a lambda (safe; path is a lambda parameter)", """
            using System;
            using System.IO;
            using System.Text;

            static class SafeText
            {
                public static void Write(string filePath, Action<string> writeTemp)
                {
                    var tempPath = filePath + ".new";
                    writeTemp(tempPath);
                    File.Move(tempPath, filePath, overwrite: true);
                }

                public static void WriteAllText(string filePath, string text, Encoding enc)
                    => Write(filePath, tempPath => File.WriteAllText(tempPath, text, enc));
            }
            """),
        ("game mod settings with newtonsoft", """
            using System.Collections.Generic;
            using System.IO;
            using Newtonsoft.Json;

            public class ColorblindSettings
            {
                public bool Enabled;
                public Dictionary<string, bool?> Modules = new();
            }

            static class Colorblind
            {
                static string settingsPath = "colorblind.json";

                static void WriteSettings(ColorblindSettings settings)
                {
                    {|SW1002:File.WriteAllText(settingsPath, JsonConvert.SerializeObject(settings, Formatting.Indented))|};
                }
            }
            """),
        ("static settings commit through a local", """
            using System.IO;
            using Newtonsoft.Json;

            public class SettingsContainer { public string Name { get; set; } = ""; }

            static class AppConfig
            {
                public static SettingsContainer Settings = new();

                public static void Commit()
                {
                    string textData = JsonConvert.SerializeObject(Settings, Formatting.Indented);
                    {|SW1002:File.WriteAllText("settings.json", textData)|};
                }
            }
            """),
        ("settings file created empty, then filled", """
            using System.IO;
            using System.Threading.Tasks;

            public class RemoteSettings { public string Version { get; set; } = ""; }

            static class SettingsCache
            {
                private static readonly string SettingsFilePath = "sdk-settings.json";

                public static async Task SaveAsync(RemoteSettings settings)
                {
                    if (!File.Exists(SettingsFilePath))
                    {
                        File.Create(SettingsFilePath).Close();
                    }

                    await {|SW1002:File.WriteAllTextAsync(SettingsFilePath, Newtonsoft.Json.JsonConvert.SerializeObject(settings, Newtonsoft.Json.Formatting.Indented))|};
                }
            }
            """),
        ("color table saved with System.Text.Json", """
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            public class ColorTable
            {
                public int[] Colors { get; set; } = new int[32];

                public async Task SaveToFileAsync(string filePath, CancellationToken cancellationToken = default)
                {
                    var options = new JsonSerializerOptions { WriteIndented = true };
                    await using var stream = File.Create(filePath);
                    await {|SW1002:JsonSerializer.SerializeAsync(stream, this, options, cancellationToken)|};
                }
            }
            """),
        ("retention records store", """
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            public record Retention(string Id, int Days);

            public class RetentionStore
            {
                private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
                private readonly string _statePath = "retention.json";

                private async Task WriteRecordsAsync(IReadOnlyList<Retention> records, CancellationToken cancellationToken)
                {
                    var directory = Path.GetDirectoryName(_statePath);
                    if (!string.IsNullOrWhiteSpace(directory))
                    {
                        Directory.CreateDirectory(directory);
                    }

                    await using var stream = new FileStream(_statePath, FileMode.Create, FileAccess.Write, FileShare.None);
                    await {|SW1002:JsonSerializer.SerializeAsync(stream, records, JsonOptions, cancellationToken)|};
                }
            }
            """),
        ("parking config with newtonsoft serializer", """
            using System.IO;
            using Newtonsoft.Json;

            public class ParkingConfig { public int CarSize { get; set; } = 4; }

            static class ConfigFile
            {
                public static void WriteDefault()
                {
                    var config = new ParkingConfig();
                    using (StreamWriter file = File.CreateText(@"../../../ConfigFile.json"))
                    {
                        JsonSerializer serializer = new JsonSerializer();
                        serializer.Formatting = Formatting.Indented;
                        {|SW1002:serializer.Serialize(file, config)|};
                    }
                }
            }
            """),
        ("game state serialized with a using declaration", """
            using System.IO;
            using Newtonsoft.Json;

            public class Roulette { public int Pocket { get; set; } }

            public class Casino
            {
                private const string RouletteGamePath = "roulette.json";

                private void SerializeData(Roulette roulette)
                {
                    var path = RouletteGamePath;
                    using var file =
                        File.CreateText(path);
                    var serializer = new JsonSerializer();
                    {|SW1002:serializer.Serialize(file, roulette)|};
                }
            }
            """),
        ("vr mod context written after truncating the base stream", """
            using System.IO;
            using Newtonsoft.Json;

            public class ConfigurableContext { public float Scale { get; set; } = 1; }

            public class ContextLoader
            {
                private readonly JsonSerializer serializer = new();

                public ConfigurableContext CreateDefault(string path)
                {
                    var context = new ConfigurableContext();
                    using (var file = new StreamWriter(path))
                    {
                        file.BaseStream.SetLength(0);
                        {|SW1002:serializer.Serialize(file, context)|};
                    }

                    return context;
                }
            }
            """),
        ("baseline written with source-generated metadata", """
            using System.IO;
            using System.Text.Json;
            using System.Text.Json.Serialization.Metadata;

            public record Baseline(int Version, string Model);

            static class BaselineStore
            {
                public static void Save(string path, Baseline baseline, JsonTypeInfo<Baseline> typeInfo)
                {
                    {|SW1002:File.WriteAllText(path, JsonSerializer.Serialize(baseline, typeInfo))|};
                }
            }
            """),
        ("favorites written line by line", """
            using System.IO;
            using Newtonsoft.Json;

            public class Favorites { public string[] Stops { get; set; } = new string[0]; }

            public class FavoritesPage
            {
                private void SerializeSettingsToFile(Favorites favorites, string folder)
                {
                    var json = JsonConvert.SerializeObject(favorites);
                    var file = Path.Combine(folder, "favorites.txt");
                    using (var streamWriter = new StreamWriter(file))
                    {
                        {|SW1002:streamWriter.WriteLine(json)|};
                    }
                }
            }
            """),
        ("crash-report state as utf-8 bytes", """
            using System.IO;
            using System.Text.Json;

            public record SessionState(string User, int OpenTabs);

            static class Session
            {
                public static void Save(string path, SessionState state)
                    => {|SW1002:File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(state))|};
            }
            """),
        ("first-run settings", """
            using System.IO;
            using Newtonsoft.Json;

            public class RainSettings { public int Speed { get; set; } = 5; }

            public class SettingsService
            {
                private static string SettingsPath => Path.Combine("settings", "rain.json");

                public void EnsureSettings()
                {
                    Directory.CreateDirectory("settings");
                    if (!File.Exists(SettingsPath))
                    {
                        string json = JsonConvert.SerializeObject(new RainSettings());
                        {|SW1002:File.WriteAllText(SettingsPath, json)|};
                    }
                }
            }
            """),
        ("tiny json db with a temp extension", """
            using System;
            using System.IO;

            public class JsonFileAdapter
            {
                private const string TempFileExtension = ".tmp";
                public JsonFileAdapter(string filePath) => FilePath = filePath;
                public string FilePath { get; }

                public void Write(string data)
                {
                    var dir = Path.GetDirectoryName(FilePath);
                    if (!string.IsNullOrEmpty(dir))
                    {
                        Directory.CreateDirectory(dir);
                    }

                    var tempPath = FilePath + TempFileExtension;
                    File.WriteAllText(tempPath, data);
                    File.Move(tempPath, FilePath, overwrite: true);
                }
            }
            """),
        ("subscription plans via an interpolated temp name", """
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;

            static class Plans
            {
                private static readonly JsonSerializerOptions JsonOptions = new();

                public static void Save(string path, IReadOnlyList<string> records)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    string tempPath = $"{path}.tmp";
                    File.WriteAllText(tempPath, JsonSerializer.Serialize(records, JsonOptions));
                    File.Move(tempPath, path, true);
                }
            }
            """),
        ("status file replaced or moved", """
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Text;

            static class Status
            {
                public static void Write(string statusPath, string json)
                {
                    string tempPath = statusPath + "." + Environment.ProcessId + ".tmp";
                    try
                    {
                        File.WriteAllText(tempPath, json, new UTF8Encoding(false));
                        if (File.Exists(statusPath))
                        {
                            File.Replace(tempPath, statusPath, null);
                        }
                        else
                        {
                            File.Move(tempPath, statusPath);
                        }
                    }
                    finally
                    {
                        if (File.Exists(tempPath))
                        {
                            File.Delete(tempPath);
                        }
                    }
                }
            }
            """),
        ("protection config with json and a temp file", """
            using System.IO;
            using System.Text.Json;

            public class ProtectionConfig { public bool Enabled { get; set; } }

            public class ConfigManager
            {
                private readonly object _lock = new();
                private readonly string _configFilePath = "protection.json";

                public void SaveConfig(ProtectionConfig config)
                {
                    lock (_lock)
                    {
                        var json = JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true });
                        var tempPath = _configFilePath + ".tmp";
                        File.WriteAllText(tempPath, json);
                        File.Move(tempPath, _configFilePath, overwrite: true);
                    }
                }
            }
            """),
        ("artifact json with a guid temp name", """
            using System;
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            public class AuditStore
            {
                private readonly JsonSerializerOptions _json = new();

                private async Task WriteArtifactAsync<T>(string path, T value, CancellationToken cancellationToken)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    var temporaryPath = $"{path}.{Guid.NewGuid():N}.tmp";
                    await using (var stream = File.Create(temporaryPath))
                        await JsonSerializer.SerializeAsync(stream, value, _json, cancellationToken);
                    File.Move(temporaryPath, path, overwrite: true);
                }
            }
            """),
        ("favorite stations behind a write gate", """
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            public class FavoriteStations
            {
                private readonly SemaphoreSlim _writeGate = new(1, 1);
                public string FilePath { get; set; } = "favorites.json";
                public List<string> Items { get; } = new();

                private async Task WriteAsync(CancellationToken cancellationToken)
                {
                    await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        var path = FilePath;
                        var temp = path + ".tmp";
                        await using (var stream = File.Create(temp))
                        {
                            await JsonSerializer.SerializeAsync(stream, Items, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                        }

                        File.Move(temp, path, overwrite: true);
                    }
                    finally
                    {
                        _writeGate.Release();
                    }
                }
            }
            """),
        ("map page rendered into the temp folder", """
            using System;
            using System.IO;

            public class MapView
            {
                public Uri Render(string html)
                {
                    string tempPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "map.html");
                    System.IO.File.WriteAllText(tempPath, html);
                    return new Uri(tempPath);
                }
            }
            """),
        ("test fixture writes a temp config", """
            using System.IO;

            static class ConfigFixtures
            {
                public static string CreateValidConfig()
                {
                    var tempPath = Path.GetTempFileName();
                    var yaml = "version: \"1.0\"\npoll_interval: 300\n";
                    File.WriteAllText(tempPath, yaml);
                    return tempPath;
                }
            }
            """),
        ("lock probes and markers", """
            using System.IO;
            using System.Threading.Tasks;

            public class FileWaiter
            {
                public bool IsFileLocked(string path)
                {
                    try
                    {
                        using (FileStream stream = File.Open(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                        return false;
                    }
                    catch (IOException)
                    {
                        return true;
                    }
                }

                public async Task WaitUnlockedAsync(string filePath)
                {
                    for (var i = 0; i < 10; i++)
                    {
                        try
                        {
                            using (File.Open(filePath, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                            return;
                        }
                        catch (IOException)
                        {
                            await Task.Delay(300);
                        }
                    }
                }
            }
            """),
        ("empty placeholder created then moved into place", """
            using System;
            using System.IO;

            public class Hydration
            {
                public void CreatePlaceholder(string path, long modified)
                {
                    var temp = path + ".sync-new";
                    using (new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None)) { }
                    File.SetLastWriteTimeUtc(temp, DateTimeOffset.FromUnixTimeSeconds(modified).UtcDateTime);
                    File.Move(temp, path, overwrite: true);
                }
            }
            """),
        ("append-only audit log", """
            using System;
            using System.IO;

            static class Audit
            {
                public static void Log(string path, string user, string action)
                    => File.AppendAllText(path, $"{DateTime.UtcNow:o}\t{user}\t{action}{Environment.NewLine}");
            }
            """),
        ("owner file created exclusively and flushed", """
            using System.IO;
            using System.Text.Json;

            public record Owner(int Pid, long Started);

            static class AuthHome
            {
                public static void Claim(string home, Owner owner)
                {
                    using (var file = new FileStream(Path.Combine(home, "owner.json"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                    {
                        JsonSerializer.Serialize(file, owner);
                        file.Flush(true);
                    }
                }
            }
            """),
        ("memory store reads and snapshot bytes", """
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            public record MemoryEntry(string Key, string Value);

            public class MemoryStore
            {
                private readonly string _storeFilePath = "memory.json";

                public async Task<IReadOnlyList<MemoryEntry>> LoadAsync()
                {
                    if (!File.Exists(_storeFilePath))
                    {
                        return new List<MemoryEntry>();
                    }

                    await using var stream = File.OpenRead(_storeFilePath);
                    return await JsonSerializer.DeserializeAsync<List<MemoryEntry>>(stream) ?? new List<MemoryEntry>();
                }

                public byte[] Snapshot(IReadOnlyList<MemoryEntry> entries)
                {
                    using var memory = new MemoryStream();
                    JsonSerializer.Serialize(memory, entries);
                    return memory.ToArray();
                }
            }
            """),
        ("broker snapshot with an instance temp name", """
            using System.IO;
            using System.Text.Json;

            public record BrokerSnapshot(string InstanceId, int Port);

            static class BrokerState
            {
                internal static void Write(string path, BrokerSnapshot snapshot)
                {
                    string? directory = Path.GetDirectoryName(path);
                    if (!string.IsNullOrWhiteSpace(directory))
                    {
                        Directory.CreateDirectory(directory);
                    }

                    string tempPath = path + "." + snapshot.InstanceId + ".tmp";
                    string json = JsonSerializer.Serialize(snapshot);
                    File.WriteAllText(tempPath, json);
                    File.Move(tempPath, path, overwrite: true);
                }
            }
            """),
        ("shared reader opens read-write", """
            using System.IO;

            static class Journal
            {
                public static string ReadAll(string path)
                {
                    using var stream = File.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
                    using var reader = new StreamReader(stream);
                    return reader.ReadToEnd();
                }
            }
            """),
        ("snapshot evaluator saves per name", """
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            public record EvaluationSnapshot(string Name, double Score);

            public class SnapshotStore
            {
                private readonly string _directory = "snapshots";

                public async Task SaveAsync(EvaluationSnapshot snapshot, CancellationToken cancellationToken = default)
                {
                    Directory.CreateDirectory(_directory);
                    var path = Path.Combine(_directory, snapshot.Name + ".json");
                    await using var stream = File.Create(path);
                    await {|SW1002:JsonSerializer.SerializeAsync(stream, snapshot, cancellationToken: cancellationToken)|}
                        .ConfigureAwait(false);
                }
            }
            """),
        ("document exported to docx", """
            using System.IO;

            public class StickerDocument { public void Save(Stream s, int format) => s.WriteByte((byte)format); public void Close() { } }

            static class Stickers
            {
                public static void Export(StickerDocument doc)
                {
                    using (var fs = {|SW1001:File.OpenWrite("stickers.docx")|})
                    {
                        doc.Save(fs, 1);
                        doc.Close();
                    }
                }
            }
            """),
        ("editor tool writes a generated texture", """
            using System.IO;

            public class SolidTextureTool
            {
                public string DataPath { get; set; } = "Assets";

                public void Generate(string name, byte[] jpg)
                {
                    if (!name.Contains(".jpg"))
                    {
                        name += ".jpg";
                    }

                    {|SW1001:File.WriteAllBytes(Path.Combine(DataPath, name), jpg)|};
                }
            }
            """),
        ("identity proof written token by token", """
            using System.IO;
            using System.Text.Json;

            static class Proofs
            {
                public static void Write(string folder, string sha)
                {
                    using (var proof = File.Create(Path.Combine(folder, "identity-proof.json")))
                    using (var writer = {|SW1002:new Utf8JsonWriter(proof, new JsonWriterOptions { Indented = true })|})
                    {
                        writer.WriteStartObject();
                        writer.WriteString("sha", sha);
                        writer.WriteEndObject();
                    }
                }
            }
            """),
        ("self-updater saved from a continuation", """
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;

            static class Updater
            {
                public static string InstallPath = "launcher";

                public static Task Download(HttpClient client, string url)
                    => client.GetAsync(url).ContinueWith(response =>
                    {
                        if (response.Result.IsSuccessStatusCode)
                        {
                            byte[] data = response.Result.Content.ReadAsByteArrayAsync().Result;
                            {|SW1001:File.WriteAllBytes(Path.Combine(InstallPath, "updater.exe"), data)|};
                        }
                    });
            }
            """),
        ("terrain cache under the app's temp folder", """
            using System.IO;
            using System.Net.Http;

            static class App
            {
                public static string TempPath { get; } = Path.Combine(Path.GetTempPath(), "terrain-viewer");

                public static void Fetch(HttpClient client, string dir, int index)
                {
                    Directory.CreateDirectory(Path.Combine(TempPath, dir));
                    var target = Path.Combine(TempPath, dir, $"{index}.stg");
                    if (!File.Exists(target))
                    {
                        File.WriteAllBytes(target, client.GetByteArrayAsync($"https://example.invalid/{index}.stg").Result);
                    }
                }
            }
            """),
        ("test builds a scratch tree under the temp folder", """
            using System;
            using System.IO;

            public class StageFileTests
            {
                public void ChecksEachFolder()
                {
                    var root = Path.Combine(Path.GetTempPath(), "stage-" + Guid.NewGuid().ToString("N"));
                    try
                    {
                        Directory.CreateDirectory(Path.Combine(root, "res", "sea"));
                        File.WriteAllBytes(Path.Combine(root, "res", "sea", "Stage.arc"), new byte[] { 0 });
                    }
                    finally
                    {
                        Directory.Delete(root, recursive: true);
                    }
                }
            }
            """),
        ("list saved to the file the user picked", """
            using System.Collections.Generic;
            using System.IO;

            public class ListForm
            {
                public List<string> Items { get; } = new();

                public void Save(string chosenFile)
                {
                    using (StreamWriter sw = {|SW1001:new StreamWriter(chosenFile)|})
                    {
                        foreach (string item in Items)
                        {
                            sw.WriteLine(item);
                        }
                    }
                }
            }
            """),
        ("daily text log appends", """
            using System;
            using System.IO;

            static class DailyLog
            {
                private static readonly string LogDir = "logs/";

                public static void Write(string msg, string? name = null)
                {
                    string fileName = LogDir + (name ?? DateTime.Now.ToString("yyyyMMdd"));
                    Directory.CreateDirectory(Path.GetDirectoryName(fileName)!);
                    using (StreamWriter sw = new StreamWriter(fileName + ".txt", true))
                    {
                        sw.WriteLine(DateTime.Now.ToString("yyyy/MM/dd HH:mm:ss") + " => " + msg);
                    }

                    using (var other = new StreamWriter(new FileStream(fileName + ".all", FileMode.Append, FileAccess.Write)))
                    {
                        other.WriteLine(msg);
                    }
                }
            }
            """),
        ("book list export with an encoding", """
            using System.Collections.Generic;
            using System.IO;
            using System.Text;

            public record Book(string Name, string Author);

            public class BookExport
            {
                public string BooksTxtPath { get; set; } = "books.txt";

                public void Export(List<Book> list)
                {
                    var result = new StringBuilder();
                    foreach (var item in list)
                    {
                        result.AppendLine($"Name: {item.Name} Author: {item.Author}");
                    }

                    using (StreamWriter sw = {|SW1001:new StreamWriter(BooksTxtPath, false, Encoding.Default)|})
                    {
                        sw.WriteLine(result);
                    }
                }
            }
            """),
        ("geo table dumped through File.Open", """
            using System.Collections.Generic;
            using System.IO;
            using System.Text;

            static class GeoDump
            {
                public static void Save(IEnumerable<(int Id, string Name)> rows)
                {
                    using (StreamWriter sw = new StreamWriter({|SW1001:File.Open("BY_out.csv", FileMode.Create)|}, Encoding.UTF8))
                    {
                        foreach (var g in rows)
                        {
                            sw.WriteLine($"{g.Id}\t{g.Name}");
                        }
                    }
                }
            }
            """),
        ("spreadsheet saved under a lock", """
            using System.IO;
            using System.Text;

            public class Sheet
            {
                private readonly object _gate = new();

                public override string ToString() => "a\tb\n";

                public bool Save(string fileName)
                {
                    lock (_gate)
                    {
                        try
                        {
                            using (StreamWriter sw = new StreamWriter({|SW1001:new FileStream(fileName, FileMode.Create)|}, Encoding.UTF8))
                            {
                                sw.Write(ToString());
                                return true;
                            }
                        }
                        catch (IOException)
                        {
                            return false;
                        }
                    }
                }
            }
            """),
        ("error log touched then appended", """
            using System;
            using System.IO;

            static class ErrorLog
            {
                static readonly string path = "log.txt";

                public static void Create()
                {
                    var info = new FileInfo(path);
                    if (!info.Exists)
                    {
                        info.Create().Close();
                    }
                }

                public static void Write(string text)
                {
                    using (StreamWriter sw = new StreamWriter(path, true, System.Text.Encoding.Default))
                    {
                        sw.WriteLine(DateTime.Now + ": " + text);
                    }
                }
            }
            """),
        ("csv export in a legacy code page", """
            using System.Collections.Generic;
            using System.IO;
            using System.Text;

            public class StandardPartsReport
            {
                public void Export(string fileName, IEnumerable<string> rows)
                {
                    Encoding target = Encoding.UTF8;
                    using (StreamWriter sw = {|SW1001:new StreamWriter(fileName, false, target)|})
                    {
                        sw.WriteLine("file;part;count");
                        foreach (var row in rows)
                        {
                            sw.WriteLine(row);
                        }
                    }
                }
            }
            """),
    };
}
