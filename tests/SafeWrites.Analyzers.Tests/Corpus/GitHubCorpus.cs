using System.Collections.Generic;

namespace SafeWrites.Analyzers.Tests.Corpus;

/// <summary>One corpus case: the public file whose shape it reproduces, and our snippet with its hand-made labels.</summary>
internal sealed record GitHubCase(string Name, string Origin, string Source);

/// <summary>
/// Snippets written for this project, each our own rewrite of a shape seen in one file of a public GitHub repository
/// (its <see cref="GitHubCase.Origin"/>: "shape seen in owner/repo path"). The files were found with the code search of
/// the stored public index (queries per rule for the risky API and for safe look-alikes) and read, not copied: names,
/// domain, literals, comments and incidental statement order are ours; the API calls and overloads, the control flow,
/// where paths, contents, markers and clock values come from, and what is written or read in which method are the
/// shape's. Framework types missing from .NET 8 (under their own names) and the projects' helpers (under ours) are
/// stubbed, so every snippet compiles against .NET 8 + Newtonsoft.Json.
/// <para>
/// Inclusion rule (fixed before any analyzer run): for each query of a fixed list per rule, take the results that name
/// a repository and path, in the order returned; include a result when it is C# and uses the queried pattern, whether
/// it is safe or unsafe; one case per file (one per repository, except <c>shendongnian/code</c>, a collection of
/// Stack Overflow answers by different authors, where each file counts as one place); the first matching method(s)
/// of the file are taken. Results from the exact-string index (no repository given) were used only where a rule still
/// lacked cases; their index id is given as origin. Skipped only: non-C#, duplicates, machine-generated code, and code
/// needing many stubs (skips are listed in GitHubCorpusTests' doc comment).
/// </para>
/// <para>
/// Labels are the ground truth a careful reviewer following <c>rules.md</c> of the design specs would give, fixed
/// before the analyzers were run (and kept, rule and construct, through the rewrite): <c>{|SWnnnn:…|}</c> where the
/// rule's squiggle belongs; unmarked code is correct for the five rules SW1001, SW1002, SW2001, SW2002, SW3001 (other
/// rules are not labelled and not scored).
/// </para>
/// </summary>
internal static class GitHubCorpus
{
    public static IReadOnlyList<GitHubCase> Cases { get; } = new List<GitHubCase>
    {
        // ---------------------------------------------------------------- SW1001 / SW1002: whole-file writes

        new("options base class serialized with JavaScriptSerializer", "shape seen in shendongnian/code code1/28628-6541739-0.cs", """
            using System.IO;
            using System.Web.Script.Serialization;

            namespace System.Web.Script.Serialization
            {
                // stub: System.Web.Extensions is not part of .NET 8
                public class JavaScriptSerializer
                {
                    public string Serialize(object? value) => value?.ToString() ?? "";
                    public T Deserialize<T>(string text) where T : new() => new T();
                }
            }

            public class PersistedOptions<TOptions> where TOptions : new()
            {
                private const string DefaultPath = "options.dat";

                public static TOptions Read(string path = DefaultPath)
                {
                    var options = new TOptions();
                    if (File.Exists(path))
                        options = (new JavaScriptSerializer()).Deserialize<TOptions>(File.ReadAllText(path));
                    return options;
                }

                public void Write(string path = DefaultPath)
                {
                    {|SW1001:File.WriteAllText(path, (new JavaScriptSerializer()).Serialize(this))|};
                }

                public static void Write(TOptions options, string path = DefaultPath)
                {
                    {|SW1001:File.WriteAllText(path, (new JavaScriptSerializer()).Serialize(options))|};
                }
            }
            """),

        new("ledger preferences written through JsonTextWriter over File.CreateText", "shape seen in shendongnian/code code7/1326220-35753285-3.cs", """
            using System;
            using System.IO;
            using Newtonsoft.Json;

            // stub of the WinForms Application member used
            public static class Application
            {
                public static string LocalUserAppDataPath => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Contoso", "Ledger", "2.3");
            }

            public partial class LedgerWindow
            {
                private static string PrefsPath
                {
                    get
                    {
                        return Path.GetDirectoryName(Application.LocalUserAppDataPath)
                           + "\\ledger" + "\\prefs.json";
                    }
                }

                private static Prefs LoadPrefs()
                {
                    if (!File.Exists(PrefsPath))
                        return new Prefs();
                    var serializer = new JsonSerializer();
                    using (var text = File.OpenText(PrefsPath))
                    using (var json = new JsonTextReader(text))
                    {
                        return serializer.Deserialize<Prefs>(json) ?? new Prefs();
                    }
                }

                private static void WritePrefs(Prefs prefs)
                {
                    var serializer = new JsonSerializer();
                    using (var text = File.CreateText(PrefsPath))
                    using (var json = {|SW1002:new JsonTextWriter(text)|})
                    {
                        serializer.Serialize(json, prefs);
                    }
                }

                private class Prefs
                {
                    public string? Currency { get; set; }
                    public bool ShowCents { get; set; }
                }
            }
            """),

        new("console demo exports a snapshot as JSON", "shape seen in ElectricWolfGames/Lab eWolfLabs/DemoCode/SaveAsJson/Program.cs", """
            using Newtonsoft.Json;
            using System.IO;

            namespace ExportDemo
            {
                public class Program
                {
                    public class Snapshot
                    {
                        public string? Label { get; set; }
                        public int Version { get; set; }
                    }

                    private static void Main(string[] args)
                    {
                        var snapshot = new Snapshot();
                        snapshot.Label = "nightly";

                        string text = JsonConvert.SerializeObject(snapshot);
                        string target = @"D:\exports\snapshot.json";

                        {|SW1002:File.WriteAllText(target, text)|};

                        Snapshot? roundTrip = JsonConvert.DeserializeObject<Snapshot>(text);
                    }
                }
            }
            """),

        new("JSON reading printed to standard output (not a file)", "shape seen in SherzodIsakov/NewAPIsIn.NET6 1_Net6/16_SystemTextJson/Program.cs", """
            using System;
            using System.IO;
            using System.Text;
            using System.Text.Json;

            byte[] payload = Encoding.UTF8.GetBytes("{\"Sensor\":\"probe-9\",\"Celsius\":3.25}");
            using MemoryStream buffer = new MemoryStream(payload);
            Reading? parsed = JsonSerializer.Deserialize<Reading>(buffer);
            Console.WriteLine(parsed?.Sensor);

            JsonSerializerOptions printOptions = new() { WriteIndented = true };
            using Stream stdout = Console.OpenStandardOutput();
            Reading current = new() { Sensor = "probe-4", Celsius = 21.5 };
            JsonSerializer.Serialize<Reading>(stdout, current, printOptions);

            class Reading
            {
                public string? Sensor { get; set; }
                public double Celsius { get; set; }
            }
            """),

        new("top-level program serializes an order into File.Create", "shape seen in PowerfulSpace/MediumTask_2 Test/Program.cs", """
            using System;
            using System.IO;
            using System.Text.Json;

            var order = new Order
            {
                Number = 4711,
                PlacedAt = DateTime.Parse("2024-11-05"),
                Customer = "Ada"
            };

            string orderPath = "order.json";
            using FileStream output = File.Create(orderPath);
            await {|SW1002:JsonSerializer.SerializeAsync(output, order)|};
            await output.DisposeAsync();

            Console.WriteLine(File.ReadAllText(orderPath));

            Console.ReadLine();

            public class Order
            {
                public int Number { get; set; }
                public DateTimeOffset PlacedAt { get; set; }
                public string? Customer { get; set; }
            }
            """),

        new("stock item exported with SerializeAsync into File.Create", "shape seen in dotnet/docs docs/standard/serialization/snippets/system-text-json-how-to/csharp/SerializeToFileAsync.cs", """
            using System;
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            namespace InventoryExport
            {
                public class StockItem
                {
                    public string? Sku { get; set; }
                    public int Quantity { get; set; }
                    public DateTimeOffset UpdatedAt { get; set; }
                }

                public class Program
                {
                    public static async Task Main()
                    {
                        var item = new StockItem
                        {
                            Sku = "KB-101",
                            Quantity = 12,
                            UpdatedAt = DateTime.Parse("2023-02-14")
                        };

                        string stockPath = "stock.json";
                        using FileStream stockStream = File.Create(stockPath);
                        await {|SW1002:JsonSerializer.SerializeAsync(stockStream, item)|};
                        await stockStream.DisposeAsync();

                        Console.WriteLine(File.ReadAllText(stockPath));
                    }
                }
            }
            """),

        new("vehicle serialized into a FileMode.OpenOrCreate stream", "shape seen in lghtlr/- json0/Program.cs", """
            using System;
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            namespace Garage
            {
                class Vehicle
                {
                    public string? Plate { get; set; }
                    public int Seats { get; set; }
                }

                class Program
                {
                    static async Task Main(string[] args)
                    {
                        using (FileStream stream = new FileStream("vehicle.json", FileMode.OpenOrCreate))
                        {
                            Vehicle van = new Vehicle() { Plate = "KX-204", Seats = 9 };
                            await {|SW1002:JsonSerializer.SerializeAsync<Vehicle>(stream, van)|};
                            Console.WriteLine("stored");
                        }

                        using (FileStream stream = new FileStream("vehicle.json", FileMode.OpenOrCreate))
                        {
                            Vehicle? loaded = await JsonSerializer.DeserializeAsync<Vehicle>(stream);
                            Console.WriteLine($"{loaded?.Plate}: {loaded?.Seats} seats");
                        }
                    }
                }
            }
            """),

        new("page written to a sibling file, then File.Replace over the destination", "shape seen in icedt89/Smartbar Source/Smartbar.Common/JsonFileAdapter.cs", """
            namespace Notebook.Storage
            {
                using System;
                using System.IO;
                using System.Text;
                using System.Threading.Tasks;

                public abstract class PageStore
                {
                    protected async Task PersistPageAsync(String pagePath, String markup)
                    {
                        var staging = $"{pagePath}.new";

                        using (var output = new StreamWriter(staging, false, Encoding.UTF8))
                        {
                            await output.WriteAsync(markup);
                            await output.FlushAsync();
                        }

                        File.Replace(staging, pagePath, null);
                    }
                }
            }
            """),

        new("File.Replace demo writes the report, its draft and the old copy", "shape seen in autumn009/CSharpShortCodeSamples sample3/chap7/バックアップファイルの作成/OLDCODE/OLDCODE/Program.cs", """
            using System;
            using System.IO;

            class ReplaceDemo
            {
                static void Main()
                {
                    const string report = "report.txt";
                    const string draft = "report.draft";
                    const string previous = "report.old";
                    {|SW1001:File.WriteAllText(report, "version one")|};
                    File.WriteAllText(draft, "version two");
                    {|SW1001:File.WriteAllText(previous, "version zero")|};
                    File.SetAttributes(draft, FileAttributes.ReadOnly);
                    Console.WriteLine($"report now: {File.ReadAllText(report)}");
                    Console.WriteLine($"old copy now: {File.ReadAllText(previous)}");
                    if ((File.GetAttributes(draft) & FileAttributes.ReadOnly) != 0) File.SetAttributes(draft, FileAttributes.Normal);
                    File.Replace(draft, report, previous);
                    Console.WriteLine($"report after: {File.ReadAllText(report)}");
                    Console.WriteLine($"old copy after: {File.ReadAllText(previous)}");
                }
            }
            """),

        new("staged text file over Path.GetTempFileName() moved into place on Complete", "shape seen in MaienM/CSharp-Utils CSharp-Utils/Utils/TempWriter.cs", """
            using System;
            using System.IO;

            namespace Toolkit.IO
            {
                class StagedTextFile
                {
                    public String Destination { get; private set; }
                    public String Scratch { get; private set; }
                    public StreamWriter Output { get; private set; }

                    public StagedTextFile(String destination)
                    {
                        Destination = destination;

                        Scratch = Path.GetTempFileName();
                        FileStream stream = File.OpenWrite(Scratch);
                        Output = new StreamWriter(stream);
                    }

                    public void Complete()
                    {
                        Output.Close();

                        if (File.Exists(Destination))
                        {
                            File.Delete(Destination);
                        }
                        File.Move(Scratch, Destination);
                    }
                }
            }
            """),

        new("score table saved as lines", "shape seen in xandrineshu/cse210-hw week06/EternalQuest/SaveLoadCSV.cs", """
            using System;
            using System.Collections.Generic;
            using System.IO;

            class ScoreFile
            {
                public static List<String> Read(string scorePath)
                {
                    List<string> rows = new List<string>();
                    StreamReader reader = new StreamReader(scorePath);

                    while (!reader.EndOfStream)
                    {
                        string? row = reader.ReadLine();
                        rows.Add(row!.ToString());
                    }
                    reader.Close();

                    return rows;
                }

                public static void Write(List<String> rows, string scorePath)
                {
                    {|SW1001:File.WriteAllLines(scorePath, rows)|};
                }
            }
            """),

        new("playlist written with StreamWriter: append, sync and async", "shape seen in CodeMazeBlog/CodeMazeGuides csharp-basic-topics/SaveListToFileInCSharp/SaveListToFileInCSharp/ListToFileWriter.cs", """
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            namespace Playlists;

            public class PlaylistExporter
            {
                public void AppendTracks(string target, List<string> tracks)
                {
                    using var writer = new StreamWriter(target, append: true);
                    foreach (var track in tracks)
                    {
                        writer.WriteLine(track);
                    }
                }

                public void WriteTracks(string target, List<string> tracks)
                {
                    using var writer = {|SW1001:new StreamWriter(target)|};
                    foreach (var track in tracks)
                    {
                        writer.WriteLine(track);
                    }
                }

                public async Task WriteTracksAsync(string target, List<string> tracks)
                {
                    await using var writer = {|SW1001:new StreamWriter(target)|};
                    foreach (var track in tracks)
                    {
                        await writer.WriteLineAsync(track);
                    }
                }
            }
            """),

        new("sensor samples written by a BinaryWriter over File.Create", "shape seen in cly4auHo/Examples 007_Input_Output/023_BinaryWriter/Program.cs", """
            using System;
            using System.IO;

            namespace Telemetry
            {
                class Recorder
                {
                    static void Main()
                    {
                        FileStream sink = {|SW1001:File.Create("samples.dat")|};

                        BinaryWriter output = new BinaryWriter(sink);

                        string unit = "kPa";
                        var readings = new byte[] { 3, 1, 4, 1, 5 };
                        long stamp = 1700000000;

                        output.Write(stamp);
                        output.Write(readings);
                        output.Write(unit);

                        output.Close();

                        Console.ReadKey();
                    }
                }
            }
            """),

        new("journal created with FileMode.Create, then read back", "shape seen in syauqibilfaqih/BootcampFormulatrix Day20/B_FileStreamWrite/Program.cs", """
            using System;
            using System.IO;
            using System.Text;

            class Journal
            {
                static void Main()
                {
                    string journalPath = "journal.log";

                    using (FileStream output = {|SW1001:new FileStream(journalPath, FileMode.Create)|})
                    {
                        byte[] entry = Encoding.UTF8.GetBytes("day 1: started");
                        output.Write(entry, 0, entry.Length);
                    }

                    using (FileStream input = new FileStream(journalPath, FileMode.Open))
                    {
                        byte[] raw = new byte[input.Length];
                        input.Read(raw, 0, raw.Length);
                        Console.WriteLine(Encoding.UTF8.GetString(raw));
                    }
                }
            }
            """),

        new("map tile download copied into File.OpenWrite", "shape seen in shendongnian/code code2/190039-40978487-0.cs", """
            using System;
            using System.IO;
            using System.Net;

            static class MapTiles
            {
                private static void FetchTile(string tileUrl, string tilePath)
                {
                    HttpWebRequest request = (HttpWebRequest)WebRequest.Create(tileUrl);
                    HttpWebResponse response = (HttpWebResponse)request.GetResponse();

                    if ((response.StatusCode == HttpStatusCode.Redirect ||
                        response.StatusCode == HttpStatusCode.OK ||
                        response.StatusCode == HttpStatusCode.Moved) &&
                        response.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
                    {
                        using (Stream source = response.GetResponseStream())
                        using (Stream target = {|SW1001:File.OpenWrite(tilePath)|})
                        {
                            byte[] chunk = new byte[8192];
                            int count;
                            do
                            {
                                count = source.Read(chunk, 0, chunk.Length);
                                target.Write(chunk, 0, count);
                            } while (count != 0);
                        }
                    }
                }
            }
            """),

        new("downloaded avatar saved with WriteAllBytes", "shape seen in RobertStickler/-SWE1-MTCG SWE1-MTCG/SWE1-MTCG/Program.cs", """
            using System;
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace AvatarFetch
            {
                class Program
                {
                    static async Task Main(string[] args)
                    {
                        using var client = new HttpClient();
                        var avatarUrl = "https://example.com/avatars/42.png";
                        byte[] avatar = await client.GetByteArrayAsync(avatarUrl);

                        string picturesDir = System.Environment.GetFolderPath(
                                System.Environment.SpecialFolder.MyPictures);

                        string avatarName = "avatar-42.png";
                        string avatarPath = Path.Combine(picturesDir, avatarName);
                        {|SW1001:File.WriteAllBytes(avatarPath, avatar)|};
                    }
                }
            }
            """),

        new("firmware bytes written through BinaryWriter over FileMode.Create", "shape seen in shendongnian/code code1/70587-1110264-0.cs", """
            using System;
            using System.IO;
            using System.Net;

            namespace FirmwareFetch
            {
                class Program
                {
                    static void Main(string[] args)
                    {
                        string firmwareUrl = @"http://updates.example.net/fw/router-3.bin";
                        string firmwarePath = @"E:\firmware\router-3.bin";

                        byte[] image;
                        HttpWebRequest request = (HttpWebRequest)WebRequest.Create(firmwareUrl);
                        WebResponse response = request.GetResponse();

                        Stream body = response.GetResponseStream();

                        using (BinaryReader reader = new BinaryReader(body))
                        {
                            image = reader.ReadBytes(2 * 1024 * 1024);
                            reader.Close();
                        }
                        response.Close();

                        FileStream output = {|SW1001:new FileStream(firmwarePath, FileMode.Create)|};
                        BinaryWriter writer = new BinaryWriter(output);
                        try
                        {
                            writer.Write(image);
                        }
                        finally
                        {
                            output.Close();
                            writer.Close();
                        }
                    }
                }
            }
            """),

        new("display profile saved as Newtonsoft JSON through a local", "shape seen in johnlaschober/RoA-AddressRocker RoA.ScreenUI/ConfigurationFile.cs", """
            using Newtonsoft.Json;
            using System.IO;

            namespace Kiosk.Display
            {
                public class DisplayProfile
                {
                    public int Brightness { get; set; }
                    public string? LastLayout { get; set; }

                    public void Save(string target)
                    {
                        string serialized = JsonConvert.SerializeObject(this);
                        {|SW1002:File.WriteAllText(target, serialized)|};
                    }
                }
            }
            """),

        new("generic JSON document base stores itself", "shape seen in korolkiewiczk/PokRec PR/Common/JsonObject.cs", """
            using System.IO;
            using Newtonsoft.Json;

            namespace Shared
            {
                public class JsonDocumentBase<TSelf>
                {
                    public static TSelf Open(string file)
                    {
                        if (!File.Exists(file)) return default(TSelf)!;

                        return JsonConvert.DeserializeObject<TSelf>(File.ReadAllText(file))!;
                    }

                    public void Save(string file)
                    {
                        {|SW1002:File.WriteAllText(file, JsonConvert.SerializeObject(this))|};
                    }
                }
            }
            """),

        new("settings base writes JSON text through StreamWriter(path, false)", "shape seen in KoertLichtendonk/QuickConfig QuickConfig/ConfigBase.cs", """
            using Newtonsoft.Json;
            using System.IO;

            namespace TinySettings
            {
                public interface IPersistable { void Save(); }

                public abstract class SettingsFileBase : IPersistable
                {
                    public string FilePath { get; set; } = "settings.json";

                    public virtual void Save()
                    {
                        string body = JsonConvert.SerializeObject(this, Formatting.Indented);

                        using (StreamWriter writer = new StreamWriter(FilePath, false))
                        {
                            {|SW1002:writer.Write(body)|};
                            writer.Close();
                        }
                    }
                }
            }
            """),

        new("level progress dictionary written with WriteAllTextAsync", "shape seen in nickmartin1ee7/Herbalist ScriptModels/DataStorage.cs", """
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            public static class Progress
            {
                private const string ProgressName = "progress.json";
                private static FileInfo ProgressFile => new FileInfo(ProgressName);

                public static ValueTask<Dictionary<string, int>?> Read()
                {
                    using var input = ProgressFile.OpenRead();
                    return JsonSerializer.DeserializeAsync<Dictionary<string, int>>(input);
                }

                public static Task Write(Dictionary<string, int> levels)
                {
                    return {|SW1002:File.WriteAllTextAsync(ProgressFile.FullName, JsonSerializer.Serialize(levels))|};
                }
            }
            """),

        new("lexicon dump writes serialized JSON through a TextWriter", "shape seen in ponlawat-w/lanna-utils cli/ExportForJs/WriteFile.cs", """
            using System.IO;
            using System.Text.Json;

            public static class LexiconDump
            {
                public static void Write(string outputPath, object entries)
                {
                    using (TextWriter output = new StreamWriter(outputPath))
                    {
                        {|SW1002:output.Write(JsonSerializer.Serialize(entries, new JsonSerializerOptions
                        {
                            WriteIndented = true
                        }))|};
                    }
                }
            }
            """),

        new("import rows appended under a lock", "shape seen in KirillMeleshko004/B1-Test FileWorker/Utility/FileWriter.cs", """
            using System.Collections.Generic;
            using System.IO;

            namespace Importer.Output
            {
                public class RowSink
                {
                    private object _gate = new();
                    private string _target;

                    public RowSink(string target)
                    {
                        _target = target;
                        File.Delete(_target);
                    }

                    public void Append(IEnumerable<string> lines)
                    {
                        lock (_gate)
                        {
                            File.AppendAllLines(_target, lines);
                        }
                    }
                }
            }
            """),

        new("audit entry appended with File.AppendText", "shape seen in shendongnian/code code1/160524-2954908-0.cs", """
            using System.IO;

            public class AuditTrail
            {
                private readonly object gate = new object();

                public void WriteEntry(string entry)
                {
                    lock (gate)
                    {
                        StreamWriter output;
                        output = File.AppendText("audit\\trail.txt");
                        output.WriteLine(entry);
                        output.Close();
                        output.Dispose();
                    }
                }
            }
            """),

        new("trace file appended under a ReaderWriterLock", "shape seen in frankhaugen/Frank.Libraries Frank.Libraries.Logging/FileLogging/LogFileWriter.cs", """
            using System.IO;
            using System.Threading;

            namespace Tracing.Sinks
            {
                internal static class TraceFile
                {
                    private static ReaderWriterLock _gate = new ReaderWriterLock();

                    public static void WriteTrace(string line, string target)
                    {
                        try
                        {
                            _gate.AcquireWriterLock(int.MaxValue);
                            File.AppendAllLines(target, new[] { line });
                        }
                        finally
                        {
                            _gate.ReleaseWriterLock();
                        }
                    }
                }
            }
            """),

        new("notes view model saves through File.OpenWrite with an idle flag", "shape seen in JohanLarsson/ReadFileBox ReadFileBox/ViewModel.cs", """
            namespace NotesApp
            {
                using System.ComponentModel;
                using System.IO;
                using System.Runtime.CompilerServices;
                using System.Threading.Tasks;

                public class NotesViewModel : INotifyPropertyChanged
                {
                    private static readonly string NotesPath = @"D:\Notes\today.md";
                    private bool _idle = true;
                    private string? _draft;

                    public event PropertyChangedEventHandler? PropertyChanged;

                    public string? Draft
                    {
                        get { return _draft; }
                        set
                        {
                            if (value == _draft) return;
                            _draft = value;
                            Notify();
                        }
                    }

                    public bool Idle
                    {
                        get { return _idle; }
                        set
                        {
                            if (value == _idle) return;
                            _idle = value;
                            Notify();
                        }
                    }

                    public async Task Save()
                    {
                        Idle = false;
                        try
                        {
                            using (var target = {|SW1001:File.OpenWrite(NotesPath)|})
                            {
                                using (var text = new StreamWriter(target))
                                {
                                    await text.WriteAsync(Draft).ConfigureAwait(false);
                                }
                            }
                        }
                        finally
                        {
                            Idle = true;
                        }
                    }

                    public async Task Load()
                    {
                        Idle = false;
                        try
                        {
                            using (var source = File.OpenRead(NotesPath))
                            {
                                using (var text = new StreamReader(source))
                                {
                                    Draft = await text.ReadToEndAsync().ConfigureAwait(false);
                                }
                            }
                        }
                        finally
                        {
                            Idle = true;
                        }
                    }

                    protected virtual void Notify([CallerMemberName] string? member = null)
                    {
                        PropertyChanged?.Invoke(this, new PropertyChangedEventArgs(member));
                    }
                }
            }
            """),

        new("memo autosave timer writes, then clears the editor's Modified flag", "shape seen in utak3r/u3Toolbox u3tbNotepadForm.cs", """
            using System;
            using System.IO;
            using System.Text;
            using System.Timers;

            namespace MemoBoard
            {
                // stub of the WinForms RichTextBox members used
                public class MemoEditor
                {
                    public string Text { get; set; } = "";
                    public bool Modified { get; set; }
                }

                public partial class MemoWindow
                {
                    public int IdleDelayMs = 3000;
                    public string memoPath = "memo.txt";
                    private Timer idleTimer;
                    private MemoEditor editor = new MemoEditor();

                    public MemoWindow()
                    {
                        idleTimer = new Timer();
                        idleTimer.Interval = IdleDelayMs;
                        idleTimer.Elapsed += idleTimer_Elapsed;
                    }

                    private void editor_ModifiedChanged(object sender, EventArgs e)
                    {
                        idleTimer.Start();
                    }

                    private void idleTimer_Elapsed(object? sender, EventArgs e)
                    {
                        idleTimer.Stop();
                        StreamWriter memo = {|SW1001:new StreamWriter(memoPath, false, Encoding.Default)|};
                        memo.Write(editor.Text);
                        editor.Modified = false;
                    }
                }
            }
            """),

        new("diary save button asks for a name once, then writes the text box", "shape seen in AminG82/NotePad Form1.cs", """
            using System;

            namespace Diary
            {
                public enum DialogResult { OK, Cancel }

                // stubs of the WinForms controls used
                public class TextBoxStub { public string Text { get; set; } = ""; }

                public class SaveFileDialogStub
                {
                    public string Filter = "";
                    public string DefaultExt = "";
                    public string FileName = "entry.txt";
                    public DialogResult ShowDialog() => DialogResult.OK;
                }

                public partial class DiaryForm
                {
                    bool saved = true;
                    string? entryPath;
                    SaveFileDialogStub pickFile = new SaveFileDialogStub();
                    TextBoxStub entryBox = new TextBoxStub();
                    public string Text { get; set; } = "";

                    private void saveButton_Click(object? sender, EventArgs? e)
                    {
                        if (entryPath == null)
                        {
                            pickFile.DefaultExt = "txt";
                            pickFile.Filter = "Diary entries (*.txt) | *txt";
                            DialogResult answer = pickFile.ShowDialog();
                            if (answer == DialogResult.Cancel)
                                return;
                            entryPath = pickFile.FileName;
                        }
                        {|SW1001:System.IO.File.WriteAllText(entryPath, entryBox.Text)|};
                        this.Text = entryPath;
                        saved = true;
                    }
                }
            }
            """),

        new("recipe editor writes only when the file does not exist yet", "shape seen in Nuos/FileManager TextEditor.cs", """
            using System;
            using System.IO;

            namespace Recipes
            {
                // stubs of the WinForms members used
                public static class MessageBox { public static void Show(string text, string caption) => Console.WriteLine(caption + ": " + text); }

                public class RichTextBoxStub { public string Text { get; set; } = ""; }

                public partial class RecipeEditor
                {
                    private RichTextBoxStub body = new RichTextBoxStub();
                    private string _recipeFile;

                    public RecipeEditor(string title)
                    {
                        _recipeFile = title + ".recipe";
                    }

                    private void saveMenuItem_Click(object sender, EventArgs e)
                    {
                        Save();
                    }

                    private void Save()
                    {
                        if (!File.Exists(_recipeFile))
                            {|SW1001:File.WriteAllText(_recipeFile, body.Text)|};
                        else
                        {
                            MessageBox.Show("A recipe with this title exists already.", "Not saved");
                        }
                    }
                }
            }
            """),

        new("script editor save and save-as", "shape seen in Serejebi/NotePad NotePad/Form1.cs", """
            using System;

            namespace ScriptPad
            {
                public enum DialogResult { OK, Cancel }

                // stubs of the WinForms controls used
                public class TextBoxStub { public string Text { get; set; } = ""; }

                public class SaveFileDialogStub
                {
                    public string Filter = "";
                    public string DefaultExt = "";
                    public string FileName = "script.ps1";
                    public DialogResult ShowDialog() => DialogResult.OK;
                }

                public partial class ScriptWindow
                {
                    string? scriptPath;
                    TextBoxStub Source = new TextBoxStub();
                    SaveFileDialogStub saveDialog = new SaveFileDialogStub();
                    public string Text { get; set; } = "";

                    private void SaveAs_Click(object sender, EventArgs e)
                    {
                        scriptPath = null;
                        save_Click(null, null);
                    }

                    private void save_Click(object? sender, EventArgs? e)
                    {
                        if (scriptPath == null)
                        {
                            saveDialog.Filter = "Scripts (*.ps1) | *.ps1";
                            saveDialog.DefaultExt = "ps1";
                            DialogResult choice = saveDialog.ShowDialog();
                            if (choice == DialogResult.Cancel)
                            {
                                return;
                            }
                            scriptPath = saveDialog.FileName;
                        }

                        {|SW1001:System.IO.File.WriteAllText(scriptPath, Source.Text)|};
                        this.Text = scriptPath;
                    }
                }
            }
            """),

        new("console plant tracker saves JSON and clears a local unsaved flag", "shape seen in exact-string index id 26798019152 (repository not given): top-level console catalogue program", """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;

            const string PlantsFile = "plants.json";
            var options = new JsonSerializerOptions { WriteIndented = true };
            List<Plant> plants = ReadPlants();
            bool unsaved = false;

            SaveBeforeExit();

            List<Plant> ReadPlants()
            {
                try
                {
                    if (!File.Exists(PlantsFile)) return new List<Plant>();
                    var text = File.ReadAllText(PlantsFile);
                    return JsonSerializer.Deserialize<List<Plant>>(text, options) ?? new List<Plant>();
                }
                catch (Exception error)
                {
                    Console.WriteLine($"cannot read {PlantsFile}: {error.Message}");
                    return new List<Plant>();
                }
            }

            void SaveAll()
            {
                try
                {
                    {|SW1002:File.WriteAllText(PlantsFile, JsonSerializer.Serialize(plants, options))|};
                    unsaved = false;
                    Console.WriteLine($"{plants.Count} plant(s) written to {PlantsFile}");
                }
                catch (Exception error)
                {
                    Console.WriteLine($"could not write: {error.Message}");
                }
            }

            void SaveBeforeExit()
            {
                if (unsaved && AskYesNo("Write your changes first? (y/n) ")) SaveAll();
                Console.WriteLine("Goodbye");
            }

            bool AskYesNo(string question)
            {
                Console.Write(question);
                return string.Equals(Console.ReadLine()?.Trim(), "y", StringComparison.OrdinalIgnoreCase);
            }

            record Plant(int Id, string Species, int WaterEveryDays);
            """),

        new("plugin config saved with Newtonsoft, changed flag cleared after the write", "shape seen in exact-string index id 66899499962 (repository not given): a game mod's config class", """
            using System;
            using System.IO;
            using Newtonsoft.Json;

            // stubs of the plugin host's helpers
            public static class PluginPaths { public static FileInfo? ResolveConfigFile(string name) => new FileInfo(Path.Combine(AppContext.BaseDirectory, name)); }
            public static class PluginLog { public static void Warn(string message) => Console.Error.WriteLine(message); }

            public class LanternConfig
            {
                private const string ConfigName = "lantern.json";

                private bool _muteSounds;
                [JsonIgnore]
                private bool _changed;

                public bool MuteSounds
                {
                    get => _muteSounds;
                    set { _muteSounds = value; _changed = true; }
                }

                public void SaveWhenChanged()
                {
                    if (_changed)
                        Save();
                }

                public void Save()
                {
                    try
                    {
                        var target = PluginPaths.ResolveConfigFile(ConfigName);
                        if (target == null)
                            return;

                        {|SW1002:File.WriteAllText(target.FullName, JsonConvert.SerializeObject(this, Formatting.Indented))|};
                        _changed = false;
                    }
                    catch (Exception error)
                    {
                        PluginLog.Warn($"{ConfigName} not written: {error.Message}");
                    }
                }
            }
            """),

        // ---------------------------------------------------------------- SW2001: wall-clock timeouts

        new("test helper polls a condition until a DateTime.Now deadline", "shape seen in SkillsFundingAgency/das-funding-system-acceptance-tests src/SFA.DAS.Funding.SystemAcceptanceTests/Helpers/WaitHelper.cs", """
            using System;
            using System.Threading.Tasks;

            // stub of the test framework's Assert
            public static class Assert { public static void Fail(string message) => throw new Exception(message); }

            public class Eventually
            {
                public static async Task WaitUntilAsync(Func<bool> isDone, string whatFailed)
                {
                    var giveUpAt = {|SW2001:DateTime.Now|}.Add(TimeSpan.FromSeconds(45));

                    while (DateTime.Now <= giveUpAt)
                    {
                        if (isDone()) return;

                        await Task.Delay(TimeSpan.FromMilliseconds(50));
                    }

                    Assert.Fail($"{whatFailed} (gave up at {DateTime.Now:T})");
                }
            }
            """),

        new("load generator naps until DateTime.Now passes a number of seconds", "shape seen in yaneshtyagi/csharp-exp CsharpExperiments/sync/LongOperationSimulator.cs", """
            using System;
            using System.Threading;

            // a one-TimeSpan conversion helper and a same-file nap helper
            public static class SpanMath { public static double InSeconds(this TimeSpan span) => span.TotalSeconds; }

            public class LoadGenerator
            {
                public static void BusyFor(int seconds)
                {
                    var startedAt = {|SW2001:DateTime.Now|};
                    while (true)
                    {
                        if ((DateTime.Now - startedAt).InSeconds() > seconds) break;
                        nap(250);
                    }
                }

                static void nap(int millis) => Thread.Sleep(millis);
            }
            """),

        new("UI test Poll.Until with DateTime.Now and Task.Delay", "shape seen in WPF-Pilot/WpfPilot WpfPilot/Utility/Wait.cs (semantic search result without repository; repository and path found by name afterwards)", """
            namespace Desktop.Testing;

            using System;
            using System.Threading.Tasks;

            internal static class Poll
            {
                public static bool Until(Func<bool> ready, int limitMs, int pauseMs = 25)
                {
                    var began = {|SW2001:DateTime.Now|};
                    while (!ready())
                    {
                        if ((DateTime.Now - began).TotalMilliseconds > limitMs)
                            return false;

                        Task.Delay(pauseMs).GetAwaiter().GetResult();
                    }

                    return true;
                }
            }
            """),

        new("spooler waits for a ready endpoint until a DateTimeOffset deadline", "shape seen in exact-string index id 70366951281 (repository not given): WaitForRunningAsync of a dashboard lease", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IPidTable { bool Exists(int pid); }

            public sealed record SpoolerEndpoint(string Address, int Pid);

            public sealed class SpoolerLease
            {
                // stub: reads the spooler's ready file and checks its process
                private static SpoolerEndpoint? TryReadReady(string root, IPidTable pids) => null;

                public static async Task<SpoolerEndpoint?> WaitForReadyAsync(string root, IPidTable pids, TimeSpan limit, CancellationToken token)
                {
                    ArgumentException.ThrowIfNullOrEmpty(root);
                    var giveUpAt = {|SW2001:DateTimeOffset.UtcNow|} + limit;
                    while (true)
                    {
                        if (TryReadReady(root, pids) is { } ready)
                            return ready;
                        if (DateTimeOffset.UtcNow >= giveUpAt)
                            return null;
                        await Task.Delay(TimeSpan.FromMilliseconds(200), token);
                    }
                }
            }
            """),

        new("test helper spins on DateTime.UtcNow without sleeping", "shape seen in Suremaker/RemoteExecution-Net RemoteExecution.IT/SyncHelper.cs", """
            using System;

            namespace Messaging.Tests
            {
                public static class Spin
                {
                    public static void WaitForCondition(Func<bool> holds, int limitMs = 750)
                    {
                        var begun = DateTime.UtcNow;
                        var limit = TimeSpan.FromMilliseconds(limitMs);
                        while (DateTime.UtcNow - begun < limit)
                        {
                            if (holds())
                                return;
                        }
                        throw new TimeoutException();
                    }
                }
            }
            """),

        new("busy hold loop re-reads DateTime.Now until the end moment", "shape seen in castor12m/SandBox SandBox/Test_DelayFunction/Test_DelayFunction.cs", """
            using System;

            namespace Playground
            {
                public class BusyHold
                {
                    private static DateTime Hold(int millis)
                    {
                        DateTime now = DateTime.Now;
                        TimeSpan length = new TimeSpan(0, 0, 0, 0, millis);
                        DateTime until = now.Add(length);

                        while (until >= now)
                        {
                            now = DateTime.Now;
                        }

                        return DateTime.Now;
                    }
                }
            }
            """),

        new("background scenario pumps messages until DateTime.Now passes the span", "shape seen in exact-string index id 49525784057 (repository not given): worker-thread wait in a WPF test runner", """
            using System;
            using System.Diagnostics;

            // stub: drains the UI message queue
            public static class MessagePump { public static void Drain() { } }

            public class BackgroundScenario
            {
                private bool OnBackgroundThread => true;

                protected void WaitPumping(TimeSpan span)
                {
                    Debug.Assert(OnBackgroundThread);

                    var begun = DateTime.Now;

                    var keepGoing = true;
                    while (keepGoing)
                    {
                        MessagePump.Drain();

                        var passed = DateTime.Now - begun;
                        keepGoing = passed < span;
                    }
                }
            }
            """),

        new("Stopwatch poll helper", "shape seen in KozlovPD/SteelSeries Utils/WaitHelper.cs", """
            using System;
            using System.Diagnostics;

            namespace Polling
            {
                public class Probe
                {
                    public static bool WaitFor(
                    Func<bool> check,
                    int limitSeconds = 8)
                    {
                        var clock = new Stopwatch();
                        bool satisfied = false;
                        clock.Start();

                        while (true)
                        {
                            try
                            {
                                if (check())
                                {
                                    satisfied = true;
                                    break;
                                }
                            }
                            catch { }

                            if (clock.Elapsed.TotalSeconds >= limitSeconds)
                            {
                                clock.Stop();
                                break;
                            }
                        }
                        return satisfied;
                    }
                }
            }
            """),

        new("retry a file action on sharing violations until a Stopwatch runs out", "shape seen in shendongnian/code code1/87975-37154588-5.cs", """
            using System;
            using System.Diagnostics;
            using System.IO;

            class ArchiveJobs
            {
                private void Attempt(Action step, int budgetMs = 2500)
                {
                    var clock = Stopwatch.StartNew();
                    while (clock.ElapsedMilliseconds < budgetMs)
                    {
                        try
                        {
                            step();
                            return;
                        }
                        catch (IOException failure)
                        {
                            // anything but ERROR_SHARING_VIOLATION is not worth another try
                            if (failure.HResult != -2147024864)
                                throw;
                        }
                    }
                    throw new Exception("The archive step kept failing.");
                }
            }
            """),

        new("busy wait checks a Stopwatch every so many iterations", "shape seen in HenriqueChamizo/assecont_reps Trilobit/Trilobit_Antigo/rRotinas.cs", """
            using System.Diagnostics;

            namespace Legacy
            {
                class Timing
                {
                    public static void Wait(int seconds)
                    {
                        Stopwatch clock = new Stopwatch();
                        clock.Start();
                        for (int n = 0; ; n++)
                        {
                            if (n % 250000 == 0)
                            {
                                clock.Stop();
                                if (clock.ElapsedMilliseconds > seconds * 1000)
                                {
                                    break;
                                }
                                else
                                {
                                    clock.Start();
                                }
                            }
                        }
                    }
                }
            }
            """),

        // ---------------------------------------------------------------- SW2002: hand-rolled lock files (some also SW2001)

        new("lease factory retries an exclusive open on the wall clock", "shape seen in jhtools/filesystem src/FileLockFactory.cs", """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            namespace Depot.Locking;

            // a handle type of the same compilation: keeps the stream until disposed
            public sealed class LeaseHandle : IDisposable
            {
                private readonly FileStream _held;
                public LeaseHandle(FileInfo marker, FileStream held) { Marker = marker; _held = held; }
                public FileInfo Marker { get; }
                public void Dispose() => _held.Dispose();
            }

            public class LeaseFactory
            {
                public async Task<LeaseHandle> Acquire(FileInfo target, TimeSpan patience)
                {
                    var firstTry = {|SW2001:DateTime.Now|};
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            var held = File.Open(target.FullName, FileMode.Create, FileAccess.Write, FileShare.None);
                            return new LeaseHandle(target, held);
                        }
                        catch (IOException)
                        {
                            if (DateTime.Now - firstTry > patience) throw;
                            await Task.Delay(TimeSpan.FromSeconds(2));
                        }
                    }
                }
            }
            """),

        new("exclusive open do-while with FileShare.None and a UtcNow deadline", "shape seen in exact-string index id 40570833333 (repository not given): an OpenExclusive file extension method", """
            using System;
            using System.IO;

