using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace SafeWrites.DistributedLock.Benchmarks;

/// <summary>
/// `-- paired`: the same comparison as alternating pairs (FileLock, PostgreSQL, PostgreSQL, FileLock, …) so that
/// load from other processes on a shared machine hits both sides alike; prints medians and their ratio.
/// </summary>
internal static class Paired
{
    public static void Run()
    {
        Console.WriteLine("| Document | Durable | pairs | FileLock median | PostgreSQL median | ratio of medians |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var durable in new[] { true, false })
        {
            foreach (var (bytes, pairs) in new[] { (1024, 400), (64 * 1024, 400), (1024 * 1024, 100) })
            {
                var bench = new UpdateLockBenchmarks { DocumentBytes = bytes, Durable = durable };
                bench.Setup();
                try
                {
                    for (var i = 0; i < 20; i++)
                    {
                        bench.FileLocked();
                        bench.PostgresLocked();
                    }

                    var file = new List<double>();
                    var postgres = new List<double>();
                    for (var i = 0; i < pairs; i++)
                    {
                        // Alternate which goes first, so neither always pays for the other's writeback.
                        if (i % 2 == 0)
                        {
                            file.Add(Time(bench.FileLocked));
                            postgres.Add(Time(bench.PostgresLocked));
                        }
                        else
                        {
                            postgres.Add(Time(bench.PostgresLocked));
                            file.Add(Time(bench.FileLocked));
                        }
                    }

                    var mf = Median(file);
                    var mp = Median(postgres);
                    Console.WriteLine($"| {bytes / 1024} KiB | {durable} | {pairs} | {mf:0.000} ms | {mp:0.000} ms | {mp / mf:0.00} |");
                }
                finally
                {
                    bench.Cleanup();
                }
            }
        }
    }

    private static double Time(Func<int> update)
    {
        var clock = Stopwatch.StartNew();
        update();
        return clock.Elapsed.TotalMilliseconds;
    }

    // The middle sample (the upper one of the two for an even count): enough for a ratio of hundreds of samples.
    private static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }
}
