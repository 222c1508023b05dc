// SafeWrites quick start: a settings file that survives crashes and concurrent runs.
//   dotnet run --project samples/QuickStart -c Release [-- <directory>]
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using SafeWrites;

var directory = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "safewrites-quickstart");
var settingsPath = Path.Combine(directory, "settings.json");
var lockPath = FileLock.PathFor(settingsPath);
Console.WriteLine($"Settings file: {settingsPath}");

// 1. Read-modify-write under a cross-process lock: parallel runs of this program never lose a count.
var watch = Stopwatch.StartNew();
using (var held = FileLock.Acquire(lockPath, TimeSpan.FromSeconds(10)))
{
    Console.WriteLine($"Locked {held.LockPath} after {watch.Elapsed.TotalMilliseconds:0.0} ms");
    var settings = AtomicFile.TryReadJson<Settings>(settingsPath, out var existing) && existing is not null
        ? existing
        : new Settings();
    Console.WriteLine(settings.RunCount == 0 ? "No settings yet: starting fresh." : $"Read settings: run count {settings.RunCount}, last run {settings.LastRunUtc:O}");

    settings.RunCount++;
    settings.LastRunUtc = DateTime.UtcNow;
    settings.History.Add($"run {settings.RunCount} by pid {Environment.ProcessId}");

    watch.Restart();
    AtomicFile.WriteJson(settingsPath, settings); // temp file + fsync + rename + directory fsync
    Console.WriteLine($"Wrote run count {settings.RunCount} atomically and durably in {watch.Elapsed.TotalMilliseconds:0.0} ms");
}

// 2. A write that fails half-way publishes nothing: the file keeps its previous content.
var before = File.ReadAllText(settingsPath);
try
{
    AtomicFile.Write(settingsPath, stream =>
    {
        stream.Write("{\"RunCount\": 99999, \"trunc"u8);
        throw new InvalidOperationException("simulated crash in the middle of serializing");
    });
}
catch (InvalidOperationException e)
{
    var intact = File.ReadAllText(settingsPath) == before;
    Console.WriteLine($"A write that threw ({e.Message}) left the file {(intact ? "intact" : "CHANGED")}.");
    if (!intact)
    {
        return 1;
    }
}

// 3. Reading back.
var reread = AtomicFile.ReadJson<Settings>(settingsPath)!;
Console.WriteLine($"Read back: run count {reread.RunCount}, {reread.History.Count} history entries. Run me again, or several of me at once.");
return 0;

internal sealed class Settings
{
    public int RunCount { get; set; }

    public DateTime LastRunUtc { get; set; }

    public List<string> History { get; set; } = new();
}
