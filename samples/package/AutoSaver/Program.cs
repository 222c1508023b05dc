using System.Text.Json;
using AutoSaver;

// Usage: AutoSaver [folder]   (writes notes.json there; default: a new temporary folder)
var folder = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("auto-saver-").FullName;
var path = Path.Combine(folder, "notes.json");
var book = new NoteBook(path);

// The app's timer ticks; only ticks after a change write the file.
var ticks = new List<bool>();
book.Add("buy milk");
book.Add("call Ann");
ticks.Add(book.SaveIfDirty());
ticks.Add(book.SaveIfDirty());
book.Add("book flights");
ticks.Add(book.SaveIfDirty());

var saved = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(path))!;
Console.WriteLine($"ticks saved: {string.Join(" ", ticks)}; notes on disk: {string.Join(", ", saved)}");
