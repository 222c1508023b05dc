using System;
using System.IO;
using BenchmarkDotNet.Attributes;

namespace SafeWrites.Benchmarks;

/// <summary>Shared setup: a payload of the given size in a fresh directory on the machine's temp file system.</summary>
public abstract class WriteBenchmarkBase
{
    private string _directory = string.Empty;

    [Params(1024, 64 * 1024, 4 * 1024 * 1024)]
    public int PayloadBytes { get; set; }

    protected string Payload { get; private set; } = string.Empty;

    protected string Destination { get; private set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "safewrites-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        Destination = Path.Combine(_directory, "state.json");
        Payload = new string('x', PayloadBytes); // ASCII: one byte per char in UTF-8
        File.WriteAllText(Destination, Payload);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);
}

/// <summary>Durable atomic write vs the same protocol written by hand (target: ratio ≤ 1.05).</summary>
[Config(typeof(ShortConfig))]
public class DurableWriteBenchmarks : WriteBenchmarkBase
{
    [Benchmark(Baseline = true, Description = "Hand-written: FileStream + Flush(true) + File.Move + dir fsync")]
    public void HandWrittenDurable() => HandWritten.DurableWriteAllText(Destination, Payload);

    [Benchmark(Description = "AtomicFile.WriteAllText (Durable)")]
    public void AtomicDurable() => AtomicFile.WriteAllText(Destination, Payload);
}

/// <summary>Non-durable atomic write vs plain (non-atomic) File.WriteAllText: the price of atomicity alone.</summary>
[Config(typeof(ShortConfig))]
public class NonDurableWriteBenchmarks : WriteBenchmarkBase
{
    private static readonly AtomicWriteOptions NotDurable = new() { Durable = false };

    [Benchmark(Baseline = true, Description = "File.WriteAllText (not atomic)")]
    public void FileWriteAllText() => File.WriteAllText(Destination, Payload);

    [Benchmark(Description = "AtomicFile.WriteAllText (Durable = false)")]
    public void AtomicNotDurable() => AtomicFile.WriteAllText(Destination, Payload, NotDurable);
}

/// <summary>Uncontended FileLock vs opening a file with FileShare.None (target: ratio ≤ 1.5).</summary>
[Config(typeof(ShortConfig))]
public class LockBenchmarks
{
    private string _directory = string.Empty;
    private string _lockPath = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "safewrites-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _lockPath = Path.Combine(_directory, "state.json.lock");
        File.WriteAllText(_lockPath, string.Empty);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true, Description = "new FileStream(FileShare.None) open + close")]
    public void FileStreamShareNone()
    {
        using var stream = new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
    }

    [Benchmark(Description = "FileLock.Acquire + Dispose (uncontended)")]
    public void FileLockAcquireDispose()
    {
        using var held = FileLock.Acquire(_lockPath, TimeSpan.FromSeconds(1));
    }
}
