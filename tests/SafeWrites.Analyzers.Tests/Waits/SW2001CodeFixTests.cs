using System.Threading.Tasks;
using SafeWrites.CodeFixes.Waits;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Waits.WallClockTimeoutAnalyzer,
    SafeWrites.CodeFixes.Waits.WallClockTimeoutCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>SW2001 fix "Use a monotonic clock": same behaviour on Stopwatch; fixed code must compile.</summary>
public class SW2001CodeFixTests
{
    [Fact]
    public Task Start_and_elapsed_become_a_Stopwatch_and_the_using_is_added()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.Threading;

            class Poller
            {
                public bool WaitForFile(Func<bool> ready)
                {
                    // Give the writer five seconds.
                    var started = {|SW2001:DateTime.Now|}; // start
                    while ((DateTime.Now - started).TotalMilliseconds < 5000)
                    {
                        if (ready()) return true;
                        Thread.Sleep(100);
                    }

                    return false;
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using System.Threading;

            class Poller
            {
                public bool WaitForFile(Func<bool> ready)
                {
                    // Give the writer five seconds.
                    var started = Stopwatch.StartNew(); // start
                    while (started.Elapsed.TotalMilliseconds < 5000)
                    {
                        if (ready()) return true;
                        Thread.Sleep(100);
                    }

                    return false;
                }
            }
            """);

    [Fact]
    public Task Explicit_type_Subtract_and_restart_are_rewritten()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.Diagnostics;
            using System.Threading.Tasks;

            class Watchdog
            {
                public async Task Watch(Func<bool> alive, TimeSpan idleLimit)
                {
                    DateTimeOffset lastSeen = {|SW2001:DateTimeOffset.UtcNow|};
                    while (true)
                    {
                        if (alive()) lastSeen = DateTimeOffset.UtcNow;
                        else if (DateTimeOffset.UtcNow.Subtract(lastSeen) > idleLimit) return;
                        await Task.Delay(1000);
                    }
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using System.Threading.Tasks;

            class Watchdog
            {
                public async Task Watch(Func<bool> alive, TimeSpan idleLimit)
                {
                    Stopwatch lastSeen = Stopwatch.StartNew();
                    while (true)
                    {
                        if (alive()) lastSeen.Restart();
                        else if (lastSeen.Elapsed > idleLimit) return;
                        await Task.Delay(1000);
                    }
                }
            }
            """);

    [Fact]
    public Task Deadline_from_AddSeconds_becomes_a_Stopwatch_and_a_timeout()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.Threading.Tasks;

            public static class Eventually
            {
                public static async Task<bool> WaitForAsync(Func<Task<bool>> probe, int seconds)
                {
                    var until = {|SW2001:DateTime.UtcNow|}.AddSeconds(seconds);
                    while (DateTime.UtcNow < until)
                    {
                        if (await probe()) return true;
                        await Task.Delay(250);
                    }

                    return false;
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using System.Threading.Tasks;

            public static class Eventually
            {
                public static async Task<bool> WaitForAsync(Func<Task<bool>> probe, int seconds)
                {
                    var untilStopwatch = Stopwatch.StartNew();
                    var untilTimeout = TimeSpan.FromSeconds(seconds);
                    while (untilStopwatch.Elapsed < untilTimeout)
                    {
                        if (await probe()) return true;
                        await Task.Delay(250);
                    }

                    return false;
                }
            }
            """);

    [Fact]
    public Task Deadline_plus_timeout_with_reversed_comparison_and_remaining_time_is_rewritten()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.Threading;

            class Queue
            {
                public bool Take(Func<bool> tryTake, TimeSpan timeout)
                {
                    DateTime deadline = {|SW2001:DateTime.UtcNow|} + timeout;
                    while (!tryTake())
                    {
                        if (deadline <= DateTime.UtcNow) return false;
                        var remaining = deadline - DateTime.UtcNow;
                        Thread.Sleep(remaining < TimeSpan.FromMilliseconds(50) ? remaining : TimeSpan.FromMilliseconds(50));
                    }

                    return true;
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using System.Threading;

            class Queue
            {
                public bool Take(Func<bool> tryTake, TimeSpan timeout)
                {
                    Stopwatch deadlineStopwatch = Stopwatch.StartNew();
                    TimeSpan deadlineTimeout = timeout;
                    while (!tryTake())
                    {
                        if (deadlineTimeout <= deadlineStopwatch.Elapsed) return false;
                        var remaining = deadlineTimeout - deadlineStopwatch.Elapsed;
                        Thread.Sleep(remaining < TimeSpan.FromMilliseconds(50) ? remaining : TimeSpan.FromMilliseconds(50));
                    }

                    return true;
                }
            }
            """);

