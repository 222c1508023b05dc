using System;
using System.Threading;
using System.Threading.Tasks;

namespace SafeWrites;

/// <summary>The one-host <see cref="IFileLockProvider"/>: a <see cref="FileLock"/> on <see cref="FileLock.PathFor"/> of the data file.</summary>
public sealed class FileLockProvider : IFileLockProvider
{
    private FileLockProvider()
    {
    }

    /// <summary>The provider every store uses unless told otherwise.</summary>
    public static FileLockProvider Default { get; } = new();

    /// <inheritdoc/>
    public IDisposable Acquire(string path, TimeSpan timeout, CancellationToken cancellationToken = default)
        => FileLock.Acquire(FileLock.PathFor(path), timeout, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<IAsyncDisposable> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken = default)
        => await FileLock.AcquireAsync(FileLock.PathFor(path), timeout, cancellationToken).ConfigureAwait(false);
}