            namespace Plumbing.IO
            {
                public static class ExclusiveFiles
                {
                    public static FileStream? OpenAlone(string target, FileMode mode, FileAccess access, TimeSpan patience)
                    {
                        FileStream? opened = null;
                        DateTime giveUpAt = {|SW2001:DateTime.UtcNow|} + patience;

                        {|SW2002:do|}
                        {
                            try
                            {
                                opened = File.Open(target, mode, access, FileShare.None);
                            }
                            catch (IOException)
                            {
                            }
                            System.Threading.Thread.Sleep(0);
                        } while (opened == null && DateTime.UtcNow > giveUpAt);
                        return opened;
                    }
                }
            }
            """),

        new("credential file opens exclusively in a retry loop and exposes the stream", "shape seen in exact-string index id 3416854132 (repository not given; namespace KSeFCli, class LockFile, probably Kamilcuk/ksefcli)", """
            using System;
            using System.IO;
            using System.Threading;

            namespace Vault.Cli;

            // stub of the CLI's notice output
            public static class Notice { public static void Info(string message) => Console.Error.WriteLine(message); }

            public class CredentialFile : IDisposable
            {
                public FileStream Handle { get; }

                public CredentialFile(string path, FileAccess mode)
                {
                    bool announced = false;
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            if (mode == FileAccess.Read)
                            {
                                Handle = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                            }
                            else if (mode == FileAccess.Write)
                            {
                                // empties the credential file; callers then write the new secrets through Handle
                                Handle = {|SW1001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None)|};
                            }
                            else
                            {
                                Handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                            }

