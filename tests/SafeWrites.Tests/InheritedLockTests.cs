using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SafeWrites.Tests.Infrastructure;
using Xunit;

namespace SafeWrites.Tests;

/// <summary>
/// Threads and tasks started while their parent holds a lock inherit its async flow. They must not crash:
/// TryAcquire returns false, Acquire and the store's Update wait like any waiter, and get the lock when the
/// parent releases it, or time out naming this process when the parent waits for them while holding it.
/// </summary>
public sealed class InheritedLockTests : IDisposable
{
    // Children of a waiting parent must time out, so briefly; the others must get the lock, however slow the disk.
    private static readonly TimeSpan DeadlockTimeout = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TestDirectory _dir = new();

    public enum Kind
    {
        NewThread,
        TaskRun,
        ParallelFor,
        AsyncChild,
    }

    public enum Via
    {
        FileLock,
        Store,
    }

    public static IEnumerable<object[]> Cases() =>
        from kind in Enum.GetValues<Kind>()
        from via in Enum.GetValues<Via>()
        from parentWaits in new[] { true, false }
        select new object[] { kind, via, parentWaits };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Child_of_a_holder_waits_like_any_waiter(Kind kind, Via via, bool parentWaits)
    {
        var document = _dir.File("doc.json");
        var lockPath = FileLock.PathFor(document);
        var store = new JsonFileStore<int>(document, new JsonFileStoreOptions<int> { CreateDefault = () => 0 });
        using var tried = new ManualResetEventSlim();
        Task<Outcome[]>? children = null;

        void Parent()
        {
            var timeout = parentWaits ? DeadlockTimeout : Patience;
            children = Start(kind, parentWaits, () => SyncChild(lockPath, store, via, timeout, tried), () => AsyncChild(lockPath, store, via, timeout, tried));
            if (parentWaits)
            {
                // Waiting for the children while holding the lock: they cannot get it until they time out.
                Assert.True(children.Wait(Patience), "The children did not finish.");
            }
            else
            {
                // Only until the first child has tried; then release and let them have it.
                Assert.True(tried.Wait(Patience), "No child tried the lock.");
            }
        }

        if (via == Via.FileLock)
        {
            using (FileLock.Acquire(lockPath, TimeSpan.FromSeconds(5)))
            {
                Parent();
            }
        }
        else
        {
            store.Update(value =>
            {
                Parent();
                return value + 1;
            });
        }

        var outcomes = await children!.WaitAsync(Patience);
        Assert.NotEmpty(outcomes);
        // The child that signalled tried while the parent still held the lock.
        Assert.Contains(outcomes, o => o.TryResult == false);
        foreach (var outcome in outcomes)
        {
            if (parentWaits)
            {
                var timeout = Assert.IsType<FileLockTimeoutException>(outcome.Error);
                Assert.Contains("this process", timeout.Message, StringComparison.Ordinal);
                Assert.Equal(Environment.ProcessId, timeout.HolderProcessId);
                Assert.False(outcome.Acquired);
            }
            else
            {
                Assert.Null(outcome.Error);
                Assert.True(outcome.Acquired);
            }
        }

        if (via == Via.Store)
        {
            // The parent's update, plus one per child that got the lock.
            Assert.Equal(1 + (parentWaits ? 0 : outcomes.Length), store.Read());
        }
    }

    [Fact]
    public void Reentry_in_the_same_code_path_still_throws_at_once()
    {
        var lockPath = _dir.File("doc.json.lock");
        using var held = FileLock.Acquire(lockPath, TimeSpan.FromSeconds(1));
        Assert.Throws<LockRecursionException>(() => FileLock.Acquire(lockPath, TimeSpan.FromSeconds(30)));

        var store = new JsonFileStore<int>(_dir.File("other.json"), new JsonFileStoreOptions<int> { CreateDefault = () => 0 });
        var inner = Assert.Throws<LockRecursionException>(() => store.Update(v => store.Update(w => w + 1)));
        Assert.Contains("other.json.lock", inner.Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(store.Path), "The outer update wrote although its change threw.");
    }

    public void Dispose() => _dir.Dispose();

    private static Task<Outcome[]> Start(Kind kind, bool parentWaits, Func<Outcome> child, Func<Task<Outcome>> asyncChild)
    {
        switch (kind)
        {
            case Kind.NewThread:
                var done = new TaskCompletionSource<Outcome[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                var thread = new Thread(() => done.SetResult(new[] { child() })) { IsBackground = true };
                thread.Start();
                return done.Task;
            case Kind.TaskRun:
                return Task.Run(() => new[] { child() });
            case Kind.ParallelFor:
                Outcome[] Loop()
                {
                    var outcomes = new Outcome[3];
                    Parallel.For(0, outcomes.Length, i => outcomes[i] = child());
                    return outcomes;
                }

                // Waiting, the loop runs on the parent's thread (which takes part in it); otherwise it is started in the background.
                return parentWaits ? Task.FromResult(Loop()) : Task.Run(Loop);
            default:
                return WrapAsync(asyncChild());
        }
    }

    private static async Task<Outcome[]> WrapAsync(Task<Outcome> child) => new[] { await child.ConfigureAwait(false) };

    private static Outcome SyncChild(string lockPath, JsonFileStore<int> store, Via via, TimeSpan timeout, ManualResetEventSlim tried)
    {
        var outcome = new Outcome();
        try
        {
            outcome.TryResult = FileLock.TryAcquire(lockPath, out var taken);
            taken?.Dispose();
            tried.Set();
            if (via == Via.FileLock)
            {
                using (FileLock.Acquire(lockPath, timeout))
                {
                    outcome.Acquired = true;
                }
            }
            else
            {
                store.Update(v => v + 1, timeout);
                outcome.Acquired = true;
            }
        }
        catch (Exception e)
        {
            // Recorded, not rethrown: an exception escaping a `new Thread` would end the test host.
            outcome.Error = e;
        }

        return outcome;
    }

    private static async Task<Outcome> AsyncChild(string lockPath, JsonFileStore<int> store, Via via, TimeSpan timeout, ManualResetEventSlim tried)
    {
        var outcome = new Outcome();
        try
        {
            await Task.Delay(1).ConfigureAwait(false);
            outcome.TryResult = FileLock.TryAcquire(lockPath, out var taken);
            taken?.Dispose();
            tried.Set();
            if (via == Via.FileLock)
            {
                await using (await FileLock.AcquireAsync(lockPath, timeout).ConfigureAwait(false))
                {
                    outcome.Acquired = true;
                }
            }
            else
            {
                await store.UpdateAsync((v, _) => new ValueTask<int>(v + 1), timeout).ConfigureAwait(false);
                outcome.Acquired = true;
            }
        }
        catch (Exception e)
        {
            outcome.Error = e;
        }

        return outcome;
    }

    private sealed class Outcome
    {
        public bool? TryResult { get; set; }

        public bool Acquired { get; set; }

        public Exception? Error { get; set; }
    }
}
