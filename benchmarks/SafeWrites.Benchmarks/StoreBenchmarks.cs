using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace SafeWrites.Benchmarks;

/// <summary>A settings-like document: a counter and a list of entries, sized to roughly the requested bytes.</summary>
public sealed class StoreDocument
{
    public int Counter { get; set; }

    public List<StoreEntry> Entries { get; set; } = new();

    public static StoreDocument OfSize(int bytes)
    {
        var document = new StoreDocument();
        const int EntryBytes = 86; // one serialized entry below is about this long
        for (var i = 0; i < Math.Max(1, bytes / EntryBytes); i++)
        {
            document.Entries.Add(new StoreEntry { Name = "entry-" + i, Value = i * 7, Note = "a note of some forty characters, padding" });
        }

        return document;
    }
}

public sealed class StoreEntry
{
    public string Name { get; set; } = string.Empty;

    public int Value { get; set; }

    public string Note { get; set; } = string.Empty;
}

/// <summary>The read-modify-write the store replaces, written by hand with the same primitives: the baseline.</summary>
internal static class StoreByHand
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public static StoreDocument Update(string path)
    {
        using var held = FileLock.Acquire(FileLock.PathFor(path), LockTimeout);
        var document = JsonSerializer.Deserialize<StoreDocument>(File.ReadAllBytes(path))!;
        document.Counter++;
        AtomicFile.WriteJson(path, document);
        return document;
    }

    public static StoreDocument Read(string path) => JsonSerializer.Deserialize<StoreDocument>(File.ReadAllBytes(path))!;

    public static StoreDocument Increment(StoreDocument document)
    {
        document.Counter++;
        return document;
    }
}

/// <summary>Shared setup: a document of the given size in a fresh directory, and a store on it.</summary>
public abstract class StoreBenchmarkBase
{
    private string _directory = string.Empty;

    [Params(1024, 64 * 1024, 1024 * 1024)]
    public int DocumentBytes { get; set; }

    protected string Path { get; private set; } = string.Empty;

    protected JsonFileStore<StoreDocument> Store { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safewrites-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Path = System.IO.Path.Combine(_directory, "store.json");
        AtomicFile.WriteJson(Path, StoreDocument.OfSize(DocumentBytes));
        Store = new JsonFileStore<StoreDocument>(Path);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);
}

/// <summary>JsonFileStore.Update vs FileLock + read + deserialize + AtomicFile.WriteJson by hand (target: ratio ≤ 1.10).</summary>
[Config(typeof(InProcessShortConfig))]
public class StoreUpdateBenchmarks : StoreBenchmarkBase
{
    [Benchmark(Baseline = true, Description = "By hand: FileLock + ReadAllBytes + Deserialize + AtomicFile.WriteJson")]
    public StoreDocument ByHand() => StoreByHand.Update(Path);

    [Benchmark(Description = "JsonFileStore.Update")]
    public StoreDocument Update() => Store.Update(StoreByHand.Increment);
}

/// <summary>JsonFileStore.Read vs File.ReadAllBytes + JsonSerializer.Deserialize (target: ratio ≤ 1.05).</summary>
[Config(typeof(InProcessShortConfig))]
public class StoreReadBenchmarks : StoreBenchmarkBase
{
    [Benchmark(Baseline = true, Description = "File.ReadAllBytes + JsonSerializer.Deserialize")]
    public StoreDocument ByHand() => StoreByHand.Read(Path);

    [Benchmark(Description = "JsonFileStore.Read")]
    public StoreDocument Read() => Store.Read();
}

/// <summary>
/// `-- store-paired`: Update and Read against their hand-written baselines as alternating pairs on the same
/// file, so load from other processes hits both sides equally; prints medians and the ratio of medians.
/// </summary>
internal static class StorePaired
{
    public static void Run()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safewrites-store-paired-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            Console.WriteLine("| Operation | Document | pairs | by-hand median | store median | ratio of medians | store faster in |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (var (size, pairs) in new[] { (1024, 300), (64 * 1024, 300), (1024 * 1024, 100) })
            {
                var path = System.IO.Path.Combine(directory, $"store-{size}.json");
                AtomicFile.WriteJson(path, StoreDocument.OfSize(size));
                var store = new JsonFileStore<StoreDocument>(path);
                var actual = new FileInfo(path).Length;
                Pairs("Update", actual, pairs, () => StoreByHand.Update(path), () => store.Update(StoreByHand.Increment));
                Pairs("Read", actual, pairs * 3, () => StoreByHand.Read(path), () => store.Read());
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Pairs(string operation, long bytes, int pairs, Action byHand, Action store)
    {
        for (var i = 0; i < 10; i++)
        {
            byHand();
            store();
        }

        var hand = new List<double>();
        var ours = new List<double>();
        var storeWins = 0;
        for (var i = 0; i < pairs; i++)
        {
            // Alternate which goes first, so neither always follows the other's writeback.
            double h, s;
            if (i % 2 == 0)
            {
                h = Paired.Time(byHand);
                s = Paired.Time(store);
            }
            else
            {
                s = Paired.Time(store);
                h = Paired.Time(byHand);
            }

            hand.Add(h);
            ours.Add(s);
            storeWins += s < h ? 1 : 0;
        }

        var mh = Paired.Median(hand);
        var ms = Paired.Median(ours);
        Console.WriteLine($"| {operation} | {bytes / 1024.0:0.#} KiB | {pairs} | {mh:0.000} ms | {ms:0.000} ms | {ms / mh:0.00} | {100.0 * storeWins / pairs:0}% of pairs |");
    }
}
