using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Waits.WallClockTimeoutAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>
/// SW2001 (issue 13, "Waits and locks"): the ways real loops wait that are not a <c>Thread.Sleep</c> in the loop
/// itself — <c>Thread.Yield</c>, helpers of the compilation in other files and deeper, <c>goto</c> retry loops,
/// long-poll calls told to block for what is left of the timeout — and their look-alikes.
/// </summary>
public class SW2001WaitShapesTests
{
    // ---------------------------------------------------------------- Thread.Yield in the loop

    [Fact]
    public Task Thread_Yield_in_the_loop_is_a_wait()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Threading;

            public class Flag
            {
                private volatile bool _set;

                public void Set() => _set = true;

                public bool SpinUntilSet(TimeSpan limit)
                {
                    var giveUpAt = {|SW2001:DateTime.UtcNow|} + limit;
                    while (!_set)
                    {
                        if (DateTime.UtcNow >= giveUpAt) return false;
                        Thread.Yield();
                    }

                    return true;
                }
            }
            """);

    [Fact]
    public Task A_method_of_the_program_named_Yield_is_not_a_wait()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public class Harvest
            {
                private readonly Queue<int> _crops = new();

                public int Yield() => _crops.Count == 0 ? 0 : _crops.Dequeue();

                public int Gather(TimeSpan budget)
                {
                    var total = 0;
                    var stopAt = DateTime.UtcNow + budget;
                    while (DateTime.UtcNow < stopAt)
                    {
                        total += Yield();
                    }

                    return total;
                }
            }
            """);

    // ---------------------------------------------------------------- waits in methods of the compilation

    [Theory]
    [InlineData("Thread.Sleep(delay);")]
    [InlineData("Task.Delay(delay).Wait();")]
    [InlineData("Thread.SpinWait(delay * 10);")]
    [InlineData("var spinner = new SpinWait(); for (var i = 0; i < delay; i++) spinner.SpinOnce();")]
    [InlineData("lock (Gate) { Monitor.Wait(Gate, delay); }")]
    [InlineData("for (var i = 0; i < delay; i++) Thread.Yield();")]
    public Task A_helper_in_another_file_that_waits_makes_the_loop_wait(string wait)
        => VerifySourcesAsync(
            """
            using System;

            public class Connector
            {
                public bool Connect(Func<bool> tryOnce)
                {
                    var deadline = {|SW2001:DateTime.UtcNow|}.AddSeconds(30);
                    var attempt = 0;
                    while (!tryOnce())
                    {
                        if (DateTime.UtcNow > deadline) return false;
                        Pauses.Backoff(++attempt);
                    }

                    return true;
                }
            }
            """,
            $$"""
            using System.Threading;
            using System.Threading.Tasks;

            public static class Pauses
            {
                private static readonly object Gate = new();

                public static void Backoff(int attempt)
                {
                    var delay = 20 * attempt;
                    {{wait}}
                }
            }
            """);

    [Fact]
    public Task A_wait_two_helpers_deep_in_other_files_and_an_instance_helper_count()
        => VerifySourcesAsync(
            """
            using System;
            using System.Threading.Tasks;

            public class Poller
            {
                private readonly RetryPolicy _policy = new();

                public async Task<bool> PollAsync(Func<Task<bool>> ready, TimeSpan timeout)
                {
                    var began = {|SW2001:DateTime.Now|};
                    while (DateTime.Now - began < timeout)
                    {
                        if (await ready()) return true;
                        await _policy.PauseAsync();
                    }

                    return false;
                }
            }
            """,
            """
            using System.Threading.Tasks;

            public class RetryPolicy
            {
                public Task PauseAsync() => Timing.Quiet(150);
            }
            """,
            """
            using System.Threading.Tasks;

            public static class Timing
            {
                public static async Task Quiet(int milliseconds) => await Task.Delay(milliseconds);
            }
            """);

    [Fact]
    public Task Helpers_that_do_not_wait_are_not_waits_even_when_they_call_each_other_or_schedule_a_wait()
        => VerifySourcesAsync(
            """
            using System;

            public class Drainer
            {
                public int Drain(Func<bool> more, TimeSpan budget)
                {
                    var count = 0;
                    var endAt = DateTime.UtcNow + budget;
                    while (more())
                    {
                        if (DateTime.UtcNow > endAt) break;
                        count += Steps.Even(count) ? 2 : 1;
                        Steps.Later(count);
                    }

                    return count;
                }
            }
            """,
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            public static class Steps
            {
                // Mutually recursive; the only wait is in a callback that is never run here: the cycle must end.
                public static bool Even(int n) => n == 0 || Odd(n - 1, () => Thread.Sleep(1));

                public static bool Odd(int n, Action idle) => n != 0 && Even(n - 1);

                // The wait runs on another thread later; this call returns at once.
                public static void Later(int n) => _ = Task.Run(() => Thread.Sleep(n));
            }
            """);

    // ---------------------------------------------------------------- goto retry loops

    [Fact]
    public Task Goto_retry_loop_with_a_deadline_check_and_a_sleep_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            public static class Journal
            {
                public static string ReadShared(string path)
                {
                    var deadline = {|SW2001:DateTime.UtcNow|}.AddSeconds(5);
                retry:
                    if (DateTime.UtcNow > deadline)
                    {
                        throw new TimeoutException(path);
                    }

                    try
                    {
                        return File.ReadAllText(path);
                    }
                    catch (IOException)
                    {
                        Thread.Sleep(40);
                        goto retry;
                    }
                }
            }
            """);

    [Fact]
    public Task Goto_retry_loop_that_jumps_back_while_time_is_left_is_reported_with_the_label_as_the_loop()
        => Verify.VerifyAnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;

            public static class Probe
            {
                public static async Task<bool> UntilUpAsync(Func<Task<bool>> up, DateTimeOffset giveUp)
                {
                again:
                    if (await up()) return true;
                    await Task.Delay(100);
                    if (DateTimeOffset.UtcNow < giveUp) goto again;
                    return false;
                }
            }
            """,
            Verify.Diagnostic("SW2001").WithSpan(11, 13, 11, 34).WithSpan(8, 5, 8, 10).WithArguments("DateTimeOffset.UtcNow"));

    [Fact]
    public Task Goto_retry_loop_decided_in_an_exception_filter_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            public static class Ledger
            {
                public static void Append(string path, string line)
                {
                    var until = {|SW2001:DateTime.Now|} + TimeSpan.FromSeconds(2);
                attempt:
                    try
                    {
                        File.AppendAllText(path, line);
                    }
                    catch (IOException) when (DateTime.Now < until)
                    {
                        Thread.Sleep(25);
                        goto attempt;
                    }
                }
            }
            """);

    [Fact]
    public Task Forward_goto_and_a_goto_loop_that_never_waits_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading;

            public static class Steps
            {
                public static void TimedStep(Action step, TimeSpan slow)
                {
                    var start = DateTime.UtcNow;
                    step();
                    Thread.Sleep(10);
                    if (DateTime.UtcNow - start > slow) goto report;
                    return;
                report:
                    Console.WriteLine("slow step");
                }

                public static int Count(Queue<int> items, DateTime stopAt)
                {
                    var seen = 0;
                next:
                    if (items.Count == 0 || DateTime.UtcNow > stopAt) return seen;
                    items.Dequeue();
                    seen++;
                    goto next;
                }
            }
            """);

    // ---------------------------------------------------------------- long-poll calls told what is left

    private const string QueueClient = """
        using System;
        using System.Threading.Tasks;

        public sealed class ReceiveRequest
        {
            public string Queue { get; set; } = "";
            public int WaitTimeSeconds { get; set; }
            public int MaxMessages { get; set; } = 1;
        }

        public sealed class QueueClient
        {
            public Task<string[]> ReceiveAsync(ReceiveRequest request) => Task.FromResult(Array.Empty<string>());
            public string? Receive(string queue, TimeSpan timeout) => null;
            public void Note(string text, TimeSpan waited) { }
            public void Note(string text, double remaining) { }
        }
        """;

    [Fact]
    public Task Long_poll_request_whose_wait_time_is_the_timeout_minus_the_elapsed_time_is_reported()
        => VerifyWithQueueClient("""
            using System;
            using System.Threading.Tasks;

            public class Consumer
            {
                public async Task<string?> NextAsync(QueueClient client, TimeSpan timeout)
                {
                    var started = {|SW2001:DateTime.UtcNow|};
                    while (true)
                    {
                        var elapsed = DateTime.UtcNow - started;
                        if (elapsed >= timeout) return null;
                        var request = new ReceiveRequest { Queue = "jobs", WaitTimeSeconds = (int)(timeout - elapsed).TotalSeconds };
                        var messages = await client.ReceiveAsync(request);
                        if (messages.Length > 0) return messages[0];
                    }
                }
            }
            """);

    [Fact]
    public Task Blocking_receive_with_a_timeout_argument_left_until_the_deadline_is_reported()
        => VerifyWithQueueClient("""
            using System;

            public class Worker
            {
                public string? Take(QueueClient client, TimeSpan timeout)
                {
                    var deadline = {|SW2001:DateTime.UtcNow|} + timeout;
                    while (DateTime.UtcNow < deadline)
                    {
                        var message = client.Receive("jobs", deadline - DateTime.UtcNow);
                        if (message is not null && message.Length > 0) return message;
                    }

                    return null;
                }
            }
            """);

    [Fact]
    public Task Elapsed_or_remaining_time_only_reported_to_a_non_waiting_parameter_is_not_a_wait()
        => VerifyWithQueueClient("""
            using System;
            using System.Collections.Generic;

            public class Reporter
            {
                public int Scan(QueueClient client, Queue<string> pending, TimeSpan timeout)
                {
                    var handled = 0;
                    var started = DateTime.UtcNow;
                    while (DateTime.UtcNow - started < timeout && pending.Count > 0)
                    {
                        client.Note(pending.Dequeue(), waited: DateTime.UtcNow - started);
                        client.Note("left", remaining: (timeout - (DateTime.UtcNow - started)).TotalSeconds);
                        var request = new ReceiveRequest { Queue = "jobs", MaxMessages = (int)(DateTime.UtcNow - started).TotalSeconds };
                        handled++;
                    }

                    return handled;
                }
            }
            """);

    [Fact]
    public Task Long_poll_with_a_fixed_wait_time_and_a_monotonic_clock_is_not_reported()
        => VerifyWithQueueClient("""
            using System;
            using System.Diagnostics;
            using System.Threading.Tasks;

            public class SteadyConsumer
            {
                public async Task<string?> NextAsync(QueueClient client, TimeSpan timeout)
                {
                    var clock = Stopwatch.StartNew();
                    while (clock.Elapsed < timeout)
                    {
                        var messages = await client.ReceiveAsync(new ReceiveRequest { WaitTimeSeconds = (int)(timeout - clock.Elapsed).TotalSeconds });
                        if (messages.Length > 0) return messages[0];
                    }

                    return null;
                }
            }
            """);

    private static Task VerifyWithQueueClient(string source) => VerifySourcesAsync(source, QueueClient);

    private static Task VerifySourcesAsync(params string[] sources)
    {
        var test = new Verify.Test();
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        return test.RunAsync(CancellationToken.None);
    }
}
