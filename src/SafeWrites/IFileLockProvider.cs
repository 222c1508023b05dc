using System;
using System.Threading;
using System.Threading.Tasks;

namespace SafeWrites;

/// <summary>
/// The lock seam of <c>JsonFileStore&lt;T&gt;</c>: takes an exclusive lock that protects one data file.
/// <see cref="FileLockProvider.Default"/> uses <see cref="FileLock"/> (one host); a distributed lock service
/// (the <c>SafeWrites.DistributedLock</c> package) serialises writers across hosts.
/// </summary>
public interface IFileLockProvider
{
    /// <summary>Waits until the lock for <paramref name="path"/> is free, then takes it.</summary>
    /// <param name="path">The data file the lock protects (not a lock file path).</param>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The held lock; dispose it to release.</returns>
    /// <exception cref="FileLockTimeoutException">Another holder kept the lock for the whole timeout.</exception>
    IDisposable Acquire(string path, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Waits asynchronously until the lock for <paramref name="path"/> is free, then takes it.</summary>
    /// <param name="path">The data file the lock protects (not a lock file path).</param>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The held lock; dispose it to release.</returns>
    /// <exception cref="FileLockTimeoutException">Another holder kept the lock for the whole timeout.</exception>
    ValueTask<IAsyncDisposable> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken = default);
}
