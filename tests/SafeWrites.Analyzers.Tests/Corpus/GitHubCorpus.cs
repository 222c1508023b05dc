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

        // shendongnian/code: code1/28628-6541739-0.cs
        new("settings base class serialized with JavaScriptSerializer", "shendongnian/code: code1/28628-6541739-0.cs", """
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

            public class AppSettings<T> where T : new()
            {
                private const string DEFAULT_FILENAME = "settings.jsn";

                public void Save(string fileName = DEFAULT_FILENAME)
                {
                    {|SW1001:File.WriteAllText(fileName, (new JavaScriptSerializer()).Serialize(this))|};
                }

                public static void Save(T pSettings, string fileName = DEFAULT_FILENAME)
                {
                    {|SW1001:File.WriteAllText(fileName, (new JavaScriptSerializer()).Serialize(pSettings))|};
                }

                public static T Load(string fileName = DEFAULT_FILENAME)
                {
                    T t = new T();
                    if (File.Exists(fileName))
                        t = (new JavaScriptSerializer()).Deserialize<T>(File.ReadAllText(fileName));
                    return t;
                }
            }
            """),

        // shendongnian/code: code7/1326220-35753285-3.cs
        new("winforms settings written through JsonTextWriter over File.CreateText", "shendongnian/code: code7/1326220-35753285-3.cs", """
            using System;
            using System.IO;
            using Newtonsoft.Json;

            public static class Application
            {
                public static string LocalUserAppDataPath => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Vendor", "App", "1.0");
            }

            public partial class Form1
            {
                private static string SettingsFile
                {
                    get
                    {
                        return Path.GetDirectoryName(Application.LocalUserAppDataPath)
                           + "\\accounts" + "\\accounts.txt";
                    }
                }

                private static void WriteJsonSettings(Settings settings)
                {
                    var ser = new JsonSerializer();
                    using (var file = File.CreateText(SettingsFile))
                    using (var writer = {|SW1002:new JsonTextWriter(file)|})
                    {
                        ser.Serialize(writer, settings);
                    }
                }

                private static Settings ReadJsonSettings()
                {
                    if (!File.Exists(SettingsFile))
                        return new Settings();
                    var ser = new JsonSerializer();
                    using (var file = File.OpenText(SettingsFile))
                    using (var reader = new JsonTextReader(file))
                    {
                        return ser.Deserialize<Settings>(reader) ?? new Settings();
                    }
                }

                private class Settings
                {
                    public string? Setting1 { get; set; }
                    public bool CheckboxValue { get; set; }
                }
            }
            """),

        // ElectricWolfGames/Lab: eWolfLabs/DemoCode/SaveAsJson/Program.cs
        new("demo saves an object as JSON", "ElectricWolfGames/Lab: eWolfLabs/DemoCode/SaveAsJson/Program.cs", """
            using Newtonsoft.Json;
            using System.IO;

            namespace SaveAsJson
            {
                public class Program
                {
                    public class DataToSave
                    {
                        public string? Name { get; set; }
                        public int Index { get; set; }
                    }

                    private static void Main(string[] args)
                    {
                        DataToSave dts = new DataToSave();
                        dts.Name = "sample";

                        string output = JsonConvert.SerializeObject(dts);
                        string path = @"C:\data\saved.json";

                        {|SW1002:File.WriteAllText(path, output)|};

                        DataToSave? dtl = JsonConvert.DeserializeObject<DataToSave>(output);
                    }
                }
            }
            """),

        // SherzodIsakov/NewAPIsIn.NET6: 1_Net6/16_SystemTextJson/Program.cs
        new("JSON serialized to standard output (not a file)", "SherzodIsakov/NewAPIsIn.NET6: 1_Net6/16_SystemTextJson/Program.cs", """
            using System;
            using System.IO;
            using System.Text;
            using System.Text.Json;

            string json = "{\"Value\":\"read from a stream\"}";
            byte[] bytes = Encoding.UTF8.GetBytes(json);

            using MemoryStream ms = new MemoryStream(bytes);
            Example? deserialized = JsonSerializer.Deserialize<Example>(ms);
            Console.WriteLine(deserialized?.Value);

            JsonSerializerOptions options = new() { WriteIndented = true };
            using Stream outputStream = Console.OpenStandardOutput();
            Example exampleToSerialize = new() { Value = "written to a stream" };
            JsonSerializer.Serialize<Example>(outputStream, exampleToSerialize, options);

            class Example
            {
                public string? Value { get; set; }
            }
            """),

        // PowerfulSpace/MediumTask_2: Test/Program.cs
        new("top-level program serializes into File.Create", "PowerfulSpace/MediumTask_2: Test/Program.cs", """
            using System;
            using System.IO;
            using System.Text.Json;

            var weatherForecast = new WeatherForecast
            {
                Date = DateTime.Parse("2020-03-01"),
                TemperatureCelsius = 20,
                Summary = "Mild"
            };

            string fileName = "forecast.json";
            using FileStream createStream = File.Create(fileName);
            await {|SW1002:JsonSerializer.SerializeAsync(createStream, weatherForecast)|};
            await createStream.DisposeAsync();

            Console.WriteLine(File.ReadAllText(fileName));

            Console.ReadLine();

            public class WeatherForecast
            {
                public DateTimeOffset Date { get; set; }
                public int TemperatureCelsius { get; set; }
                public string? Summary { get; set; }
            }
            """),

        // dotnet/docs: docs/standard/serialization/snippets/system-text-json-how-to/csharp/SerializeToFileAsync.cs
        new("docs sample SerializeToFileAsync", "dotnet/docs: docs/standard/serialization/snippets/system-text-json-how-to/csharp/SerializeToFileAsync.cs", """
            using System;
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            namespace SerializeToFileAsync
            {
                public class WeatherForecast
                {
                    public DateTimeOffset Date { get; set; }
                    public int TemperatureCelsius { get; set; }
                    public string? Summary { get; set; }
                }

                public class Program
                {
                    public static async Task Main()
                    {
                        var weatherForecast = new WeatherForecast
                        {
                            Date = DateTime.Parse("2021-05-02"),
                            TemperatureCelsius = 18,
                            Summary = "Cool"
                        };

                        string fileName = "forecast.json";
                        using FileStream createStream = File.Create(fileName);
                        await {|SW1002:JsonSerializer.SerializeAsync(createStream, weatherForecast)|};
                        await createStream.DisposeAsync();

                        Console.WriteLine(File.ReadAllText(fileName));
                    }
                }
            }
            """),

        // lghtlr/-: json0/Program.cs
        new("JSON serialized into FileMode.OpenOrCreate stream", "lghtlr/-: json0/Program.cs", """
            using System;
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            namespace HelloApp
            {
                class Person
                {
                    public string? Name { get; set; }
                    public int Age { get; set; }
                }

                class Program
                {
                    static async Task Main(string[] args)
                    {
                        using (FileStream fs = new FileStream("user.json", FileMode.OpenOrCreate))
                        {
                            Person ann = new Person() { Name = "Ann", Age = 30 };
                            await {|SW1002:JsonSerializer.SerializeAsync<Person>(fs, ann)|};
                            Console.WriteLine("saved");
                        }

                        using (FileStream fs = new FileStream("user.json", FileMode.OpenOrCreate))
                        {
                            Person? restored = await JsonSerializer.DeserializeAsync<Person>(fs);
                            Console.WriteLine($"{restored?.Name} {restored?.Age}");
                        }
                    }
                }
            }
            """),

        // icedt89/Smartbar: Source/Smartbar.Common/JsonFileAdapter.cs
        new("write a sibling file then File.Replace it over the destination", "icedt89/Smartbar: Source/Smartbar.Common/JsonFileAdapter.cs", """
            namespace JanHafner.Smartbar.Common
            {
                using System;
                using System.IO;
                using System.Text;
                using System.Threading.Tasks;

                public abstract class JsonFileAdapter
                {
                    protected async Task SaveFileToDiskSafeAsync(String file, String content)
                    {
                        var backupFileName = $"{file}.bak";

                        using (var streamWriter = new StreamWriter(backupFileName, false, Encoding.Unicode))
                        {
                            await streamWriter.WriteAsync(content);
                            await streamWriter.FlushAsync();
                        }

                        File.Replace(backupFileName, file, null);
                    }
                }
            }
            """),

        // autumn009/CSharpShortCodeSamples: sample3/chap7/バックアップファイルの作成/OLDCODE/OLDCODE/Program.cs
        new("File.Replace demo writes target, new file and backup", "autumn009/CSharpShortCodeSamples: sample3/chap7/バックアップファイルの作成/OLDCODE/OLDCODE/Program.cs", """
            using System;
            using System.IO;

            class Program
            {
                static void Main()
                {
                    const string targetfile = "target.txt";
                    const string newfile = "a.txt";
                    const string backupfile = "b.txt";
                    {|SW1001:File.WriteAllText(targetfile, "first")|};
                    File.WriteAllText(newfile, "second");
                    {|SW1001:File.WriteAllText(backupfile, "third")|};
                    File.SetAttributes(newfile, FileAttributes.ReadOnly);
                    Console.WriteLine($"target: {File.ReadAllText(targetfile)}");
                    Console.WriteLine($"backup: {File.ReadAllText(backupfile)}");
                    if ((File.GetAttributes(newfile) & FileAttributes.ReadOnly) != 0) File.SetAttributes(newfile, FileAttributes.Normal);
                    File.Replace(newfile, targetfile, backupfile);
                    Console.WriteLine($"target: {File.ReadAllText(targetfile)}");
                    Console.WriteLine($"backup: {File.ReadAllText(backupfile)}");
                }
            }
            """),

        // MaienM/CSharp-Utils: CSharp-Utils/Utils/TempWriter.cs
        new("writer over Path.GetTempFileName() moved to its destination on Close", "MaienM/CSharp-Utils: CSharp-Utils/Utils/TempWriter.cs", """
            using System;
            using System.IO;

            namespace CSharpUtils.Utils
            {
                class TempWriter
                {
                    public String TempPath { get; private set; }
                    public StreamWriter Writer { get; private set; }
                    public String FinalPath { get; private set; }

                    public TempWriter(String path)
                    {
                        FinalPath = path;

                        TempPath = Path.GetTempFileName();
                        FileStream file = File.OpenWrite(TempPath);
                        Writer = new StreamWriter(file);
                    }

                    public void Close()
                    {
                        Writer.Close();

                        if (File.Exists(FinalPath))
                        {
                            File.Delete(FinalPath);
                        }
                        File.Move(TempPath, FinalPath);
                    }
                }
            }
            """),

        // xandrineshu/cse210-hw: week06/EternalQuest/SaveLoadCSV.cs
        new("goals saved as CSV lines", "xandrineshu/cse210-hw: week06/EternalQuest/SaveLoadCSV.cs", """
            using System;
            using System.Collections.Generic;
            using System.IO;

            class SaveLoadCSV
            {
                public static void SaveToCSV(List<String> _dataToSave, string _filePath)
                {
                    {|SW1001:File.WriteAllLines(_filePath, _dataToSave)|};
                }

                public static List<String> LoadFromCSV(string _filePath)
                {
                    List<string> fromCSV = new List<string>();
                    StreamReader streamReader = new StreamReader(_filePath);

                    while (!streamReader.EndOfStream)
                    {
                        string? line = streamReader.ReadLine();
                        fromCSV.Add(line!.ToString());
                    }
                    streamReader.Close();

                    return fromCSV;
                }
            }
            """),

        // CodeMazeBlog/CodeMazeGuides: csharp-basic-topics/SaveListToFileInCSharp/SaveListToFileInCSharp/ListToFileWriter.cs
        new("list written with StreamWriter, sync, async and append", "CodeMazeBlog/CodeMazeGuides: csharp-basic-topics/SaveListToFileInCSharp/SaveListToFileInCSharp/ListToFileWriter.cs", """
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            namespace SaveListToFileInCSharp;

            public class ListToFileWriter
            {
                public void WriteToFileWithStreamWriter(string path, List<string> animals)
                {
                    using var sw = {|SW1001:new StreamWriter(path)|};
                    foreach (var animal in animals)
                    {
                        sw.WriteLine(animal);
                    }
                }

                public async Task WriteToFileWithStreamWriterAsync(string path, List<string> animals)
                {
                    await using var sw = {|SW1001:new StreamWriter(path)|};
                    foreach (var animal in animals)
                    {
                        await sw.WriteLineAsync(animal);
                    }
                }

                public void AppendToFileWithStreamWriter(string path, List<string> animals)
                {
                    using var sw = new StreamWriter(path, append: true);
                    foreach (var animal in animals)
                    {
                        sw.WriteLine(animal);
                    }
                }
            }
            """),

        // cly4auHo/Examples: 007_Input_Output/023_BinaryWriter/Program.cs
        new("BinaryWriter over File.Create", "cly4auHo/Examples: 007_Input_Output/023_BinaryWriter/Program.cs", """
            using System;
            using System.IO;

            namespace _023_BinaryWriter
            {
                class Program
                {
                    static void Main()
                    {
                        FileStream file = {|SW1001:File.Create("data.bin")|};

                        BinaryWriter writer = new BinaryWriter(file);

                        long number = 100;
                        var bytes = new byte[] { 10, 20, 50, 100 };
                        string s = "text";

                        writer.Write(number);
                        writer.Write(bytes);
                        writer.Write(s);

                        writer.Close();

                        Console.ReadKey();
                    }
                }
            }
            """),

        // syauqibilfaqih/BootcampFormulatrix: Day20/B_FileStreamWrite/Program.cs
        new("FileStream Create then read back", "syauqibilfaqih/BootcampFormulatrix: Day20/B_FileStreamWrite/Program.cs", """
            using System;
            using System.IO;
            using System.Text;

            class Program {
                static void Main() {
                    string path = "bootcamp.txt";

                    using (FileStream fs = {|SW1001:new FileStream(path, FileMode.Create)|}) {
                        byte[] data = Encoding.UTF8.GetBytes("Hello, stream");
                        fs.Write(data, 0, data.Length);
                    }

                    using (FileStream fs = new FileStream(path, FileMode.Open)) {
                        byte[] buffer = new byte[fs.Length];
                        fs.Read(buffer, 0, buffer.Length);
                        string content = Encoding.UTF8.GetString(buffer);
                        Console.WriteLine(content);
                    }
                }
            }
            """),

        // shendongnian/code: code2/190039-40978487-0.cs
        new("image download copied into File.OpenWrite", "shendongnian/code: code2/190039-40978487-0.cs", """
            using System;
            using System.IO;
            using System.Net;

            static class Downloads
            {
                private static void DownloadRemoteImageFile(string uri, string fileName)
                {
                    HttpWebRequest request = (HttpWebRequest)WebRequest.Create(uri);
                    HttpWebResponse response = (HttpWebResponse)request.GetResponse();

                    if ((response.StatusCode == HttpStatusCode.OK ||
                        response.StatusCode == HttpStatusCode.Moved ||
                        response.StatusCode == HttpStatusCode.Redirect) &&
                        response.ContentType.StartsWith("image", StringComparison.OrdinalIgnoreCase))
                    {
                        using (Stream inputStream = response.GetResponseStream())
                        using (Stream outputStream = {|SW1001:File.OpenWrite(fileName)|})
                        {
                            byte[] buffer = new byte[4096];
                            int bytesRead;
                            do
                            {
                                bytesRead = inputStream.Read(buffer, 0, buffer.Length);
                                outputStream.Write(buffer, 0, bytesRead);
                            } while (bytesRead != 0);
                        }
                    }
                }
            }
            """),

        // RobertStickler/-SWE1-MTCG: SWE1-MTCG/SWE1-MTCG/Program.cs
        new("downloaded icon saved with WriteAllBytes", "RobertStickler/-SWE1-MTCG: SWE1-MTCG/SWE1-MTCG/Program.cs", """
            using System;
            using System.IO;
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace HttpClientDownloadImage
            {
                class Program
                {
                    static async Task Main(string[] args)
                    {
                        using var httpClient = new HttpClient();
                        var url = "http://example.org/favicon.ico";
                        byte[] imageBytes = await httpClient.GetByteArrayAsync(url);

                        string documentsPath = System.Environment.GetFolderPath(
                                System.Environment.SpecialFolder.Personal);

                        string localFilename = "favicon.ico";
                        string localPath = Path.Combine(documentsPath, localFilename);
                        {|SW1001:File.WriteAllBytes(localPath, imageBytes)|};
                    }
                }
            }
            """),

        // shendongnian/code: code1/70587-1110264-0.cs
        new("image bytes written through BinaryWriter over FileMode.Create", "shendongnian/code: code1/70587-1110264-0.cs", """
            using System;
            using System.IO;
            using System.Net;

            namespace ImageDownloader
            {
                class Program
                {
                    static void Main(string[] args)
                    {
                        string imageUrl = @"http://example.org/image.jpg";
                        string saveLocation = @"C:\images\image.jpg";

                        byte[] imageBytes;
                        HttpWebRequest imageRequest = (HttpWebRequest)WebRequest.Create(imageUrl);
                        WebResponse imageResponse = imageRequest.GetResponse();

                        Stream stream = imageResponse.GetResponseStream();

                        using (BinaryReader br = new BinaryReader(stream))
                        {
                            imageBytes = br.ReadBytes(500000);
                            br.Close();
                        }
                        imageResponse.Close();

                        FileStream fs = {|SW1001:new FileStream(saveLocation, FileMode.Create)|};
                        BinaryWriter bw = new BinaryWriter(fs);
                        try
                        {
                            bw.Write(imageBytes);
                        }
                        finally
                        {
                            fs.Close();
                            bw.Close();
                        }
                    }
                }
            }
            """),

        // johnlaschober/RoA-AddressRocker: RoA.ScreenUI/ConfigurationFile.cs
        new("configuration saved as Newtonsoft JSON through a local", "johnlaschober/RoA-AddressRocker: RoA.ScreenUI/ConfigurationFile.cs", """
            using Newtonsoft.Json;
            using System.IO;

            namespace RoA.ScreenUI
            {
                public class ConfigurationFile
                {
                    public string? StateSavePath { get; set; }

                    public void Save(string savePath)
                    {
                        string json = JsonConvert.SerializeObject(this);
                        {|SW1002:File.WriteAllText(savePath, json)|};
                    }
                }
            }
            """),

        // korolkiewiczk/PokRec: PR/Common/JsonObject.cs
        new("generic JSON object base saves itself", "korolkiewiczk/PokRec: PR/Common/JsonObject.cs", """
            using System.IO;
            using Newtonsoft.Json;

            namespace Common
            {
                public class JsonObject<T>
                {
                    public void Save(string path)
                    {
                        {|SW1002:File.WriteAllText(path, JsonConvert.SerializeObject(this))|};
                    }

                    public static T Load(string path)
                    {
                        if (!File.Exists(path)) return default(T)!;

                        return JsonConvert.DeserializeObject<T>(File.ReadAllText(path))!;
                    }
                }
            }
            """),

        // KoertLichtendonk/QuickConfig: QuickConfig/ConfigBase.cs
        new("config base writes JSON text through StreamWriter(path, false)", "KoertLichtendonk/QuickConfig: QuickConfig/ConfigBase.cs", """
            using Newtonsoft.Json;
            using System.IO;

            namespace QuickConfig
            {
                public interface IConfig { void Save(); }

                public abstract class ConfigBase : IConfig
                {
                    public string configPath { get; set; } = "config.json";

                    public virtual void Save()
                    {
                        string json = JsonConvert.SerializeObject(this, Formatting.Indented);

                        using (StreamWriter sw = new StreamWriter(configPath, false))
                        {
                            {|SW1002:sw.Write(json)|};
                            sw.Close();
                        }
                    }
                }
            }
            """),

        // nickmartin1ee7/Herbalist: ScriptModels/DataStorage.cs
        new("game data dictionary written with WriteAllTextAsync", "nickmartin1ee7/Herbalist: ScriptModels/DataStorage.cs", """
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;

            public static class DataStorage
            {
                private const string _file = "user-data.json";
                private static FileInfo SaveFile => new FileInfo(_file);

                public static Task Write(Dictionary<string, string> data)
                {
                    return {|SW1002:File.WriteAllTextAsync(SaveFile.FullName, JsonSerializer.Serialize(data))|};
                }

                public static ValueTask<Dictionary<string, string>?> Read()
                {
                    using var stream = SaveFile.OpenRead();
                    return JsonSerializer.DeserializeAsync<Dictionary<string, string>>(stream);
                }
            }
            """),

        // ponlawat-w/lanna-utils: cli/ExportForJs/WriteFile.cs
        new("export helper writes serialized JSON through a TextWriter", "ponlawat-w/lanna-utils: cli/ExportForJs/WriteFile.cs", """
            using System.IO;
            using System.Text.Json;

            public static class WriteFile
            {
                public static void Write(string filePath, object value)
                {
                    using (TextWriter writer = new StreamWriter(filePath))
                    {
                        {|SW1002:writer.Write(JsonSerializer.Serialize(value, new JsonSerializerOptions
                        {
                            WriteIndented = true
                        }))|};
                    }
                }
            }
            """),

        // KirillMeleshko004/B1-Test: FileWorker/Utility/FileWriter.cs
        new("rows appended under a lock", "KirillMeleshko004/B1-Test: FileWorker/Utility/FileWriter.cs", """
            using System.Collections.Generic;
            using System.IO;

            namespace FileWorker.Utility
            {
                public class FileWriter
                {
                    private string _path;
                    private object _lock = new();

                    public FileWriter(string filePath)
                    {
                        _path = filePath;
                        File.Delete(_path);
                    }

                    public void InsertRows(IEnumerable<string> rows)
                    {
                        lock (_lock)
                        {
                            File.AppendAllLines(_path, rows);
                        }
                    }
                }
            }
            """),

        // shendongnian/code: code1/160524-2954908-0.cs
        new("log line appended with File.AppendText", "shendongnian/code: code1/160524-2954908-0.cs", """
            using System.IO;

            public class Logging
            {
                private readonly object locker = new object();

                public void WriteToLog(string message)
                {
                    lock (locker)
                    {
                        StreamWriter SW;
                        SW = File.AppendText("Data\\Log.txt");
                        SW.WriteLine(message);
                        SW.Close();
                        SW.Dispose();
                    }
                }
            }
            """),

        // frankhaugen/Frank.Libraries: Frank.Libraries.Logging/FileLogging/LogFileWriter.cs
        new("log writer appends under a ReaderWriterLock", "frankhaugen/Frank.Libraries: Frank.Libraries.Logging/FileLogging/LogFileWriter.cs", """
            using System.IO;
            using System.Threading;

            namespace Frank.Libraries.Logging.FileLogging
            {
                internal static class LogFileWriter
                {
                    private static ReaderWriterLock _locker = new ReaderWriterLock();

                    public static void WriteString(string value, string path)
                    {
                        try
                        {
                            _locker.AcquireWriterLock(int.MaxValue);
                            File.AppendAllLines(path, new[] { value });
                        }
                        finally
                        {
                            _locker.ReleaseWriterLock();
                        }
                    }
                }
            }
            """),

        // JohanLarsson/ReadFileBox: ReadFileBox/ViewModel.cs
        new("view model saves through File.OpenWrite with a busy flag", "JohanLarsson/ReadFileBox: ReadFileBox/ViewModel.cs", """
            namespace ReadFileBox
            {
                using System.ComponentModel;
                using System.IO;
                using System.Runtime.CompilerServices;
                using System.Threading.Tasks;

                public class ViewModel : INotifyPropertyChanged
                {
                    private string? _content;
                    private bool _isEnabled = true;
                    private static readonly string FileName = @"C:\Temp\Sample.txt";

                    public event PropertyChangedEventHandler? PropertyChanged;

                    public bool IsEnabled
                    {
                        get { return _isEnabled; }
                        set
                        {
                            if (value == _isEnabled) return;
                            _isEnabled = value;
                            OnPropertyChanged();
                        }
                    }

                    public string? Content
                    {
                        get { return _content; }
                        set
                        {
                            if (value == _content) return;
                            _content = value;
                            OnPropertyChanged();
                        }
                    }

                    public async Task Read()
                    {
                        IsEnabled = false;
                        try
                        {
                            using (var stream = File.OpenRead(FileName))
                            {
                                using (var reader = new StreamReader(stream))
                                {
                                    Content = await reader.ReadToEndAsync().ConfigureAwait(false);
                                }
                            }
                        }
                        finally
                        {
                            IsEnabled = true;
                        }
                    }

                    public async Task Save()
                    {
                        IsEnabled = false;
                        try
                        {
                            using (var stream = {|SW1001:File.OpenWrite(FileName)|})
                            {
                                using (var writer = new StreamWriter(stream))
                                {
                                    await writer.WriteAsync(Content).ConfigureAwait(false);
                                }
                            }
                        }
                        finally
                        {
                            IsEnabled = true;
                        }
                    }

                    protected virtual void OnPropertyChanged([CallerMemberName] string? propertyName = null)
                    {
                        PropertyChanged?.Invoke(this, new PropertyChangedEventArgs(propertyName));
                    }
                }
            }
            """),

        // utak3r/u3Toolbox: u3tbNotepadForm.cs
        new("notepad autosave timer writes and clears the control's Modified flag", "utak3r/u3Toolbox: u3tbNotepadForm.cs", """
            using System;
            using System.IO;
            using System.Text;
            using System.Timers;

            namespace u3Toolbox
            {
                // stub of the WinForms RichTextBox members used
                public class NotepadTextBox
                {
                    public string Text { get; set; } = "";
                    public bool Modified { get; set; }
                }

                public partial class u3tbNotepadForm
                {
                    public int NOTEPAD_AUTOSAVE_INTERVAL = 5000;
                    public string filename = "notes.txt";
                    private Timer modifyTimer;
                    private NotepadTextBox notepadText = new NotepadTextBox();

                    public u3tbNotepadForm()
                    {
                        modifyTimer = new Timer();
                        modifyTimer.Interval = NOTEPAD_AUTOSAVE_INTERVAL;
                        modifyTimer.Elapsed += modifyTimer_Tick;
                    }

                    private void modifyTimer_Tick(object? sender, EventArgs e)
                    {
                        modifyTimer.Stop();
                        StreamWriter writer = {|SW1001:new StreamWriter(filename, false, Encoding.Default)|};
                        writer.Write(notepadText.Text);
                        notepadText.Modified = false;
                    }

                    private void notepadText_ModifiedChanged(object sender, EventArgs e)
                    {
                        modifyTimer.Start();
                    }
                }
            }
            """),

        // AminG82/NotePad: Form1.cs
        new("notepad save button writes the text box", "AminG82/NotePad: Form1.cs", """
            using System;

            namespace NotePad
            {
                public enum DialogResult { OK, Cancel }

                // stubs of the WinForms controls used
                public class TextBoxStub { public string Text { get; set; } = ""; }

                public class SaveFileDialogStub
                {
                    public string Filter = "";
                    public string DefaultExt = "";
                    public string FileName = "note.txt";
                    public DialogResult ShowDialog() => DialogResult.OK;
                }

                public partial class Form1
                {
                    string? fileName;
                    bool isSaved = true;
                    TextBoxStub txtBody = new TextBoxStub();
                    SaveFileDialogStub saveFileDialog1 = new SaveFileDialogStub();
                    public string Text { get; set; } = "";

                    private void save_Click(object? sender, EventArgs? e)
                    {
                        if (fileName == null)
                        {
                            saveFileDialog1.Filter = "Text Only (*.txt) | *txt";
                            saveFileDialog1.DefaultExt = "txt";
                            DialogResult result = saveFileDialog1.ShowDialog();
                            if (result == DialogResult.Cancel)
                                return;
                            fileName = saveFileDialog1.FileName;
                        }
                        {|SW1001:System.IO.File.WriteAllText(fileName, txtBody.Text)|};
                        this.Text = fileName;
                        isSaved = true;
                    }
                }
            }
            """),

        // Nuos/FileManager: TextEditor.cs
        new("text editor writes only when the file does not exist yet", "Nuos/FileManager: TextEditor.cs", """
            using System;
            using System.IO;

            namespace FileManager
            {
                public static class MessageBox { public static void Show(string text, string caption) => Console.WriteLine(caption + ": " + text); }

                public class RichTextBoxStub { public string Text { get; set; } = ""; }

                public partial class TextEditor
                {
                    private string _path;
                    private RichTextBoxStub richTextBox = new RichTextBoxStub();

                    public TextEditor(string path)
                    {
                        _path = path + ".txt";
                    }

                    private void Save()
                    {
                        if (!File.Exists(_path))
                            {|SW1001:File.WriteAllText(_path, richTextBox.Text)|};
                        else
                        {
                            MessageBox.Show("This file already exists!", "Can't overwrite");
                        }
                    }

                    private void saveToolStripMenuItem_Click(object sender, EventArgs e)
                    {
                        Save();
                    }
                }
            }
            """),

        // Serejebi/NotePad: NotePad/Form1.cs
        new("notepad save and save-as", "Serejebi/NotePad: NotePad/Form1.cs", """
            using System;

            namespace NotePad
            {
                public enum DialogResult { OK, Cancel }

                // stubs of the WinForms controls used
                public class TextBoxStub { public string Text { get; set; } = ""; }

                public class SaveFileDialogStub
                {
                    public string Filter = "";
                    public string DefaultExt = "";
                    public string FileName = "note.txt";
                    public DialogResult ShowDialog() => DialogResult.OK;
                }

                public partial class Form1
                {
                    string? fileName;
                    TextBoxStub Body = new TextBoxStub();
                    SaveFileDialogStub saveFileDialog1 = new SaveFileDialogStub();
                    public string Text { get; set; } = "";

                    private void save_Click(object? sender, EventArgs? e)
                    {
                        if (fileName == null)
                        {
                            saveFileDialog1.Filter = "Text Files (*.txt) | *.txt";
                            saveFileDialog1.DefaultExt = "txt";
                            DialogResult result = saveFileDialog1.ShowDialog();
                            if (result == DialogResult.Cancel)
                            {
                                return;
                            }
                            fileName = saveFileDialog1.FileName;
                        }

                        {|SW1001:System.IO.File.WriteAllText(fileName, Body.Text)|};
                        this.Text = fileName;
                    }

                    private void SaveAs_Click(object sender, EventArgs e)
                    {
                        fileName = null;
                        save_Click(null, null);
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
            // stub: the mod's settings store; its Save() writes the settings file. Its body lies outside the snippet
            // (extern), so SW3001 judges the call by its name, as rules.md asks for bodies outside the compilation;
            // an empty body here would be a method that saves nothing.
            public static class OddsSettings
            {
                public static extern void Save();
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