    [Fact]
    public Task Deadline_derived_from_the_start_becomes_a_timeout_span_from_the_stopwatch()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.Threading;

            public class BreathingActivity
            {
                public void Run(int seconds)
                {
                    DateTime startTime = {|SW2001:DateTime.Now|};
                    DateTime endTime = startTime.AddSeconds(seconds);
                    while (DateTime.Now < endTime)
                    {
                        Console.Write("Breathe in...");
                        Thread.Sleep(4000);
                    }
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using System.Threading;

            public class BreathingActivity
            {
                public void Run(int seconds)
                {
                    Stopwatch startTime = Stopwatch.StartNew();
                    TimeSpan endTime = TimeSpan.FromSeconds(seconds);
                    while (startTime.Elapsed < endTime)
                    {
                        Console.Write("Breathe in...");
                        Thread.Sleep(4000);
                    }
                }
            }
            """);

    [Fact]
    public Task Fix_all_rewrites_every_loop_in_the_document()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.Threading;

            class Waits
            {
                public void A(Func<bool> done)
                {
                    var start = {|SW2001:DateTime.Now|};
                    while (!done() && DateTime.Now - start < TimeSpan.FromSeconds(3)) Thread.Sleep(50);
                }

                public void B(Func<bool> done)
                {
                    var end = {|SW2001:DateTime.UtcNow|}.AddMinutes(1);
                    while (!done() && DateTime.UtcNow < end) Thread.Sleep(50);
                    var again = {|SW2001:DateTime.UtcNow|};
                    while (!done() && (DateTime.UtcNow - again).TotalSeconds < 5) Thread.Sleep(50);
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using System.Threading;

            class Waits
            {
                public void A(Func<bool> done)
                {
                    var start = Stopwatch.StartNew();
                    while (!done() && start.Elapsed < TimeSpan.FromSeconds(3)) Thread.Sleep(50);
                }

                public void B(Func<bool> done)
                {
                    var endStopwatch = Stopwatch.StartNew();
                    var endTimeout = TimeSpan.FromMinutes(1);
                    while (!done() && endStopwatch.Elapsed < endTimeout) Thread.Sleep(50);
                    var again = Stopwatch.StartNew();
                    while (!done() && again.Elapsed.TotalSeconds < 5) Thread.Sleep(50);
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_start_escapes()
        => Verify.VerifyNoFixAsync("""
            using System;
            using System.Threading;

            class Job
            {
                public DateTime StartedAt { get; private set; }

                public DateTime Run(Func<bool> done)
                {
                    var start = {|SW2001:DateTime.UtcNow|};
                    StartedAt = start;
                    while (!done() && DateTime.UtcNow - start < TimeSpan.FromMinutes(1)) Thread.Sleep(10);
                    return start;
                }
            }
            """);

    [Fact]
    public Task No_fix_for_fields_parameters_TimeProvider_or_mixed_clocks()
        => Verify.VerifyNoFixAsync("""
            using System;
            using System.Threading;

            class Shapes
            {
                private DateTime _startedAt = DateTime.UtcNow;

                public void Field(Func<bool> idle)
                {
                    while (!idle() && {|SW2001:DateTime.UtcNow|} - _startedAt < TimeSpan.FromMinutes(1)) Thread.Sleep(200);
                }

                public void Provider(TimeProvider time, Func<bool> done)
                {
                    var deadline = {|SW2001:time.GetUtcNow()|}.AddSeconds(5);
                    while (!done() && time.GetUtcNow() < deadline) Thread.Sleep(10);
                }

                public void Mixed(Func<bool> done)
                {
                    var start = {|SW2001:DateTime.Now|};
                    while (!done() && DateTime.UtcNow - start < TimeSpan.FromSeconds(1)) Thread.Sleep(10);
                }

                public void Months(Func<bool> done)
                {
                    var deadline = {|SW2001:DateTime.UtcNow|}.AddMonths(1);
                    while (!done() && DateTime.UtcNow < deadline) Thread.Sleep(10);
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_generated_names_are_taken()
        => Verify.VerifyNoFixAsync("""
            using System;
            using System.Threading;

            class Taken
            {
                public void Run(Func<bool> done)
                {
                    var deadlineTimeout = 3;
                    var deadline = {|SW2001:DateTime.UtcNow|}.AddSeconds(deadlineTimeout);
                    while (!done() && DateTime.UtcNow < deadline) Thread.Sleep(10);
                }
            }
            """);
}
