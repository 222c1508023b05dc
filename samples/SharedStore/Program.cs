// SafeWrites sample: two processes share one JSON document through JsonFileStore<T>.
//   dotnet run --project samples/SharedStore -c Release [-- <directory>]
// Starts two copies of itself. One counts visits with Update (lock, read, change, write); the other
// recomputes a summary with the optimistic pattern (ReadVersioned, slow work outside the lock,
// TryReplace). Meanwhile this process reads the document without a lock. At the end every visit is
// counted and every read parsed.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Serialization;
using System.Threading;
using SafeWrites;

const int Visits = 200;
const int Summaries = 20;

if (args.Length == 2 && args[0] == "visits")
{
    var store = Open(args[1]);
    for (var i = 0; i < Visits; i++)
    {
        store.Update(board => board with { Visits = board.Visits + 1 });
    }

    return 0;
}

if (args.Length == 2 && args[0] == "summaries")
{
    var store = Open(args[1]);
    var conflicts = 0;
    for (var i = 0; i < Summaries; i++)
    {
        while (true)
        {
            var (board, version) = store.ReadVersioned();
            Thread.Sleep(20); // the slow computation, done without holding the lock
            var summary = $"{board.Visits} visits, summary #{board.Summaries + 1}";
            if (store.TryReplace(board with { Summaries = board.Summaries + 1, Summary = summary }, version))
            {
                break;
            }

            conflicts++; // a visit was counted meanwhile: recompute on top of it, lose nothing
        }
    }

    Console.WriteLine($"summaries: {Summaries} written, {conflicts} conflicts retried");
    return 0;
}

var directory = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "safewrites-sharedstore");
Directory.CreateDirectory(directory);
var path = Path.Combine(directory, "board.json");
File.Delete(path);
Console.WriteLine($"Document: {path}");

var children = new[] { "visits", "summaries" }.Select(mode => Start(mode, path)).ToList();
var reader = Open(path);
var reads = 0;
while (children.Any(c => !c.HasExited))
{
    _ = reader.Read(); // no lock; a torn file would throw JsonException here
    reads++;
    Thread.Sleep(2);
}

foreach (var child in children)
{
    Console.Write(child.StandardOutput.ReadToEnd());
    child.WaitForExit();
    if (child.ExitCode != 0)
    {
        Console.WriteLine($"A child failed with exit code {child.ExitCode}.");
        return 1;
    }
}

var final = reader.Read();
Console.WriteLine($"Final: {final.Visits} visits (expected {Visits}), {final.Summaries} summaries (expected {Summaries}); \"{final.Summary}\"");
Console.WriteLine($"This process read the document {reads} times without a lock; every read parsed.");
return final.Visits == Visits && final.Summaries == Summaries ? 0 : 1;

static JsonFileStore<Board> Open(string path) => new(path, new JsonFileStoreOptions<Board>
{
    TypeInfo = SampleJson.Default.Board, // source-generated: trimming and AOT friendly
    CreateDefault = () => new Board(0, 0, string.Empty),
});

static Process Start(string mode, string path)
{
    // The same program, started again by the same host (dotnet SharedStore.dll, or the apphost).
    var self = Environment.ProcessPath!;
    var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self) == "dotnet")
    {
        info.ArgumentList.Add(typeof(Board).Assembly.Location);
    }

    info.ArgumentList.Add(mode);
    info.ArgumentList.Add(path);
    return Process.Start(info)!;
}

/// <summary>The shared document.</summary>
internal sealed record Board(int Visits, int Summaries, string Summary);

[JsonSerializable(typeof(Board))]
internal sealed partial class SampleJson : JsonSerializerContext
{
}
