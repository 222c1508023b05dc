using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Medallion.Threading;
using Xunit;

namespace SafeWrites.DistributedLock.Tests;

/// <summary>Lock names and argument checks: no lock service needed (a recording stand-in).</summary>
public sealed class LockNameTests
{
    [Fact]
    public void ShortPathIsPrefixedFullPath()
    {
        Assert.Equal("safewrites:/srv/app/state.json", DistributedLockProvider.DefaultLockName("/srv/app/state.json"));
    }

    [Fact]
    public void RelativeAndDottedPathsNameTheSameLockAsTheFullPath()
    {
        var full = Path.Combine(Directory.GetCurrentDirectory(), "doc.json");
        var expected = DistributedLockProvider.DefaultLockName(full);

        Assert.Equal(expected, DistributedLockProvider.DefaultLockName("doc.json"));
        Assert.Equal(expected, DistributedLockProvider.DefaultLockName(Path.Combine("sub", "..", "doc.json")));
        Assert.Equal(expected, DistributedLockProvider.DefaultLockName("./doc.json"));
    }

    [Fact]
    public void LongPathIsHashedWithinTheLimitAndKeepsTheFileNameEnd()
    {
        var path = "/srv/" + new string('d', 300) + "/settings-of-the-application.json";

        var name = DistributedLockProvider.DefaultLockName(path);

        Assert.True(name.Length <= DistributedLockProvider.MaxDefaultLockNameLength, name);
        Assert.StartsWith("safewrites:", name, StringComparison.Ordinal);
        Assert.EndsWith("-application.json", name, StringComparison.Ordinal);
        Assert.Equal(name, DistributedLockProvider.DefaultLockName(path));
    }

    [Fact]
    public void LongPathsThatDifferOnlyInTheMiddleGetDifferentNames()
    {
        var a = "/srv/" + new string('d', 100) + "a" + new string('d', 100) + "/doc.json";
        var b = "/srv/" + new string('d', 100) + "b" + new string('d', 100) + "/doc.json";

        Assert.NotEqual(DistributedLockProvider.DefaultLockName(a), DistributedLockProvider.DefaultLockName(b));
    }

    [Theory]
    [InlineData(52)]
    [InlineData(53)]
    [InlineData(54)]
    public void NamesAtTheLimitAreKeptPlainAndOneOverIsHashed(int length)
    {
        // "safewrites:" (11) + "/" + name: 64 characters at length 52.
        var path = "/" + new string('n', length);

        var name = DistributedLockProvider.DefaultLockName(path);

        Assert.True(name.Length <= DistributedLockProvider.MaxDefaultLockNameLength, name);
        Assert.Equal(length <= 52, name == "safewrites:" + path);
    }

    [Fact]
    public void NonAsciiPathIsHashedToPrintableAscii()
    {
        var name = DistributedLockProvider.DefaultLockName("/data/zähler-état.json");

        Assert.All(name, c => Assert.InRange(c, ' ', '~'));
        Assert.EndsWith("z_hler-_tat.json", name, StringComparison.Ordinal);
        Assert.NotEqual(name, DistributedLockProvider.DefaultLockName("/data/zahler-etat.json"));
    }

    [Fact]
    public void CustomNameFunctionGetsTheFullPathAndNamesTheLock()
    {
        var service = new RecordingLocks();
        string? seen = null;
        var provider = new DistributedLockProvider(service, p => { seen = p; return "tenant-7/settings"; });

        using (provider.Acquire("settings.json", TimeSpan.FromSeconds(1)))
        {
        }

        Assert.Equal(Path.GetFullPath("settings.json"), seen);
        Assert.Equal(["tenant-7/settings"], service.Created);
        Assert.Equal("tenant-7/settings", provider.GetLockName("settings.json"));
    }

    [Fact]
    public void EmptyCustomNameIsRejectedBeforeTheServiceIsAsked()
    {
        var service = new RecordingLocks();
        var provider = new DistributedLockProvider(service, _ => string.Empty);

        var error = Assert.Throws<ArgumentException>(() => provider.Acquire("/srv/doc.json", TimeSpan.FromSeconds(1)));

        Assert.Contains("/srv/doc.json", error.Message, StringComparison.Ordinal);
        Assert.Empty(service.Created);
    }

