using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Waits.WallClockTimeoutAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>SW2001 — Wall-clock time used for a timeout: what is reported, and what is left alone.</summary>
public class SW2001WallClockTimeoutTests
{
    // ---------------------------------------------------------------- reported: loop conditions

    [Fact]
    public Task Deadline_from_UtcNow_AddSeconds_in_while_condition_with_Task_Delay_is_reported_at_the_deadline()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;

            public static class Eventually
            {
                public static async Task<bool> WaitForAsync(Func<Task<bool>> probe, int seconds)
                {
                    var until = {|SW2001:DateTime.UtcNow|}.AddSeconds(seconds);
                    while (DateTime.UtcNow < until)
                    {
                        if (await probe())
                        {
                            return true;
                        }

                        await Task.Delay(250);
                    }

                    return false;
                }
            }
            """);

    [Fact]
    public Task Elapsed_TotalMilliseconds_in_while_condition_with_Thread_Sleep_is_reported_at_the_start()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            class Poller
            {
                public bool WaitForFile(Func<bool> ready)
                {
                    DateTime started = {|SW2001:DateTime.Now|};
                    while ((DateTime.Now - started).TotalMilliseconds < 5000)
                    {
                        if (ready()) return true;
                        Thread.Sleep(100);
                    }

                    return false;
                }
            }
            """);

    // From public code (GitHub corpus): the elapsed span goes through a helper that makes it a number of seconds.
    [Fact]
    public Task Elapsed_span_converted_by_an_extension_or_static_helper_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            public static class Spans
            {
                public static double ToSeconds(this TimeSpan span) => span.TotalSeconds;
                public static long Millis(TimeSpan span) => (long)span.TotalMilliseconds;
            }

            public class Simulator
            {
                public void Busy(int seconds)
                {
                    var begin = {|SW2001:DateTime.Now|};
                    while (true)
                    {
                        if ((DateTime.Now - begin).ToSeconds() > seconds) break;
                        Thread.Sleep(100);
                    }
                }

                public void Wait(long limit)
                {
                    var start = {|SW2001:DateTime.UtcNow|};
                    while (Spans.Millis(DateTime.UtcNow - start) < limit)
                    {
                        Thread.Sleep(10);
                    }
                }

                public void Configured(TimeSpan timeout, Func<bool> done)
                {
                    // A span that is not measured from the clock is just a limit.
                    while (!done() && timeout.ToSeconds() > 1)
                    {
                        Thread.Sleep(10);
                    }
                }
            }
            """);

    [Fact]
    public Task Do_while_with_deadline_plus_timeout_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;

            class AuditProbe
            {
                public async Task<string?> FindAsync(Func<Task<string?>> query, TimeSpan timeout)
                {
                    var limit = {|SW2001:DateTimeOffset.UtcNow|} + timeout;
                    do
                    {
                        var hit = await query();
                        if (hit is not null) return hit;
                        await Task.Delay(500);
                    }
                    while (DateTimeOffset.UtcNow < limit);
                    return null;
                }
            }
            """);

    [Fact]
    public Task For_loop_with_clock_in_condition_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            class Retry
            {
                public void Run(Func<bool> attempt)
                {
                    var start = {|SW2001:DateTimeOffset.Now|};
                    for (var i = 0; DateTimeOffset.Now.Subtract(start).TotalSeconds < 30; i++)
                    {
                        if (attempt()) return;
                        Thread.Sleep(50 * i);
                    }
                }
            }
            """);

    [Fact]
    public Task TimeProvider_GetUtcNow_is_a_wall_clock()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading.Tasks;

            class LeaseWaiter
            {
                private readonly TimeProvider _time;

                public LeaseWaiter(TimeProvider time) => _time = time;

                public async Task WaitAsync(Func<bool> free, TimeSpan timeout)
                {
                    var deadline = {|SW2001:_time.GetUtcNow()|}.Add(timeout);
                    while (!free() && _time.GetUtcNow() < deadline)
                    {
                        await Task.Delay(100);
                    }
                }
            }
            """);

    [Fact]
    public Task Start_in_a_field_is_reported_at_the_first_read_in_the_comparison()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            class Session
            {
                private DateTime _startedAt = DateTime.UtcNow;

                public void WaitUntilIdle(Func<bool> idle)
                {
                    while (!idle() && {|SW2001:DateTime.UtcNow|} - _startedAt < TimeSpan.FromMinutes(1))
                    {
                        Thread.Sleep(200);
                    }
                }
            }
            """);

    [Fact]
    public Task Deadline_parameter_is_reported_at_the_read_in_the_loop()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            static class Wait
            {
                public static bool Until(Func<bool> condition, DateTime deadline)
                {
                    while ({|SW2001:DateTime.UtcNow|} <= deadline)
                    {
                        if (condition()) return true;
                        Thread.Sleep(10);
                    }

                    return false;
                }
            }
            """);

    // ---------------------------------------------------------------- reported: exits in the body

    [Fact]
    public Task If_that_throws_inside_catch_of_a_lock_retry_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public sealed class LockFactory
            {
                public async Task<FileStream> CreateAsync(string path, TimeSpan timeOut)
                {
                    var startTime = {|SW2001:DateTime.Now|};
                    while (true)
                    {
                        try
                        {
                            return File.Open(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
                        }
                        catch (IOException)
                        {
                            if (DateTime.Now - startTime > timeOut) throw;
                            await Task.Delay(TimeSpan.FromSeconds(1));
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task If_that_breaks_through_an_elapsed_local_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            class Worker
            {
                public int Drain(Func<bool> step)
                {
                    var count = 0;
                    var begin = {|SW2001:DateTime.UtcNow|};
                    while (step())
                    {
                        count++;
                        var elapsed = DateTime.UtcNow - begin;
                        if (elapsed.TotalSeconds > 10)
                        {
                            break;
                        }

                        Thread.Sleep(1);
                    }

                    return count;
                }
            }
            """);

    [Fact]
    public Task If_that_continues_and_if_that_returns_are_reported_once_per_loop()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            class Queue
            {
                public bool Take(Func<bool> tryTake, TimeSpan timeout)
                {
                    var deadline = {|SW2001:DateTime.UtcNow|}.Add(timeout);
                    while (true)
                    {
                        if (tryTake()) return true;
                        if (DateTime.UtcNow > deadline) return false;
                        if (DateTime.UtcNow.AddMilliseconds(10) < deadline) { Thread.Sleep(10); continue; }
                        Thread.SpinWait(100);
                    }
                }
            }
            """);

    [Fact]
    public Task Exception_filter_of_a_retried_file_open_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class ConfigReader
            {
                public string Read(string path)
                {
                    var giveUpAt = {|SW2001:DateTime.Now|}.AddSeconds(5);
                    while (true)
                    {
                        try
                        {
                            return File.ReadAllText(path);
                        }
                        catch (IOException) when (DateTime.Now < giveUpAt)
                        {
                            Thread.Sleep(100);
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task File_open_retried_in_try_catch_counts_as_retrying_without_a_sleep()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            class Spin
            {
                public FileStream Open(string path)
                {
                    var start = {|SW2001:DateTime.UtcNow|};
                    while (DateTime.UtcNow - start < TimeSpan.FromSeconds(2))
                    {
                        try
                        {
                            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
                        }
                        catch (IOException)
                        {
                        }
                    }

                    throw new TimeoutException();
                }
            }
            """);

    [Fact]
    public Task Guard_call_that_throws_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            static class Guard
            {
                public static void IsTrue(bool condition, string message)
                {
                    if (!condition) throw new TimeoutException(message);
                }
            }

            class Replica
            {
                public void WaitForSync(Func<bool> synced)
                {
                    var t0 = {|SW2001:DateTime.UtcNow|};
                    while (!synced())
                    {
                        Guard.IsTrue((DateTime.UtcNow - t0).TotalSeconds < 30, "replica did not sync");
                        Thread.Sleep(500);
                    }
                }
            }
            """);

    [Fact]
    public Task Wait_handles_semaphores_and_monitors_count_as_waits()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Waits
            {
                public void Handle(WaitHandle handle, Func<bool> done)
                {
                    var start = {|SW2001:DateTime.Now|};
                    while (!done() && DateTime.Now - start < TimeSpan.FromSeconds(3)) handle.WaitOne(50);
                }

                public async Task Semaphore(SemaphoreSlim gate, Func<bool> done)
                {
                    var end = {|SW2001:DateTime.UtcNow|}.AddMinutes(1);
                    while (!done() && DateTime.UtcNow < end) await gate.WaitAsync(100);
                }

                public void Monitor(object sync, Func<bool> done)
                {
                    var end = {|SW2001:DateTime.UtcNow|}.AddMinutes(1);
                    while (!done())
                    {
                        if (DateTime.UtcNow >= end) throw new TimeoutException();
                        if (System.Threading.Monitor.TryEnter(sync, 10)) System.Threading.Monitor.Exit(sync);
                    }
                }

                public void Spin(Func<bool> done)
                {
                    var end = {|SW2001:DateTime.UtcNow|}.AddTicks(10_000);
                    var spinner = new SpinWait();
                    while (!done() && DateTime.UtcNow.Ticks < end.Ticks) spinner.SpinOnce();
                }
            }
            """);

    [Fact]
    public Task Loop_flag_assigned_from_an_elapsed_comparison_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            class Pump
            {
                public void Run(Action pumpOnce, TimeSpan waitTime)
                {
                    var startTime = {|SW2001:DateTime.Now|};
                    var wait = true;
                    while (wait)
                    {
                        pumpOnce();
                        Thread.Sleep(10);
                        wait = DateTime.Now - startTime < waitTime;
                    }
                }
            }
            """);

    [Fact]
    public Task Sleep_in_a_helper_of_the_same_file_counts_as_a_wait()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            class Backoff
            {
                public void Connect(Func<bool> tryConnect)
                {
                    var deadline = {|SW2001:DateTime.UtcNow|} + TimeSpan.FromSeconds(20);
                    var attempt = 0;
                    while (!tryConnect())
                    {
                        if (DateTime.UtcNow > deadline) throw new TimeoutException();
                        Pause(++attempt);
                    }
                }

                private static void Pause(int attempt) => Thread.Sleep(Math.Min(1000, 50 * attempt));
            }
            """);

    [Fact]
    public Task Lambda_loops_are_analyzed_and_restarted_starts_are_reported_at_the_initializer()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Watchdog
            {
                public Task Start(Func<bool> alive) => Task.Run(async () =>
                {
                    var lastSeen = {|SW2001:DateTime.UtcNow|};
                    while (true)
                    {
                        if (alive()) lastSeen = DateTime.UtcNow;
                        else if (DateTime.UtcNow - lastSeen > TimeSpan.FromSeconds(30)) return;
                        await Task.Delay(1000);
                    }
                });
            }
            """);

    // ---------------------------------------------------------------- not reported

    [Fact]
    public Task Stopwatch_TickCount_and_TimeProvider_timestamps_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Diagnostics;
            using System.Threading;

            class Monotonic
            {
                public void A(Func<bool> done)
                {
                    var sw = Stopwatch.StartNew();
                    while (!done() && sw.Elapsed < TimeSpan.FromSeconds(5)) Thread.Sleep(10);
                }

                public void B(Func<bool> done)
                {
                    var end = Environment.TickCount64 + 5000;
                    while (!done() && Environment.TickCount64 < end) Thread.Sleep(10);
                    var end32 = Environment.TickCount + 5000;
                    while (!done() && Environment.TickCount - end32 < 0) Thread.Sleep(10);
                }

                public void C(TimeProvider time, Func<bool> done)
                {
                    var start = time.GetTimestamp();
                    while (!done() && time.GetElapsedTime(start) < TimeSpan.FromSeconds(5)) Thread.Sleep(10);
                }
            }
            """);

    [Fact]
    public Task Timestamps_logged_stored_or_sent_inside_wait_loops_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Threading;

            class Heartbeat
            {
                private DateTime _lastBeat;
                private readonly List<DateTimeOffset> _history = new();

                public void Run(Func<bool> stop, Action<string> send)
                {
                    var sw = Stopwatch.StartNew();
                    while (!stop() && sw.Elapsed < TimeSpan.FromMinutes(5))
                    {
                        _lastBeat = DateTime.UtcNow;
                        _history.Add(DateTimeOffset.Now);
                        Console.WriteLine($"{DateTime.Now:O} beat");
                        send(DateTime.UtcNow.ToString("O"));
                        Thread.Sleep(1000);
                    }
                }
            }
            """);

    [Fact]
    public Task DateTime_used_only_for_a_file_name_in_a_retry_loop_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class Backups
            {
                public void Save(string dir, byte[] data)
                {
                    for (var attempt = 0; attempt < 5; attempt++)
                    {
                        var name = Path.Combine(dir, $"backup-{DateTime.Now:yyyyMMdd-HHmmss}.bin");
                        try
                        {
                            File.WriteAllBytes(name, data);
                            return;
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(1000);
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task Elapsed_time_measured_after_a_loop_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            class Bench
            {
                public TimeSpan Measure(Action work)
                {
                    var start = DateTime.Now;
                    for (var i = 0; i < 10; i++)
                    {
                        work();
                        Thread.Sleep(1);
                    }

                    var took = DateTime.Now - start;
                    if (took > TimeSpan.FromSeconds(1)) Console.WriteLine("slow");
                    return took;
                }
            }
            """);

    [Fact]
    public Task Clock_comparison_in_a_loop_that_never_waits_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            class Cache
            {
                public int Evict(List<(string Key, DateTime Expires)> entries)
                {
                    var removed = 0;
                    var now = DateTime.UtcNow;
                    for (var i = entries.Count - 1; i >= 0; i--)
                    {
                        if (entries[i].Expires < now) { entries.RemoveAt(i); removed++; continue; }
                    }

                    var budgetEnd = DateTime.UtcNow.AddMilliseconds(5);
                    while (DateTime.UtcNow < budgetEnd && entries.Count > 0) entries.RemoveAt(0);
                    return removed;
                }
            }
            """);

    [Fact]
    public Task Time_boxed_batch_that_deletes_files_without_waiting_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            class Janitor
            {
                public int Sweep(Queue<string> stale)
                {
                    var budgetEnd = DateTime.UtcNow.AddSeconds(30);
                    var deleted = 0;
                    while (stale.Count > 0 && DateTime.UtcNow < budgetEnd)
                    {
                        var path = stale.Dequeue();
                        try
                        {
                            File.Delete(path);
                            deleted++;
                        }
                        catch (IOException)
                        {
                            Console.WriteLine($"in use: {path}");
                        }
                    }

                    return deleted;
                }
            }
            """);

    [Fact]
    public Task Calendar_schedules_and_other_objects_timestamps_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            sealed class Token { public DateTime ExpiresAt { get; set; } }

            class Scheduler
            {
                public void RunNightly(Action job)
                {
                    while (DateTime.Now.Hour != 3) Thread.Sleep(60_000);
                    while (DateTime.Now.TimeOfDay < TimeSpan.FromHours(4)) Thread.Sleep(60_000);
                    job();
                }

                public void Refresh(Token token, Func<Token> renew)
                {
                    while (true)
                    {
                        if (DateTime.UtcNow < token.ExpiresAt) break;
                        token = renew();
                        Thread.Sleep(100);
                    }
                }
            }
            """);

    [Fact]
    public Task Clock_in_a_condition_that_does_not_exit_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Diagnostics;
            using System.Threading;

            class Progress
            {
                public void Copy(Func<bool> step)
                {
                    var lastReport = DateTime.UtcNow;
                    var sw = Stopwatch.StartNew();
                    while (step() && sw.Elapsed < TimeSpan.FromHours(1))
                    {
                        if (DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(1))
                        {
                            Console.WriteLine("still copying");
                            lastReport = DateTime.UtcNow;
                        }

                        Thread.Sleep(5);
                    }
                }
            }
            """);

    [Fact]
    public Task Broken_and_half_typed_code_does_not_throw()
        => new Verify.Test
        {
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = """
                using System;
                using System.Threading;

                class Broken
                {
                    public void A()
                    {
                        var start = DateTime.Nw;
                        while (({|SW2001:DateTime.UtcNow|} - start < timeout)
                        {
                            Thread.Sleep(10);
                        }
                    }

                    public void B()
                    {
                        var deadline = DateTime.UtcNow.AddSeconds(5);
                        while (DateTime.UtcNow < deadline) Sleeep(10);
                        while (DateTime.UtcNow < deadlin) Thread.Sleep(
                    }

                    public void C(
                    {
                        for (;DateTime.Now <
                """,
        }.RunAsync();
}
