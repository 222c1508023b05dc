using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SafeWrites.Tests.Infrastructure;
using Xunit;

namespace SafeWrites.Tests;

public sealed class LockTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    private string LockPath => _dir.File("state.json.lock");

    [Fact]
    public void Held_lock_times_out_after_500ms_naming_the_holder_pid()
    {
        using var holder = HoldInChild();

        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<FileLockTimeoutException>(() => FileLock.Acquire(LockPath, TimeSpan.FromMilliseconds(500)));
        watch.Stop();

        Assert.InRange(watch.ElapsedMilliseconds, 350, 650);
        Assert.Equal(holder.Id, e.HolderProcessId);
        Assert.Contains("pid=" + holder.Id.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(LockPath), e.LockPath);
        Assert.Equal(TimeSpan.FromMilliseconds(500), e.Timeout);
        Assert.False(FileLock.TryAcquire(LockPath, out var none));
        Assert.Null(none);
    }

    [Fact]
    public async Task Holder_killed_with_SIGKILL_frees_the_lock_within_one_second()
    {
        using var holder = HoldInChild();
        var waiter = FileLock.AcquireAsync(LockPath, TimeSpan.FromSeconds(30));
        await Task.Delay(300);
        Assert.False(waiter.IsCompleted, "The waiter got the lock while the child held it.");

        var watch = Stopwatch.StartNew();
        holder.Kill();
        await using var acquired = await waiter.WaitAsync(TimeSpan.FromSeconds(10));
        watch.Stop();

        Assert.True(watch.ElapsedMilliseconds < 1000, $"The lock was free {watch.ElapsedMilliseconds} ms after the holder died.");
        Assert.True(File.Exists(LockPath), "The lock file must never be deleted.");
    }

    [Fact]
    public async Task Two_locks_on_one_path_in_one_process_exclude_each_other()
    {
        var inside = 0;
        var maxInside = 0;
        var entries = 0;

        // Started from a flow that holds nothing, so each task is its own holder.
        var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 20; i++)
            {
                using var held = FileLock.Acquire(LockPath, TimeSpan.FromSeconds(10));
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                Interlocked.Increment(ref entries);
                Thread.Sleep(2);
                Interlocked.Decrement(ref inside);
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(1, maxInside);
        Assert.Equal(40, entries);

        // And directly: while one holds it, a second (from another flow) cannot take it.
        using var first = FileLock.Acquire(LockPath, TimeSpan.FromSeconds(1));
        var second = await RunInCleanFlow(() => FileLock.TryAcquire(LockPath, out var l) ? l : null);
        Assert.Null(second);
    }

    [Fact]
    public async Task Async_waiters_do_not_block_thread_pool_threads()
    {
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        var cores = Environment.ProcessorCount;
        try
        {
            Assert.True(ThreadPool.SetMinThreads(cores, cores));
            Assert.True(ThreadPool.SetMaxThreads(cores + 2, cores + 2));

            var inside = 0;
            var maxInside = 0;
            var completed = 0;
            var holder = await RunInCleanFlow(() => FileLock.Acquire(LockPath, TimeSpan.FromSeconds(5)));
            var waiters = await RunInCleanFlow(() => Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
            {
                await using var held = await FileLock.AcquireAsync(LockPath, TimeSpan.FromSeconds(60));
                InterlockedMax(ref maxInside, Interlocked.Increment(ref inside));
                await Task.Yield();
                Interlocked.Decrement(ref inside);
                Interlocked.Increment(ref completed);
            })).ToArray());

            // All 200 are now waiting on a lock held elsewhere; with blocking waits the pool would be exhausted.
            await Task.Delay(300);
            Assert.Equal(0, Volatile.Read(ref completed));
            holder.Dispose();

            await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(200, completed);
            Assert.Equal(1, maxInside);
        }
        finally
        {
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
            ThreadPool.SetMinThreads(minWorkers, minIo);
        }
    }

    [Fact]
    public async Task Cancellation_stops_a_wait()
    {
        using var holder = HoldInChild();

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FileLock.AcquireAsync(LockPath, Timeout.InfiniteTimeSpan, cts.Token));
        Assert.InRange(watch.ElapsedMilliseconds, 150, 2000);

        using var syncCts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        watch.Restart();
        Assert.ThrowsAny<OperationCanceledException>(() => FileLock.Acquire(LockPath, Timeout.InfiniteTimeSpan, syncCts.Token));
        Assert.InRange(watch.ElapsedMilliseconds, 150, 2000);

        // A waiter queued behind an in-process holder is cancelled too.
        holder.Kill();
        using var inProcess = await RunInCleanFlow(() => FileLock.Acquire(LockPath, TimeSpan.FromSeconds(5)));
        using var gateCts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FileLock.AcquireAsync(LockPath, Timeout.InfiniteTimeSpan, gateCts.Token));
    }

    [Fact]
    public async Task Reentry_in_the_same_flow_throws_LockRecursionException()
    {
        using (var held = FileLock.Acquire(LockPath, TimeSpan.FromSeconds(1)))
        {
            var watch = Stopwatch.StartNew();
            Assert.Throws<LockRecursionException>(() => FileLock.Acquire(LockPath, TimeSpan.FromSeconds(5)));
            Assert.False(FileLock.TryAcquire(_dir.File("state.json.lock"), out var none), "TryAcquire never throws for a held lock.");
            Assert.Null(none);
            Assert.True(watch.ElapsedMilliseconds < 1000, "Re-entry must fail at once, not after the timeout.");
        }

        await using (var held = await FileLock.AcquireAsync(LockPath, TimeSpan.FromSeconds(1)))
        {
            await Assert.ThrowsAsync<LockRecursionException>(() => FileLock.AcquireAsync(LockPath, TimeSpan.FromSeconds(5)));
        }

        // Released: the same flow may take it again, whatever order other locks were taken and released in.
        var a = FileLock.Acquire(_dir.File("a.lock"), TimeSpan.FromSeconds(1));
        var b = FileLock.Acquire(_dir.File("b.lock"), TimeSpan.FromSeconds(1));
        a.Dispose();
        FileLock.Acquire(_dir.File("c.lock"), TimeSpan.FromSeconds(1)).Dispose();
        b.Dispose();
        FileLock.Acquire(_dir.File("b.lock"), TimeSpan.FromSeconds(1)).Dispose();
        using var again = FileLock.Acquire(LockPath, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Double_dispose_is_harmless()
    {
        var held = FileLock.Acquire(LockPath, TimeSpan.FromSeconds(1));
        held.Dispose();
        held.Dispose();
        await held.DisposeAsync();

        // Released exactly once: another holder can take it, and the in-process gate was not over-released.
        Assert.True(FileLock.TryAcquire(LockPath, out var next));
        var third = await RunInCleanFlow(() => FileLock.TryAcquire(LockPath, out var l) ? l : null);
        Assert.Null(third);
        next!.Dispose();
    }

    [Fact]
    public void PathFor_appends_lock()
    {
        Assert.Equal("/data/state.json.lock", FileLock.PathFor("/data/state.json"));
    }

    public void Dispose() => _dir.Dispose();

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>Runs without the caller's async flow, as an unrelated thread would.</summary>
    private static Task<T> RunInCleanFlow<T>(Func<T> action)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(action);
        }
    }

    private Child HoldInChild()
    {
        var child = Child.Start("hold", LockPath);
        var line = child.ReadLine(TimeSpan.FromSeconds(30));
        Assert.Equal("locked " + child.Id.ToString(CultureInfo.InvariantCulture), line);
        return child;
    }
}
