using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Medallion.Threading.Postgres;

namespace SafeWrites.DistributedLock.Benchmarks;

/// <summary>
/// One uncontended <see cref="JsonFileStore{T}.Update"/> with the default <see cref="FileLockProvider"/> (baseline)
/// and with <see cref="DistributedLockProvider"/> over PostgreSQL, for 1 KiB, 64 KiB and 1 MiB documents,
/// durable (the default) and not.
/// </summary>
[Config(typeof(SafeWrites.Benchmarks.ShortConfig))]
public class UpdateLockBenchmarks
{
    /// <summary>The server's connection string; Program sets it (its own throwaway server unless one is given).</summary>
    public const string ConnectionVariable = "SAFEWRITES_BENCH_PG";

    private string _directory = string.Empty;
    private JsonFileStore<Document> _fileLocked = null!;
    private JsonFileStore<Document> _postgresLocked = null!;

    [Params(1024, 64 * 1024, 1024 * 1024)]
    public int DocumentBytes { get; set; }

    [Params(true, false)]
    public bool Durable { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var connection = Environment.GetEnvironmentVariable(ConnectionVariable)
            ?? throw new InvalidOperationException(ConnectionVariable + " is not set; run through Program.");
        _directory = Path.Combine(Path.GetTempPath(), "safewrites-distlock-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _fileLocked = Store("file-locked.json", FileLockProvider.Default);
        _postgresLocked = Store("postgres-locked.json", new DistributedLockProvider(new PostgresDistributedSynchronizationProvider(connection)));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true, Description = "Update, FileLock (FileLockProvider.Default)")]
    public int FileLocked() => _fileLocked.Update(Increment).Count;

    [Benchmark(Description = "Update, PostgreSQL (DistributedLockProvider)")]
    public int PostgresLocked() => _postgresLocked.Update(Increment).Count;

    private static Document Increment(Document d) => d with { Count = d.Count + 1 };

    private JsonFileStore<Document> Store(string name, IFileLockProvider locks)
    {
        var path = Path.Combine(_directory, name);
        var options = new JsonFileStoreOptions<Document> { LockProvider = locks, WriteOptions = new AtomicWriteOptions { Durable = Durable } };

        // The padding brings the serialized document to about DocumentBytes.
        AtomicFile.WriteJson(path, new Document(0, new string('x', DocumentBytes)));
        return new JsonFileStore<Document>(path, options);
    }

    public sealed record Document(int Count, string Padding);
}