    [Fact]
    public async Task BadArgumentsAreRejectedBeforeTheServiceIsAsked()
    {
        var service = new RecordingLocks();
        var provider = new DistributedLockProvider(service);

        Assert.Throws<ArgumentNullException>(() => new DistributedLockProvider(null!));
        Assert.Throws<ArgumentNullException>(() => provider.Acquire(null!, TimeSpan.FromSeconds(1)));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await provider.AcquireAsync(null!, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentException>(() => provider.Acquire(string.Empty, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => provider.Acquire("/srv/doc.json", TimeSpan.FromMilliseconds(-2)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await provider.AcquireAsync("/srv/doc.json", TimeSpan.FromDays(30)));
        Assert.Empty(service.Created);
    }

    [Fact]
    public void TimeoutAndInfiniteWaitArePassedToTheService()
    {
        var service = new RecordingLocks();
        var provider = new DistributedLockProvider(service);

        using (provider.Acquire("/srv/a.json", Timeout.InfiniteTimeSpan))
        using (provider.Acquire("/srv/b.json", TimeSpan.Zero))
        {
        }

        Assert.Equal([Timeout.InfiniteTimeSpan, TimeSpan.Zero], service.Timeouts);
    }

    [Fact]
    public void ServiceThatSaysNoIsATimeoutNamingTheLock()
    {
        var provider = new DistributedLockProvider(new RecordingLocks { Grant = false });

        var error = Assert.Throws<FileLockTimeoutException>(() => provider.Acquire("/srv/doc.json", TimeSpan.FromMilliseconds(250)));

        Assert.Equal(TimeSpan.FromMilliseconds(250), error.Timeout);
        Assert.Equal("safewrites:/srv/doc.json", error.LockPath);
        Assert.Contains("safewrites:/srv/doc.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceErrorBecomesLockServiceUnavailableButOwnCancellationStaysCancellation()
    {
        var failure = new InvalidOperationException("connection reset");
        var provider = new DistributedLockProvider(new RecordingLocks { Failure = failure });

        var error = await Assert.ThrowsAsync<LockServiceUnavailableException>(async () => await provider.AcquireAsync("/srv/doc.json", TimeSpan.FromSeconds(1)));
        Assert.Same(failure, error.InnerException);
        Assert.Equal("/srv/doc.json", error.Path);
        Assert.Equal("safewrites:/srv/doc.json", error.LockName);
        Assert.Contains("connection reset", error.Message, StringComparison.Ordinal);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var cancelling = new DistributedLockProvider(new RecordingLocks { Failure = new OperationCanceledException(cancelled.Token) });
        Assert.Throws<OperationCanceledException>(() => cancelling.Acquire("/srv/doc.json", TimeSpan.FromSeconds(1), cancelled.Token));

        // A cancellation the caller did not ask for is the service failing.
        Assert.Throws<LockServiceUnavailableException>(() => cancelling.Acquire("/srv/doc.json", TimeSpan.FromSeconds(1)));
    }

    /// <summary>A lock service stand-in that grants (or refuses, or fails) every request and records it.</summary>
    private sealed class RecordingLocks : IDistributedLockProvider
    {
        public List<string> Created { get; } = new();

        public List<TimeSpan> Timeouts { get; } = new();

        public bool Grant { get; init; } = true;

        public Exception? Failure { get; init; }

        public IDistributedLock CreateLock(string name)
        {
            Created.Add(name);
            return new Lock(this, name);
        }

        private sealed class Lock(RecordingLocks owner, string name) : IDistributedLock
        {
            public string Name => name;

            public IDistributedSynchronizationHandle? TryAcquire(TimeSpan timeout = default, CancellationToken cancellationToken = default)
            {
                owner.Timeouts.Add(timeout);
                if (owner.Failure is not null)
                {
                    throw owner.Failure;
                }

                return owner.Grant ? new Handle() : null;
            }

            public ValueTask<IDistributedSynchronizationHandle?> TryAcquireAsync(TimeSpan timeout = default, CancellationToken cancellationToken = default) =>
                new(TryAcquire(timeout, cancellationToken));

            public IDistributedSynchronizationHandle Acquire(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
                throw new NotSupportedException("The provider must use TryAcquire.");

            public ValueTask<IDistributedSynchronizationHandle> AcquireAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
                throw new NotSupportedException("The provider must use TryAcquireAsync.");
        }

        private sealed class Handle : IDistributedSynchronizationHandle
        {
            public CancellationToken HandleLostToken => CancellationToken.None;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => default;
        }
    }
}