                            break;
                        }
                        catch (IOException)
                        {
                            if (!announced)
                            {
                                Notice.Info($"{path} is busy, retrying...");
                                announced = true;
                            }
                            Thread.Sleep(750);
                        }
                    }
                }

                public void Dispose()
                {
                    Handle?.Dispose();
                    GC.SuppressFinalize(this);
                }
            }
            """),

        new("shard claim retried through a helper while a Stopwatch allows", "shape seen in exact-string index id 58127994135 (repository not given): OpenExclusive / OpenExclusiveWithRetry of a wallet worker lease", """
            using System;
            using System.IO;
            using System.Threading;

            static class ShardOwnership
            {
                static FileStream Claim(string marker, FileMode mode)
                {
                    var claimed = new FileStream(marker, mode, FileAccess.ReadWrite, FileShare.None, 1,
                        FileOptions.WriteThrough);
                    claimed.Flush(flushToDisk: true);
                    return claimed;
                }

                static FileStream ClaimWithRetry(string marker, FileMode mode, TimeSpan patience)
                {
                    var timer = System.Diagnostics.Stopwatch.StartNew();
                    {|SW2002:while|} (true)
                    {
                        try { return Claim(marker, mode); }
                        catch (IOException) when (timer.Elapsed < patience) { Thread.Sleep(40); }
                    }
                }
            }
            """),

        new("generic open retry with a caller-chosen share mode", "shape seen in amingst/IT.WebServices Base/Helpers/FileStreamHelper.cs", """
            using System.IO;
            using System.Threading;

            namespace Media.Helpers
            {
                public static class StreamRetry
                {
                    public static FileStream? WaitToOpen(string location, FileMode mode, FileAccess access, FileShare share)
                    {
                        for (int attempt = 0; attempt < 60; attempt++)
                        {
                            FileStream? candidate = null;
                            try
                            {
                                candidate = new FileStream(location, mode, access, share);
                                return candidate;
                            }
                            catch (IOException)
                            {
                                candidate?.Dispose();
                                Thread.Sleep(80);
                            }
                        }

                        return null;
                    }
                }
            }
            """),

        new("shared read of a manifest retried a few times", "shape seen in dotnet/msbuild src/Microsoft.Extensions.ProjectModel/Utilities/FileSystemUtility.cs", """
            using System;
            using System.IO;
            using System.Threading;

            namespace Packaging.Manifests
            {
                internal static class ManifestReader
                {
                    internal static FileStream OpenShared(string manifestPath)
                    {
                        int triesLeft = 4;
                        while (true)
                        {
                            try
                            {
                                return new FileStream(manifestPath, FileMode.Open, FileAccess.Read, FileShare.Read);
                            }
                            catch (Exception)
                            {
                                if (triesLeft > 0)
                                {
                                    triesLeft--;
                                    Thread.Sleep(500);
                                }
                                else
                                {
                                    throw;
                                }
                            }
                        }
                    }
                }
            }
            """),

        new("busy-file retry wrapper around an arbitrary action", "shape seen in shendongnian/code code2/244305-4853085-0.cs", """
            using System;
            using System.IO;
            using System.Threading;

            public delegate void BusyFileAction();
            public delegate bool BusyFileRetryFilter(IOException error, int attempt, int attempts, int pauseMs);

            public static class BusyFiles
            {
                // stub: the real check looks at the Win32 error code
                private static bool IsBusy(IOException error) => (error.HResult & 0xFFFF) == 32;

                public static void RunTolerant(BusyFileAction work, BusyFileRetryFilter? filter, int attempts, int pauseMs)
                {
                    if (work == null)
                        throw new ArgumentNullException(nameof(work));
                    for (int attempt = 0; attempt < attempts; attempt++)
                    {
                        try
                        {
                            work();
                            return;
                        }
                        catch (IOException error)
                        {
                            if ((IsBusy(error)) && (attempt < (attempts - 1)))
                            {
                                bool pause = true;
                                if (filter != null)
                                {
                                    pause = filter(error, attempt, attempts, pauseMs);
                                }
                                if (pause)
                                {
                                    Thread.Sleep(pauseMs);
                                }
                            }
                            else
                            {
                                throw;
                            }
                        }
                    }
                }
            }
            """),

        new("hold class keeps a FileShare.None handle without retrying", "shape seen in shendongnian/code code3/574870-13422260-0.cs", """
            using System;
            using System.IO;

            public class ExclusiveHold : IDisposable
            {
                private FileStream? _handle;

                public ExclusiveHold(string target)
                {
                    if (File.Exists(target))
                    {
                        _handle = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.None);
                        Held = true;
                    }
                }

                public bool Held { get; set; }

                public void Dispose()
                {
                    if (_handle != null)
                    {
                        _handle.Dispose();
                    }
                }
            }
            """),

        new("writability probe opens for append and closes", "shape seen in shendongnian/code code2/377979-8218033-2.cs", """
            using System.IO;

            static class Writability
            {
                private static bool CanWriteNow(string target)
                {
                    try
                    {
                        using (FileStream probe = new FileStream(target, FileMode.Append, FileAccess.Write))
                        {
                            probe.Close();
                            return true;
                        }
                    }
                    catch (IOException)
                    {
                        return false;
                    }
                }
            }
            """),

        new("FileInfo.Open with FileShare.None, a second open fails", "shape seen in dotnet/docs samples/snippets/csharp/VS_Snippets_CLR/fileinfoopen/CS/fileinfoopen.cs", """
            using System;
            using System.IO;

            public class ShareDemo
            {
                public static void Main()
                {
                    FileInfo first = new FileInfo("shared.dat");

                    FileStream held = first.Open(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

                    FileInfo second = new FileInfo("shared.dat");

                    try
                    {
                        second.Open(FileMode.OpenOrCreate, FileAccess.Read);
                        Console.WriteLine("second open worked");
                    }
                    catch (IOException)
                    {
                        Console.WriteLine("second open refused: the file is held");
                    }
                    catch (Exception other)
                    {
                        Console.WriteLine(other.Message);
                    }

                    held.Close();
                }
            }
            """),

        new("cache folder guard retries a FileShare.None open and keeps the stream", "shape seen in xmlresolver/xmlresolvercs XmlResolver/XmlResolver/Org/XmlResolver/Cache/DirectoryLock.cs", """
            using System.IO;
            using System.Threading;

            namespace Thumbnails.Cache
            {
                public class CacheFolderGuard
                {
                    public static int attempts = 20;
                    private FileStream? guardStream = null;

                    public CacheFolderGuard(string folder)
                    {
                        string guardFile = Path.Combine(folder, ".guard");
                        int left = attempts;
                        {|SW2002:while|} (true)
                        {
                            try
                            {
                                guardStream = File.Open(guardFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                                return;
                            }
                            catch (IOException)
                            {
                                left--;
                                if (left <= 0)
                                {
                                    throw;
                                }
                                Thread.Sleep(300);
                            }
                        }
                    }

                    ~CacheFolderGuard()
                    {
                        Release();
                    }

                    public void Release()
                    {
                        if (guardStream != null)
                        {
                            guardStream.Close();
                            guardStream = null;
                        }
                    }
                }
            }
            """),

        new("spin while IsBusy probes with a FileShare.None open", "shape seen in shendongnian/code code3/407690-9010842-0.cs", """
            using System.IO;

            static class BusyProbe
            {
                public static bool IsBusy(FileInfo candidate)
                {
                    FileStream? probe = null;
                    try
                    {
                        probe = candidate.Open(FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                    }
                    catch (IOException)
                    {
                        return true;
                    }
                    finally
                    {
                        if (probe != null)
                            probe.Close();
                    }
                    return false;
                }

                public static void WaitUntilFree()
                {
                    while (IsBusy(new FileInfo("import.csv")))
                    {
                    }
                }
            }
            """),

        // ---------------------------------------------------------------- SW3001: pending-changes markers

        new("shader asset clears 'pending' before writing the file", "shape seen in stuffbydavid/GMLpal GMLpal/Script.cs", """
            using System.IO;

            namespace ShaderLab {
                // the base class, as another file of the project would declare it
                abstract class Asset {
                    public string path = "", title = "", body = "";
                    public bool pending;
                    public void Update(string text) { body = text; pending = true; }
                    public abstract void Save();
                }

                class ShaderAsset: Asset {
                    public ShaderAsset(string p, string t, string b) {
                        title = t;
                        body = b;
                        path = p;
                    }
                    public override void Save() {
                        if (!pending) return;
                        {|SW3001:pending = false;|}
                        {|SW1001:File.WriteAllText(path, body)|};
                    }
                }
            }
            """),

        new("audio panel clears _needsWrite, then saves", "shape seen in exact-string index id 71587374377 (repository not given): SaveIfDirty/SaveNow of a mod's settings panel", """
            // stub: the settings store; its Save() writes the settings file. Its body lies outside the snippet
            // (extern), so SW3001 judges the call by its name, as rules.md asks for bodies outside the compilation;
            // an empty body here would be a method that saves nothing.
            public static class VolumeSettings
            {
                public static extern void Save();
            }

            public partial class AudioPanel
            {
                private float _musicLevel;
                private bool _needsWrite;

                // a slider handler that marks the panel as needing a write
                private void OnMusicSlider(double level)
                {
                    _musicLevel = (float)level;
                    _needsWrite = true;
                }

                private void SaveImmediately()
                {
                    {|SW3001:_needsWrite = false;|}
                    VolumeSettings.Save();
                }

                private void SaveIfNeeded()
                {
                    if (!_needsWrite) return;
                    SaveImmediately();
                }
            }
            """),

        new("to-do form timer clears its flag and saves on a worker", "shape seen in shendongnian/code code11/1966865-59895626-0.cs", """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            // stub of the WinForms TextBox member used
            public class TextBoxStub { public string Text { get; set; } = ""; }

            public partial class TodoForm
            {
                private TextBoxStub todoBox = new TextBoxStub();
                private object gate = new object();
                private bool outstanding;

                private async void todoBox_TextChanged(object sender, EventArgs e)
                {
                    outstanding = true;
                }

                private void clock_Tick(object sender, EventArgs e)
                {
                    if (outstanding)
                    {
                        {|SW3001:outstanding = false;|}
                        Task.Run(() => Save());
                    }
                }

                private void Save()
                {
                    lock (gate)
                    {
                        {|SW1001:File.WriteAllText("todo.txt", todoBox.Text)|};
                    }
                }

                private void TodoForm_Load(object sender, EventArgs e)
                {
                    todoBox.Text = File.ReadAllText("todo.txt");
                }
            }
            """),

        new("IChangeTracking.AcceptChanges resets the modified flag (no save)", "shape seen in jeromeb85/Yis Source/CSharp/Yis/Framework/Model/ModelBase.IChangeTracking.cs", """
            using System.ComponentModel;

            namespace Catalog.Entities
            {
                public partial class TrackedEntity : IChangeTracking
                {
                    private bool _modified;
                    private object? _snapshot;

                    public bool IsChanged
                    {
                        get
                        {
                            return _modified;
                        }
                        protected set
                        {
                            if (_modified != value)
                            {
                                OnChanging(nameof(IsChanged));
                                _modified = value;
                                OnChanged(nameof(IsChanged));
                            }
                        }
                    }

                    public void AcceptChanges()
                    {
                        _snapshot = null;
                        _modified = false;
                    }

                    // stand-ins for the notification members of the other part of the class
                    protected void OnChanging(string property) { }
                    protected void OnChanged(string property) { }
                }
            }
            """),

        new("batched journal removes each entry after appending it", "shape seen in Somnovem/HomeWork CS/ClassWorkUpdated/LanApps/Loggers/QueueLogger.cs", """
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            namespace Journals
            {
                public class BatchedJournal
                {
                    private object sync = new object();
                    private string journalPath;
                    private List<string> backlog;

                    public BatchedJournal()
                    {
                        backlog = new List<string>();
                        journalPath = @"..\journal\events.txt";
                        File.Create(journalPath);
                    }

                    public void Enqueue(string entry)
                    {
                        backlog.Add(entry);
                        if (backlog.Count >= 20) Drain();
                    }

                    public void Drain()
                    {
                        lock (sync)
                        {
                            using (StreamWriter output = new StreamWriter(journalPath, true))
                            {
                                foreach (string entry in backlog.ToList())
                                {
                                    output.WriteLine(entry);
                                    backlog.Remove(entry);
                                }
                            }
                        }
                    }
                }
            }
            """),

        new("batch collector Flush hands out and clears its items (no save)", "shape seen in ashenBlade/concurrent-buffers src/ConcurrentBuffers/LockBuffer.cs", """
            using System.Collections.Generic;

            namespace Batching;

            public interface IBatchCollector<TItem>
            {
                void Add(TItem item);
                void AddMany(IEnumerable<TItem> items);
                IEnumerable<TItem> Flush();
            }

            public class GuardedBatch<TItem> : IBatchCollector<TItem>
            {
                private readonly List<TItem> _items = new();

                public IEnumerable<TItem> Flush()
                {
                    TItem[] taken;
                    lock (_items)
                    {
                        taken = _items.ToArray();
                        _items.Clear();
                    }

                    return taken;
                }

                public void Add(TItem item)
                {
                    lock (_items)
                    {
                        _items.Add(item);
                    }
                }

                public void AddMany(IEnumerable<TItem> items)
                {
                    lock (_items)
                    {
                        _items.AddRange(items);
                    }
                }
            }
            """),

        new("preferences saved on exit when touched (flag never reset)", "shape seen in Jugius/BoardsMapper BoardsMapper/Settings.cs", """
            using System;
            using System.ComponentModel;

            namespace FloorPlanner.Properties
            {
                // stubs of ApplicationSettingsBase and WinForms Application (not in .NET 8 reference assemblies)
                public abstract class SettingsBase : INotifyPropertyChanged
                {
                    public event PropertyChangedEventHandler? PropertyChanged;
                    public virtual void Save() { }
                    protected void OnPropertyChanged(string name) => PropertyChanged?.Invoke(this, new PropertyChangedEventArgs(name));
                }

                public static class Application
                {
                    public static event EventHandler? ApplicationExit;
                    public static void Exit() => ApplicationExit?.Invoke(null, EventArgs.Empty);
                }

                internal sealed partial class UserPreferences : SettingsBase
                {
                    private bool touched = false;

                    public UserPreferences()
                    {
                        Application.ApplicationExit += OnAppExit;
                        this.PropertyChanged += OnAnyPropertyChanged;
                    }

                    private void OnAppExit(object? sender, EventArgs e)
                    {
                        if (this.touched)
                        {
                            this.Save();
                        }
                    }

                    private void OnAnyPropertyChanged(object? sender, PropertyChangedEventArgs e)
                    {
                        this.touched = true;
                    }
                }
            }
            """),
    };
}
