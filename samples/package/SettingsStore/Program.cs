using SettingsStore;

// Usage: SettingsStore [folder]   (writes settings.json there; default: a new temporary folder)
var folder = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("settings-store-").FullName;
var store = new SettingsFile(Path.Combine(folder, "settings.json"));

var settings = store.Load();
settings.Theme = "dark";
settings.FontSize += 2;
settings.RecentFiles.Add("notes.md");
store.Save(settings);
store.SaveBackup(settings);
store.RememberLastOpened("notes.md");

var reloaded = store.Load();
Console.WriteLine($"theme={reloaded.Theme} fontSize={reloaded.FontSize} recent={string.Join(",", reloaded.RecentFiles)}");
