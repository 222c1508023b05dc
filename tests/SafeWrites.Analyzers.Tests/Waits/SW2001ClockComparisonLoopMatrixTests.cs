using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Waits.WallClockTimeoutAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>
/// SW2001 over every clock × measurement × loop exit: each combination is a small wait loop that must be reported
/// once, at the read that starts the measurement, and its Stopwatch twin must not be.
/// </summary>
public class SW2001ClockComparisonLoopMatrixTests
{
    private static readonly string[] Clocks = { "DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "time.GetUtcNow()" };

    /// <summary>How the measurement starts (with {0} the clock) and how the loop compares it (with {0} the clock).</summary>
    private static readonly (string Name, string Start, string Expired)[] Measurements =
    {
        ("deadline via Add", "var mark = {0}.Add(timeout);", "{0} >= mark"),
        ("deadline via AddMilliseconds", "var mark = {0}.AddMilliseconds(500);", "mark <= {0}"),
        ("deadline plus timeout", "var mark = {0} + timeout;", "{0}.CompareTo(mark) > 0"),
        ("elapsed span", "var mark = {0};", "{0} - mark > timeout"),
        ("elapsed Subtract", "var mark = {0};", "{0}.Subtract(mark) >= timeout"),
        ("elapsed milliseconds", "var mark = {0};", "({0} - mark).TotalMilliseconds > 500"),
    };

    /// <summary>Loop shapes, with {0} the "expired" condition.</summary>
    private static readonly (string Name, string Loop)[] Loops =
    {
        ("while condition", "while (!done() && !({0})) Thread.Sleep(10);"),
        ("do condition", "do { if (done()) return; await Task.Delay(10); } while (!({0}));"),
        ("for condition", "for (var i = 0; !({0}); i++) { if (done()) return; spin.SpinOnce(); }"),
        ("if break", "while (!done()) { if ({0}) break; gate.Wait(10); }"),
        ("if throw", "for (;;) { if (done()) return; if ({0}) throw new TimeoutException(); handle.WaitOne(10); }"),
        ("exception filter", "while (true) { try { File.ReadAllText(path); return; } catch (IOException) when (!({0})) { await Task.Delay(10); } }"),
    };

    public static IEnumerable<object[]> Combinations()
    {
        foreach (var clock in Clocks)
        {
            foreach (var measurement in Measurements)
            {
                foreach (var loop in Loops)
                {
                    yield return new object[] { clock, measurement.Name, loop.Name };
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public Task Wall_clock_measurement_deciding_a_wait_loop_is_reported(string clock, string measurementName, string loopName)
        => Verify.VerifyAnalyzerAsync(Source(clock, measurementName, loopName, "{|SW2001:" + clock + "|}"));

    /// <summary>Every measurement × loop once, each with one of the clocks (the clock only appears in a log line).</summary>
    public static IEnumerable<object[]> LoggingCombinations()
    {
        var index = 0;
        foreach (var measurement in Measurements)
        {
            foreach (var loop in Loops)
            {
                yield return new object[] { Clocks[index++ % Clocks.Length], measurement.Name, loop.Name };
            }
        }
    }

    [Theory]
    [MemberData(nameof(LoggingCombinations))]
    public Task The_same_loop_on_a_clock_read_only_for_logging_is_not_reported(string clock, string measurementName, string loopName)
    {
        // The loop decides on a Stopwatch; the wall clock is only logged.
        var source = Source("(DateTime.MinValue + sw.Elapsed)", measurementName, loopName, "(DateTime.MinValue + sw.Elapsed)")
            .Replace("// log", $"Console.WriteLine({clock});");
        return Verify.VerifyAnalyzerAsync(source);
    }

    private static string Source(string clock, string measurementName, string loopName, string startRead)
    {
        var measurement = System.Array.Find(Measurements, m => m.Name == measurementName);
        var loop = System.Array.Find(Loops, l => l.Name == loopName);
        var start = measurement.Start.Replace("{0}", startRead);
        var loopCode = loop.Loop.Replace("{0}", measurement.Expired.Replace("{0}", clock));
        return $$"""
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            class Waiter
            {
                public async Task WaitAsync(TimeProvider time, Func<bool> done, TimeSpan timeout, SemaphoreSlim gate, WaitHandle handle, string path)
                {
                    var sw = Stopwatch.StartNew();
                    var spin = new SpinWait();
                    // log
                    {{start}}
                    {{loopCode}}
                    await Task.Yield();
                }
            }
            """;
    }
}
