using System.Collections.Generic;

namespace SafeWrites.Analyzers.Tests.Corpus;

/// <summary>One snippet of public code: where it comes from, and the snippet with its hand-made labels.</summary>
internal sealed record GitHubCase(string Name, string Origin, string Source);

/// <summary>
/// Code from public GitHub repositories that none of us wrote, found with the code search of the stored public index
/// (queries per rule for the risky API and for safe look-alikes). Each snippet keeps the method's structure, control
/// flow and API calls; unknown types and members are stubbed so it compiles against .NET 8 + Newtonsoft.Json, literals
/// and formatting are our own (the index's terms: reference, not verbatim copies).
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
/// Labels are the ground truth a careful reviewer following <c>/work/shared/design/rules.md</c> would give, fixed before
/// the analyzers were run: <c>{|SWnnnn:…|}</c> where the rule's squiggle belongs; unmarked code is correct for the five
/// rules SW1001, SW1002, SW2001, SW2002, SW3001 (other rules are not labelled and not scored).
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

        // index file id 26798019152 (exact-string index, repository not given): a console book catalogue, top-level Program.cs
        new("console catalogue saves JSON and clears a local dirty flag", "exact-string index id 26798019152 (repository not given): top-level book catalogue program", """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;

            const string DataFile = "books.json";
            var jsonOptions = new JsonSerializerOptions { WriteIndented = true };
            List<Book> books = Load();
            bool dirty = false;

            SaveIfDirty();

            List<Book> Load()
            {
                try
                {
                    if (!File.Exists(DataFile)) return new List<Book>();
                    var json = File.ReadAllText(DataFile);
                    return JsonSerializer.Deserialize<List<Book>>(json, jsonOptions) ?? new List<Book>();
                }
                catch (Exception ex)
                {
                    Console.WriteLine($"[!] Could not read {DataFile}: {ex.Message}");
                    return new List<Book>();
                }
            }

            void Save()
            {
                try
                {
                    {|SW1002:File.WriteAllText(DataFile, JsonSerializer.Serialize(books, jsonOptions))|};
                    dirty = false;
                    Console.WriteLine($"Saved {books.Count} book(s) to {DataFile}.");
                }
                catch (Exception ex)
                {
                    Console.WriteLine($"[!] Save failed: {ex.Message}");
                }
            }

            void SaveIfDirty()
            {
                if (dirty && Confirm("Unsaved changes. Save? [Y/N] ")) Save();
                Console.WriteLine("Bye");
            }

            bool Confirm(string prompt)
            {
                Console.Write(prompt);
                return string.Equals(Console.ReadLine()?.Trim(), "y", StringComparison.OrdinalIgnoreCase);
            }

            record Book(int Id, string Title, string Author);
            """),

        // index file id 66899499962 (exact-string index, repository not given): DeimosConfig
        new("mod config saved with Newtonsoft, dirty flag cleared after the write", "exact-string index id 66899499962 (repository not given): DeimosConfig class", """
            using System;
            using System.IO;
            using Newtonsoft.Json;

            // stubs of the mod's helpers
            public static class Functions { public static FileInfo? ObtainSaveFile(string name) => new FileInfo(Path.Combine(AppContext.BaseDirectory, name)); }
            public static class DeimosLog { public static void Error(string message) => Console.Error.WriteLine(message); }

            public class DeimosConfig
            {
                private const string FileName = "deimos.json";

                [JsonIgnore]
                private bool _dirty;
                private bool _showOverlay;

                public bool ShowOverlay
                {
                    get => _showOverlay;
                    set { _showOverlay = value; _dirty = true; }
                }

                public void Save()
                {
                    try
                    {
                        var file = Functions.ObtainSaveFile(FileName);
                        if (file == null)
                            return;

                        {|SW1002:File.WriteAllText(file.FullName, JsonConvert.SerializeObject(this, Formatting.Indented))|};
                        _dirty = false;
                    }
                    catch (Exception ex)
                    {
                        DeimosLog.Error($"Failed to save {FileName}: {ex.Message}");
                    }
                }

                public void SaveIfDirty()
                {
                    if (_dirty)
                        Save();
                }
            }
            """),

        // ---------------------------------------------------------------- SW2001: wall-clock timeouts

        // SkillsFundingAgency/das-funding-system-acceptance-tests: src/SFA.DAS.Funding.SystemAcceptanceTests/Helpers/WaitHelper.cs
        new("acceptance-test wait helper with a DateTime.Now deadline", "SkillsFundingAgency/das-funding-system-acceptance-tests: src/SFA.DAS.Funding.SystemAcceptanceTests/Helpers/WaitHelper.cs", """
            using System;
            using System.Threading.Tasks;

            // stub of the test framework's Assert
            public static class Assert { public static void Fail(string message) => throw new Exception(message); }

            public class WaitHelper
            {
                public static async Task WaitForIt(Func<bool> lookForIt, string failText)
                {
                    var endTime = {|SW2001:DateTime.Now|}.Add(TimeSpan.FromSeconds(20));

                    while (DateTime.Now <= endTime)
                    {
                        if (lookForIt()) return;

                        await Task.Delay(TimeSpan.FromMilliseconds(10));
                    }

                    Assert.Fail($"{failText}  Time: {DateTime.Now:G}.");
                }
            }
            """),

        // yaneshtyagi/csharp-exp: CsharpExperiments/sync/LongOperationSimulator.cs
        new("busy simulator sleeps until DateTime.Now passes a number of seconds", "yaneshtyagi/csharp-exp: CsharpExperiments/sync/LongOperationSimulator.cs", """
            using System;
            using System.Threading;

            // stubs: the original calls a ToSeconds() extension and a sleep() helper defined elsewhere
            public static class TimeSpanExtensions { public static double ToSeconds(this TimeSpan span) => span.TotalSeconds; }

            public class LongOperationSimulator{
                public static void KeepRunningUntil(int seconds){
                    var beginTime = {|SW2001:DateTime.Now|};
                    while(true){
                        if((DateTime.Now - beginTime).ToSeconds() > seconds) break;
                        sleep(100);
                    }
                }

                static void sleep(int milliseconds) => Thread.Sleep(milliseconds);
            }
            """),

        // WPF-Pilot/WpfPilot: WpfPilot/Utility/Wait.cs (semantic search result without repository; repository and path found by name afterwards)
        new("UI-test Wait.Until with DateTime.Now and Task.Delay", "WPF-Pilot/WpfPilot: WpfPilot/Utility/Wait.cs", """
            namespace WpfPilot.Utility;

            using System;
            using System.Threading.Tasks;

            internal static class Wait
            {
                public static bool Until(Func<bool> condition, int timeoutMs, int retryIntervalMs = 10)
                {
                    var start = {|SW2001:DateTime.Now|};
                    while (!condition())
                    {
                        if ((DateTime.Now - start).TotalMilliseconds > timeoutMs)
                            return false;

                        Task.Delay(retryIntervalMs).GetAwaiter().GetResult();
                    }

                    return true;
                }
            }
            """),

        // index file id 70366951281 (exact-string index, repository not given): dashboard lease, WaitForRunningAsync
        new("dashboard waits for a running endpoint until a DateTimeOffset deadline", "exact-string index id 70366951281 (repository not given): WaitForRunningAsync", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public interface IProcessInfo { bool IsAlive(int pid); }

            public sealed record DashboardEndpoint(string Url, int Pid);

            public sealed class DashboardLease
            {
                // stub: the original reads an info file and checks the process
                private static DashboardEndpoint? ReadRunning(string home, IProcessInfo processes) => null;

                public static async Task<DashboardEndpoint?> WaitForRunningAsync(string home, IProcessInfo processes, TimeSpan timeout, CancellationToken ct)
                {
                    ArgumentException.ThrowIfNullOrEmpty(home);
                    var deadline = {|SW2001:DateTimeOffset.UtcNow|} + timeout;
                    while (true)
                    {
                        if (ReadRunning(home, processes) is { } endpoint)
                            return endpoint;
                        if (DateTimeOffset.UtcNow >= deadline)
                            return null;
                        await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
                    }
                }
            }
            """),

        // Suremaker/RemoteExecution-Net: RemoteExecution.IT/SyncHelper.cs
        new("integration-test WaitUntil spins on DateTime.UtcNow without sleeping", "Suremaker/RemoteExecution-Net: RemoteExecution.IT/SyncHelper.cs", """
            using System;

            namespace RemoteExecution.IT
            {
                public static class SyncHelper
                {
                    public static void WaitUntil(Func<bool> func, int timeoutInMs = 500)
                    {
                        var time = DateTime.UtcNow;
                        var timeout = TimeSpan.FromMilliseconds(timeoutInMs);
                        while (DateTime.UtcNow - time < timeout)
                        {
                            if (func())
                                return;
                        }
                        throw new TimeoutException();
                    }
                }
            }
            """),

        // castor12m/SandBox: SandBox/Test_DelayFunction/Test_DelayFunction.cs
        new("busy delay loop on DateTime.Now (DoEvents commented out)", "castor12m/SandBox: SandBox/Test_DelayFunction/Test_DelayFunction.cs", """
            using System;

            namespace SandBox
            {
                public class Test_DelayFunction
                {
                    private static DateTime Delay(int MS)
                    {
                        DateTime ThisMoment = DateTime.Now;
                        TimeSpan duration = new TimeSpan(0, 0, 0, 0, MS);
                        DateTime AfterWards = ThisMoment.Add(duration);

                        while (AfterWards >= ThisMoment)
                        {
                            ThisMoment = DateTime.Now;
                        }

                        return DateTime.Now;
                    }
                }
            }
            """),

        // index file id 49525784057 (exact-string index, repository not given): WPF test runner's wait on the worker thread
        new("WPF test runner pumps the dispatcher until DateTime.Now passes the wait time", "exact-string index id 49525784057 (repository not given): worker-thread wait in a WPF test runner", """
            using System;
            using System.Diagnostics;

            // stub: the original pumps the WPF dispatcher queue
            public static class DispatcherHelper { public static void DoEvents() { } }

            public class WorkerThreadTests
            {
                private bool IsRunningOnWorkerThread => true;

                protected void WaitWithoutBlockingDispatcher(TimeSpan waitTime)
                {
                    Debug.Assert(IsRunningOnWorkerThread);

                    var startTime = DateTime.Now;

                    var wait = true;
                    while (wait)
                    {
                        DispatcherHelper.DoEvents();

                        var elapsed = DateTime.Now - startTime;
                        wait = elapsed < waitTime;
                    }
                }
            }
            """),

        // KozlovPD/SteelSeries: Utils/WaitHelper.cs
        new("Stopwatch wait helper", "KozlovPD/SteelSeries: Utils/WaitHelper.cs", """
            using System;
            using System.Diagnostics;

            namespace Utils
            {
                public class WaitHelper
                {
                    public static bool WaitFor(
                    Func<bool> condition,
                    int timeout = 5)
                    {
                        var watch = new Stopwatch();
                        bool result = false;
                        watch.Start();

                        while (true)
                        {
                            try
                            {
                                if (condition())
                                {
                                    result = true;
                                    break;
                                }
                            }
                            catch { }

                            if (watch.Elapsed.TotalSeconds >= timeout)
                            {
                                watch.Stop();
                                break;
                            }
                        }
                        return result;
                    }
                }
            }
            """),

        // shendongnian/code: code1/87975-37154588-5.cs
        new("retry an IO action until a Stopwatch runs out", "shendongnian/code: code1/87975-37154588-5.cs", """
            using System;
            using System.Diagnostics;
            using System.IO;

            class FileActions
            {
                private void WithRetry(Action action, int timeoutMs = 1000)
                {
                    var time = Stopwatch.StartNew();
                    while (time.ElapsedMilliseconds < timeoutMs)
                    {
                        try
                        {
                            action();
                            return;
                        }
                        catch (IOException e)
                        {
                            if (e.HResult != -2147024864)
                                throw;
                        }
                    }
                    throw new Exception("Action did not succeed in time.");
                }
            }
            """),

        // HenriqueChamizo/assecont_reps: Trilobit/Trilobit_Antigo/rRotinas.cs
        new("busy wait measured with a Stopwatch", "HenriqueChamizo/assecont_reps: Trilobit/Trilobit_Antigo/rRotinas.cs", """
            using System.Diagnostics;

            namespace Trilobit
            {
                class rRotinas
                {
                    public static void Wait(int Segundos)
                    {
                        Stopwatch sw = new Stopwatch();
                        sw.Start();
                        for (int i = 0; ; i++)
                        {
                            if (i % 100000 == 0)
                            {
                                sw.Stop();
                                if (sw.ElapsedMilliseconds > Segundos * 1000)
                                {
                                    break;
                                }
                                else
                                {
                                    sw.Start();
                                }
                            }
                        }
                    }
                }
            }
            """),

        // ---------------------------------------------------------------- SW2002: hand-rolled lock files (some also SW2001)

        // jhtools/filesystem: src/FileLockFactory.cs
        new("file lock factory retries an exclusive open on the wall clock", "jhtools/filesystem: src/FileLockFactory.cs", """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            namespace JHTools.FileSystem;

            // stub of the repository's FileLock (holds the stream until disposed)
            public sealed class FileLock : IDisposable
            {
                private readonly FileStream _stream;
                public FileLock(FileInfo path, FileStream stream) { Target = path; _stream = stream; }
                public FileInfo Target { get; }
                public void Dispose() => _stream.Dispose();
            }

            public class FileLockFactory
            {
                public async Task<FileLock> Create(FileInfo path, TimeSpan timeOut)
                {
                    var startTime = {|SW2001:DateTime.Now|};
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            var stream = File.Open(path.FullName, FileMode.Create, FileAccess.Write, FileShare.None);
                            return new FileLock(path, stream);
                        }
                        catch (IOException)
                        {
                            if (DateTime.Now - startTime > timeOut) throw;
                            await Task.Delay(TimeSpan.FromSeconds(1));
                        }
                    }
                }
            }
            """),

        // index file id 40570833333 (exact-string index, repository not given): AppComponents.Extensions.FileExtensions
        new("OpenExclusive do-while with FileShare.None and a UtcNow deadline", "exact-string index id 40570833333 (repository not given): AppComponents.Extensions.FileExtensions.OpenExclusive", """
            using System;
            using System.IO;

            namespace AppComponents.Extensions
            {
                public static class FileExtensions
                {
                    public static FileStream? OpenExclusive(string path, FileMode mode, FileAccess access, TimeSpan timeout)
                    {
                        FileStream? fs = null;
                        DateTime deadline = {|SW2001:DateTime.UtcNow|} + timeout;

                        {|SW2002:do|}
                        {
                            try
                            {
                                fs = File.Open(path, mode, access, FileShare.None);
                            }
                            catch (IOException)
                            {
                            }
                            System.Threading.Thread.Sleep(0);
                        } while (fs == null && DateTime.UtcNow > deadline);
                        return fs;
                    }
                }
            }
            """),

        // index file id 3416854132 (exact-string index, repository not given; namespace KSeFCli, probably Kamilcuk/ksefcli): LockFile
        new("token-store LockFile opens exclusively in a retry loop and keeps the stream", "exact-string index id 3416854132 (repository not given; namespace KSeFCli, class LockFile, probably Kamilcuk/ksefcli)", """
            using System;
            using System.IO;
            using System.Threading;

            namespace KSeFCli;

            // stub of the CLI's logger
            public static class Log { public static void LogInformation(string message) => Console.Error.WriteLine(message); }

            public class LockFile : IDisposable
            {
                public FileStream Fs { get; }

                public LockFile(string path, FileAccess access)
                {
                    bool locked = false;
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            if (access == FileAccess.Read)
                            {
                                Fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                            }
                            else if (access == FileAccess.Write)
                            {
                                // truncates the token file, which the caller then rewrites through Fs
                                Fs = {|SW1001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None)|};
                            }
                            else
                            {
                                Fs = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                            }

                            break;
                        }
                        catch (IOException)
                        {
                            if (!locked)
                            {
                                Log.LogInformation($"Waiting for lock on {path}...");
                                locked = true;
                            }
                            Thread.Sleep(1000);
                        }
                    }
                }

                public void Dispose()
                {
                    Fs?.Dispose();
                    GC.SuppressFinalize(this);
                }
            }
            """),

        // index file id 58127994135 (exact-string index, repository not given): wallet worker-file ownership
        new("exclusive open retried through a helper while a Stopwatch allows", "exact-string index id 58127994135 (repository not given): OpenExclusive / OpenExclusiveWithRetry of a wallet worker lease", """
            using System;
            using System.IO;
            using System.Threading;

            static class WorkerLease
            {
                static FileStream OpenExclusive(string path, FileMode mode)
                {
                    var stream = new FileStream(path, mode, FileAccess.ReadWrite, FileShare.None, 1,
                        FileOptions.WriteThrough);
                    stream.Flush(flushToDisk: true);
                    return stream;
                }

                static FileStream OpenExclusiveWithRetry(string path, FileMode mode, TimeSpan wait)
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    {|SW2002:while|} (true)
                    {
                        try { return OpenExclusive(path, mode); }
                        catch (IOException) when (clock.Elapsed < wait) { Thread.Sleep(25); }
                    }
                }
            }
            """),

        // amingst/IT.WebServices: Base/Helpers/FileStreamHelper.cs
        new("generic WaitForFile retries an open with caller-chosen share", "amingst/IT.WebServices: Base/Helpers/FileStreamHelper.cs", """
            using System.IO;
            using System.Threading;

            namespace IT.WebServices.Helpers
            {
                public static class FileStreamHelper
                {
                    public static FileStream? WaitForFile(string fullPath, FileMode mode, FileAccess access, FileShare share)
                    {
                        for (int numTries = 0; numTries < 100; numTries++)
                        {
                            FileStream? fs = null;
                            try
                            {
                                fs = new FileStream(fullPath, mode, access, share);
                                return fs;
                            }
                            catch (IOException)
                            {
                                fs?.Dispose();
                                Thread.Sleep(50);
                            }
                        }

                        return null;
                    }
                }
            }
            """),

        // dotnet/msbuild: src/Microsoft.Extensions.ProjectModel/Utilities/FileSystemUtility.cs
        new("shared read of a lock file retried three times", "dotnet/msbuild: src/Microsoft.Extensions.ProjectModel/Utilities/FileSystemUtility.cs", """
            using System;
            using System.IO;
            using System.Threading;

            namespace Microsoft.Extensions.ProjectModel.Utilities
            {
                internal static class FileSystemUtility
                {
                    internal static FileStream OpenFileStream(string filePath)
                    {
                        int retry = 3;
                        while (true)
                        {
                            try
                            {
                                return new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read);
                            }
                            catch (Exception)
                            {
                                if (retry > 0)
                                {
                                    retry--;
                                    Thread.Sleep(1000);
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

        // shendongnian/code: code2/244305-4853085-0.cs
        new("sharing-violation retry wrapper around an arbitrary action", "shendongnian/code: code2/244305-4853085-0.cs", """
            using System;
            using System.IO;
            using System.Threading;

            public delegate void WrapSharingViolationsCallback();
            public delegate bool WrapSharingViolationsExceptionsCallback(IOException ioe, int retry, int retryCount, int waitTime);

            public static class SharingViolations
            {
                // stub: the original checks the HRESULT
                private static bool IsSharingViolation(IOException e) => (e.HResult & 0xFFFF) == 32;

                public static void WrapSharingViolations(WrapSharingViolationsCallback action, WrapSharingViolationsExceptionsCallback? exceptionsCallback, int retryCount, int waitTime)
                {
                    if (action == null)
                        throw new ArgumentNullException("action");
                    for (int i = 0; i < retryCount; i++)
                    {
                        try
                        {
                            action();
                            return;
                        }
                        catch (IOException ioe)
                        {
                            if ((IsSharingViolation(ioe)) && (i < (retryCount - 1)))
                            {
                                bool wait = true;
                                if (exceptionsCallback != null)
                                {
                                    wait = exceptionsCallback(ioe, i, retryCount, waitTime);
                                }
                                if (wait)
                                {
                                    Thread.Sleep(waitTime);
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

        // shendongnian/code: code3/574870-13422260-0.cs
        new("FileLock class holds a FileShare.None handle without retrying", "shendongnian/code: code3/574870-13422260-0.cs", """
            using System;
            using System.IO;

            public class FileLock : IDisposable
            {
                private FileStream? _lock;

                public FileLock(string path)
                {
                    if (File.Exists(path))
                    {
                        _lock = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
                        IsLocked = true;
                    }
                }

                public bool IsLocked { get; set; }

                public void Dispose()
                {
                    if (_lock != null)
                    {
                        _lock.Dispose();
                    }
                }
            }
            """),

        // shendongnian/code: code2/377979-8218033-2.cs
        new("exclusive-access probe opens for append and closes", "shendongnian/code: code2/377979-8218033-2.cs", """
            using System.IO;

            static class Access
            {
                private static bool GetExclusiveAccess(string filePath)
                {
                    try
                    {
                        using (FileStream file = new FileStream(filePath, FileMode.Append, FileAccess.Write))
                        {
                            file.Close();
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

        // dotnet/docs: samples/snippets/csharp/VS_Snippets_CLR/fileinfoopen/CS/fileinfoopen.cs
        new("docs sample: FileInfo.Open with FileShare.None, second open fails", "dotnet/docs: samples/snippets/csharp/VS_Snippets_CLR/fileinfoopen/CS/fileinfoopen.cs", """
            using System;
            using System.IO;

            public class OpenTest
            {
                public static void Main()
                {
                    FileInfo fi = new FileInfo("temp.txt");

                    FileStream fs = fi.Open(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

                    FileInfo nextfi = new FileInfo("temp.txt");

                    try
                    {
                        nextfi.Open(FileMode.OpenOrCreate, FileAccess.Read);
                        Console.WriteLine("not locked");
                    }
                    catch (IOException)
                    {
                        Console.WriteLine("locked by another process");
                    }
                    catch (Exception e)
                    {
                        Console.WriteLine(e.ToString());
                    }

                    fs.Close();
                }
            }
            """),

        // xmlresolver/xmlresolvercs: XmlResolver/XmlResolver/Org/XmlResolver/Cache/DirectoryLock.cs
        new("cache directory lock retries a FileShare.None open and keeps the stream", "xmlresolver/xmlresolvercs: XmlResolver/XmlResolver/Org/XmlResolver/Cache/DirectoryLock.cs", """
            using System.IO;
            using System.Threading;

            namespace Org.XmlResolver.Cache {
                public class DirectoryLock
                {
                    public static int retryCount = 30;
                    private FileStream? lockStream = null;

                    public DirectoryLock(string dir) {
                        string lockfn = Path.Combine(dir, "lock");
                        int count = retryCount;
                        {|SW2002:while|} (true) {
                            try {
                                lockStream = File.Open(lockfn, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                                return;
                            }
                            catch (IOException) {
                                count--;
                                if (count <= 0) {
                                    throw;
                                }
                                Thread.Sleep(500);
                            }
                        }
                    }

                    ~DirectoryLock() {
                        Release();
                    }

                    public void Release() {
                        if (lockStream != null) {
                            lockStream.Close();
                            lockStream = null;
                        }
                    }
                }
            }
            """),

        // shendongnian/code: code3/407690-9010842-0.cs
        new("spin while IsFileLocked probes with a FileShare.None open", "shendongnian/code: code3/407690-9010842-0.cs", """
            using System.IO;

            static class LockProbe
            {
                public static void WaitForFile()
                {
                    while (IsFileLocked(new FileInfo("data.txt")))
                    {
                    }
                }

                public static bool IsFileLocked(FileInfo file)
                {
                    FileStream? stream = null;
                    try
                    {
                        stream = file.Open(FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                    }
                    catch (IOException)
                    {
                        return true;
                    }
                    finally
                    {
                        if (stream != null)
                            stream.Close();
                    }
                    return false;
                }
            }
            """),

        // ---------------------------------------------------------------- SW3001: pending-changes markers

        // stuffbydavid/GMLpal: GMLpal/Script.cs
        new("script editor clears 'changed' before writing the file", "stuffbydavid/GMLpal: GMLpal/Script.cs", """
            using System.IO;

            namespace GMLpal {
                // stub of the base class, which lives in another file of the repository
                abstract class Code {
                    public string file = "", name = "", code = "";
                    public bool changed;
                    public void Edit(string text) { code = text; changed = true; }
                    public abstract void Save();
                }

                class Script: Code {
                    public Script(string f, string n, string c) {
                        file = f;
                        name = n;
                        code = c;
                    }
                    public override void Save() {
                        if (!changed) return;
                        {|SW3001:changed = false;|}
                        {|SW1001:File.WriteAllText(file, code)|};
                    }
                }
            }
            """),

        // index file id 71587374377 (exact-string index, repository not given): odds settings panel of a game mod
        new("settings panel clears _dirty, then saves", "exact-string index id 71587374377 (repository not given): SaveIfDirty/SaveNow of a mod's odds settings panel", """
            // stub: the mod's settings store; its Save() writes the settings file
            public static class OddsSettings
            {
                public static void Save() { }
            }

            public partial class OddsPanel
            {
                private bool _dirty;
                private float _eventChance;

                // stub of the slider handlers that mark the panel dirty
                private void OnEventChanged(double value)
                {
                    _eventChance = (float)value;
                    _dirty = true;
                }

                private void SaveIfDirty()
                {
                    if (!_dirty) return;
                    SaveNow();
                }

                private void SaveNow()
                {
                    {|SW3001:_dirty = false;|}
                    OddsSettings.Save();
                }
            }
            """),

        // shendongnian/code: code11/1966865-59895626-0.cs
        new("form timer clears needSave and saves on a worker", "shendongnian/code: code11/1966865-59895626-0.cs", """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public class TextBoxStub { public string Text { get; set; } = ""; }

            public partial class Form1
            {
                private bool needSave;
                private object locker = new object();
                private TextBoxStub textBox1 = new TextBoxStub();

                private void Form1_Load(object sender, EventArgs e)
                {
                    textBox1.Text = File.ReadAllText("notes.txt");
                }

                private void timer1_Tick(object sender, EventArgs e)
                {
                    if (needSave)
                    {
                        {|SW3001:needSave = false;|}
                        Task.Run(() => Save());
                    }
                }

                private void Save()
                {
                    lock (locker)
                    {
                        {|SW1001:File.WriteAllText("notes.txt", textBox1.Text)|};
                    }
                }

                private async void textBox1_TextChanged(object sender, EventArgs e)
                {
                    needSave = true;
                }
            }
            """),

        // jeromeb85/Yis: Source/CSharp/Yis/Framework/Model/ModelBase.IChangeTracking.cs
        new("IChangeTracking.AcceptChanges resets the changed flag (no save)", "jeromeb85/Yis: Source/CSharp/Yis/Framework/Model/ModelBase.IChangeTracking.cs", """
            using System.ComponentModel;

            namespace Yis.Framework.Model
            {
                public partial class ModelBase : IChangeTracking
                {
                    private object? _cacheBackup;
                    private bool _isChanged;

                    public void AcceptChanges()
                    {
                        _cacheBackup = null;
                        _isChanged = false;
                    }

                    public bool IsChanged
                    {
                        get
                        {
                            return _isChanged;
                        }
                        protected set
                        {
                            if (_isChanged != value)
                            {
                                RaisePropertyChanging("IsChanged");
                                _isChanged = value;
                                RaisePropertyChanged("IsChanged");
                            }
                        }
                    }

                    // stubs of the other part of the partial class
                    protected void RaisePropertyChanging(string name) { }
                    protected void RaisePropertyChanged(string name) { }
                }
            }
            """),

        // Somnovem/HomeWork: CS/ClassWorkUpdated/LanApps/Loggers/QueueLogger.cs
        new("queue logger removes each message after appending it", "Somnovem/HomeWork: CS/ClassWorkUpdated/LanApps/Loggers/QueueLogger.cs", """
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            namespace Loggers
            {
                public class QueueLogger
                {
                    private List<string> loggingQueue;
                    private string logPath;
                    private object lockObject = new object();

                    public QueueLogger()
                    {
                        loggingQueue = new List<string>();
                        logPath = @"..\..\log.txt";
                        File.Create(logPath);
                    }

                    public void AddToQueue(string message)
                    {
                        loggingQueue.Add(message);
                        if (loggingQueue.Count >= 15) Log();
                    }

                    public void Log()
                    {
                        lock (lockObject)
                        {
                            using (StreamWriter writer = new StreamWriter(logPath, true))
                            {
                                foreach (string message in loggingQueue.ToList())
                                {
                                    writer.WriteLine(message);
                                    loggingQueue.Remove(message);
                                }
                            }
                        }
                    }
                }
            }
            """),

        // ashenBlade/concurrent-buffers: src/ConcurrentBuffers/LockBuffer.cs
        new("buffer Flush hands out and clears its items (no save)", "ashenBlade/concurrent-buffers: src/ConcurrentBuffers/LockBuffer.cs", """
            using System.Collections.Generic;

            namespace ConcurrentBuffers;

            public interface IConcurrentBuffer<T>
            {
                void Add(T item);
                void AddRange(IEnumerable<T> items);
                IEnumerable<T> Flush();
            }

            public class LockBuffer<T> : IConcurrentBuffer<T>
            {
                private readonly List<T> _buffer = new();

                public void Add(T item)
                {
                    lock (_buffer)
                    {
                        _buffer.Add(item);
                    }
                }

                public void AddRange(IEnumerable<T> items)
                {
                    lock (_buffer)
                    {
                        _buffer.AddRange(items);
                    }
                }

                public IEnumerable<T> Flush()
                {
                    T[] elements;
                    lock (_buffer)
                    {
                        elements = _buffer.ToArray();
                        _buffer.Clear();
                    }

                    return elements;
                }
            }
            """),

        // Jugius/BoardsMapper: BoardsMapper/Settings.cs
        new("settings saved on exit when changed (flag never reset)", "Jugius/BoardsMapper: BoardsMapper/Settings.cs", """
            using System;
            using System.ComponentModel;

            namespace BoardsMapper.Properties
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

                internal sealed partial class Settings : SettingsBase
                {
                    private bool SettingsChanged = false;

                    public Settings()
                    {
                        this.PropertyChanged += Settings_PropertyChanged;
                        Application.ApplicationExit += Application_ApplicationExit;
                    }

                    private void Settings_PropertyChanged(object? sender, PropertyChangedEventArgs e)
                    {
                        this.SettingsChanged = true;
                    }

                    private void Application_ApplicationExit(object? sender, EventArgs e)
                    {
                        if (this.SettingsChanged)
                        {
                            this.Save();
                        }
                    }
                }
            }
            """),
    };
}
