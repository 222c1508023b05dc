using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Medallion.Threading.Postgres;
using SafeWrites.DistributedLock.Tests.Infrastructure;
using SafeWrites.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SafeWrites.DistributedLock.Tests;

/// <summary>The provider over DistributedLock.Postgres against a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLockTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public void FourProcessesTimesHundredUpdatesEndAtFourHundredWithNoTornRead()
    {
        var server = postgres.Server;
        using var dir = new TestDirectory();
        var data = dir.File("counter.json");

        // Two children use Update, two UpdateAsync.
        var children = Enumerable.Range(0, 4)
            .Select(i => ChildProcess.Start("counter", server.ConnectionString, data, "100", i % 2 == 0 ? "sync" : "async"))
            .ToList();
        try
        {
            // Read without any lock while they write: every read parses and the count never goes back.
            var reads = 0;
            var last = 0;
            while (children.Any(c => !c.HasExited))
            {
                if (File.Exists(data))
                {
                    var value = CounterDocument.ReadValue(data);
                    Assert.True(value >= last, $"the counter went back from {last} to {value}");
                    last = value;
                    reads++;
                }

                // Often enough to land inside writes, without taking a core from the writers on a 2-core machine.
                Thread.Sleep(1);
            }

            foreach (var child in children)
            {
                Assert.True(child.WaitForExit(ChildTimeout) == 0, $"child {child.Id} failed: {child.Errors}");
            }

            using var final = JsonDocument.Parse(File.ReadAllBytes(data));
            Assert.Equal(400, final.RootElement.GetProperty("Value").GetInt32());
            Assert.Equal(
                children.Select(c => c.Id).OrderBy(id => id),
                final.RootElement.GetProperty("Writers").EnumerateArray().Select(w => w.GetInt32()).OrderBy(id => id));
            Assert.True(reads > 0, "the reader never saw the document while the writers ran");
            output.WriteLine($"{reads} unlocked reads parsed while the writers ran");
        }
        finally
        {
            children.ForEach(c => c.Dispose());
        }
    }

    [SkippableFact]
    public void NoLockFileIsCreatedNextToTheDocument()
    {
        var provider = Provider();
        using var dir = new TestDirectory();
        var data = dir.File("doc.json");
        CounterDocument.Write(data, 0);

        for (var i = 0; i < 3; i++)
        {
            CounterDocument.Update(provider, data, TimeSpan.FromSeconds(10));
        }

        Assert.Equal(["doc.json"], dir.Listing());
        Assert.Equal(3, CounterDocument.ReadValue(data));
    }

    [SkippableFact]
    public void HeldLockExcludesOtherHoldersOfTheSamePathOnly()
    {
        var provider = Provider();
        using var dir = new TestDirectory();

        using (provider.Acquire(dir.File("a.json"), TimeSpan.FromSeconds(5)))
        {
            Assert.Throws<FileLockTimeoutException>(() => provider.Acquire(dir.File("a.json"), TimeSpan.Zero));
            using (provider.Acquire(dir.File("b.json"), TimeSpan.Zero))
            {
            }
        }

        using (provider.Acquire(dir.File("a.json"), TimeSpan.Zero))
        {
        }
    }

    [SkippableFact]
    public async Task TimeoutThrowsFileLockTimeoutExceptionSyncAndAsync()
    {
        var provider = Provider();
        using var dir = new TestDirectory();
        var data = dir.File("doc.json");
        using var holder = ChildProcess.Start("hold", postgres.Server.ConnectionString, data);
        Assert.Equal("locked", holder.ReadLine(ChildTimeout));

        var timeout = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<FileLockTimeoutException>(() => provider.Acquire(data, timeout));
        Assert.True(clock.Elapsed >= timeout - TimeSpan.FromMilliseconds(20), $"gave up after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(timeout, error.Timeout);
        Assert.Equal(provider.GetLockName(data), error.LockPath);

        var asyncError = await Assert.ThrowsAsync<FileLockTimeoutException>(async () => await provider.AcquireAsync(data, timeout));
        Assert.Equal(timeout, asyncError.Timeout);
        Assert.False(File.Exists(data));
    }

    [SkippableFact]
    public void HolderKilledWithSigkillFreesTheLockForAWaiterWithinFiveSeconds()
    {
        var provider = Provider();
        using var dir = new TestDirectory();
        var data = dir.File("doc.json");
        using var holder = ChildProcess.Start("hold", postgres.Server.ConnectionString, data);
        Assert.Equal("locked", holder.ReadLine(ChildTimeout));

        var waiter = Task.Run(() => provider.Acquire(data, TimeSpan.FromSeconds(30)));
        Assert.False(waiter.Wait(TimeSpan.FromMilliseconds(500)), "the waiter got the lock while the holder was alive");

        var clock = Stopwatch.StartNew();
        holder.Kill();
        Assert.True(waiter.Wait(TimeSpan.FromSeconds(5)), "the lock was not free 5 s after its holder was killed");
        output.WriteLine($"the waiter had the lock {clock.ElapsedMilliseconds} ms after SIGKILL of its holder");
        waiter.Result.Dispose();
    }

    [SkippableFact]
    public async Task CancellationStopsTheWaitWithOperationCanceled()
    {
        var provider = Provider();
        using var dir = new TestDirectory();
        var data = dir.File("doc.json");
        using var held = provider.Acquire(data, TimeSpan.FromSeconds(5));

        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await provider.AcquireAsync(data, Timeout.InfiniteTimeSpan, cancel.Token));
        }

        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            Assert.ThrowsAny<OperationCanceledException>(() => provider.Acquire(data, Timeout.InfiniteTimeSpan, cancel.Token));
        }
    }

    [SkippableFact]
    public async Task AsyncHandleReleasesOnDisposeAsync()
    {
        var provider = Provider();
        using var dir = new TestDirectory();
        var data = dir.File("doc.json");

        await using (await provider.AcquireAsync(data, TimeSpan.FromSeconds(5)))
        {
            await Assert.ThrowsAsync<FileLockTimeoutException>(async () => await provider.AcquireAsync(data, TimeSpan.Zero));
        }

        await using (await provider.AcquireAsync(data, TimeSpan.Zero))
        {
        }
    }

    [SkippableFact]
    public void LongPathsLockThroughTheService()
    {
        var provider = Provider();
        using var dir = new TestDirectory();
        var deep = Path.Combine(dir.Path, new string('d', 200), new string('e', 200));
        var a = Path.Combine(deep, "a.json");
        var b = Path.Combine(deep, "b.json");

        using (provider.Acquire(a, TimeSpan.FromSeconds(5)))
        {
            Assert.Throws<FileLockTimeoutException>(() => provider.Acquire(a, TimeSpan.Zero));
            using (provider.Acquire(b, TimeSpan.Zero))
            {
            }
        }
    }

    private DistributedLockProvider Provider() => new(new PostgresDistributedSynchronizationProvider(postgres.Server.ConnectionString));
}
