using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Medallion.Threading.Postgres;
using SafeWrites.DistributedLock.Tests.Infrastructure;
using SafeWrites.Tests.Infrastructure;
using Xunit;

namespace SafeWrites.DistributedLock.Tests;

/// <summary>A lock server that is not there, or goes away while a writer waits.</summary>
public sealed class ServerFailureTests
{
    [SkippableFact]
    public async Task ServerStoppedMidWaitGivesLockServiceUnavailableAndLeavesTheDocumentIntact()
    {
        using var server = PostgresFixture.StartOwn();
        var provider = new DistributedLockProvider(new PostgresDistributedSynchronizationProvider(server.ConnectionString));
        using var dir = new TestDirectory();
        var data = dir.File("doc.json");
        CounterDocument.Write(data, 41);
        var before = File.ReadAllBytes(data);

        var holder = provider.Acquire(data, TimeSpan.FromSeconds(5));
        var asyncHolder = await provider.AcquireAsync(dir.File("other.json"), TimeSpan.FromSeconds(5));
        var writer = Task.Run(() => CounterDocument.Update(provider, data, TimeSpan.FromSeconds(60)));
        Assert.False(writer.Wait(TimeSpan.FromMilliseconds(500)), "the writer got the lock while it was held");

        server.Stop();

        var error = Assert.Throws<AggregateException>(() => writer.Wait(TimeSpan.FromSeconds(30))).InnerException;
        var unavailable = Assert.IsType<LockServiceUnavailableException>(error);
        Assert.Equal(data, unavailable.Path);
        Assert.Contains(provider.GetLockName(data), unavailable.Message, StringComparison.Ordinal);
        Assert.NotNull(unavailable.InnerException);
        Assert.Equal(before, File.ReadAllBytes(data));
        Assert.Equal(["doc.json"], dir.Listing());

        // Releasing a lock whose server is gone (and so has dropped it) does not throw over the caller's result.
        holder.Dispose();
        holder.Dispose();
        await asyncHolder.DisposeAsync();
    }

    [Fact]
    public async Task ServerThatIsNotListeningGivesLockServiceUnavailable()
    {
        var port = PostgresServer.FreePort();
        var provider = new DistributedLockProvider(new PostgresDistributedSynchronizationProvider(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=5"));

        var error = Assert.Throws<LockServiceUnavailableException>(() => provider.Acquire("/srv/doc.json", TimeSpan.FromSeconds(5)));
        Assert.Equal("/srv/doc.json", error.Path);
        Assert.Contains("safewrites:/srv/doc.json", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);

        await Assert.ThrowsAsync<LockServiceUnavailableException>(async () => await provider.AcquireAsync("/srv/doc.json", TimeSpan.FromSeconds(5)));
    }
}
