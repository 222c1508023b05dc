using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace SafeWrites.Benchmarks;

/// <summary>
/// `-- paired`: runs the durable comparison as alternating pairs (hand-written, AtomicFile, hand-written, …)
/// so that load from other processes on a shared machine hits both sides equally; prints medians and the
/// ratio of medians. A complement to the BenchmarkDotNet run, not a replacement.
/// </summary>
internal static class Paired
{
    public static void Run()
    {
        var directory = Path.Combine(Path.GetTempPath(), "safewrites-paired-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            Console.WriteLine("| Payload | pairs | hand-written median | AtomicFile median | ratio of medians | AtomicFile faster in |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var (size, pairs) in new[] { (1024, 300), (64 * 1024, 300), (4 * 1024 * 1024, 60) })
            {
                var payload = new string('x', size);
                var destination = Path.Combine(directory, "state.json");
                File.WriteAllText(destination, payload);
                for (var i = 0; i < 10; i++)
                {
                    HandWritten.DurableWriteAllText(destination, payload);
                    AtomicFile.WriteAllText(destination, payload);
                }

                var hand = new List<double>();
                var atomic = new List<double>();
                var atomicWins = 0;
                for (var i = 0; i < pairs; i++)
                {
                    // Alternate which goes first, so neither always follows the other's writeback.
                    var first = i % 2 == 0;
                    var h = first ? Time(() => HandWritten.DurableWriteAllText(destination, payload)) : 0;
                    var a = Time(() => AtomicFile.WriteAllText(destination, payload));
                    if (!first)
                    {
                        h = Time(() => HandWritten.DurableWriteAllText(destination, payload));
                    }

                    hand.Add(h);
                    atomic.Add(a);
                    atomicWins += a < h ? 1 : 0;
                }

                var mh = Median(hand);
                var ma = Median(atomic);
                Console.WriteLine($"| {size / 1024} KiB | {pairs} | {mh:0.000} ms | {ma:0.000} ms | {ma / mh:0.00} | {100.0 * atomicWins / pairs:0}% of pairs |");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static double Time(Action action)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
