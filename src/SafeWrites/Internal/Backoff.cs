using System;
using System.Diagnostics;

namespace SafeWrites.Internal;

/// <summary>Monotonic-clock arithmetic and jitter shared by the lock wait loop and the Windows replace retries.</summary>
internal static class Backoff
{
    private static readonly Random Random = new();

    internal static TimeSpan Elapsed(long startTimestamp) =>
        TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - startTimestamp) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));

    /// <summary>A random delay in [delay/2, delay], so waiters that started together drift apart.</summary>
    internal static TimeSpan Jitter(TimeSpan delay)
    {
        double factor;
        lock (Random)
        {
            factor = 0.5 + (Random.NextDouble() * 0.5);
        }

        return TimeSpan.FromTicks((long)(delay.Ticks * factor));
    }
}
