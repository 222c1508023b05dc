using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Medallion.Threading;

namespace SafeWrites.DistributedLock;

/// <summary>
/// An <see cref="IFileLockProvider"/> over a distributed lock service (DistributedLock.Core's
/// <see cref="IDistributedLockProvider"/>: PostgreSQL, SQL Server, Redis, ZooKeeper, …), so that writers on
/// several hosts that share one document (a network file system, a container fleet over one volume) take
/// turns. No lock file is created; a holder that dies frees the lock when the service notices (for
/// PostgreSQL, when its connection drops).
/// </summary>
/// <remarks>
/// <para>Every host must derive the same lock name for the document: by default the name comes from the full
/// path, so hosts must see the document at the same path, or pass a <c>lockName</c> function.</para>
/// <para>Not re-entrant: acquiring a path the caller already holds waits (and times out) like any other waiter.</para>
/// <para>If the connection to the service is lost while the lock is held, the service frees the lock and another
/// writer may enter before this one finishes. The write itself stays atomic (no torn file), but two
/// read-modify-writes may overlap; watch <see cref="IDistributedSynchronizationHandle.HandleLostToken"/> of a
/// lock you take through the service directly if that matters.</para>
/// <para>Releasing never throws: it can fail only when the connection is gone, and then the service has dropped the lock.</para>
/// </remarks>
public sealed class DistributedLockProvider : IFileLockProvider
{
    /// <summary>
    /// The longest name <see cref="DefaultLockName"/> returns: the smallest limit among the lock services
    /// (MySQL's <c>GET_LOCK</c>), so the name is used as is everywhere.
    /// </summary>
    public const int MaxDefaultLockNameLength = 64;

    private const string Prefix = "safewrites:";

    // Hashed names: the prefix, 32 hex digits (128 bits of SHA-256), ':' and the tail of the file name.
    private const int HashHexLength = 32;

    private readonly IDistributedLockProvider _locks;
    private readonly Func<string, string> _lockName;

    /// <summary>Creates a provider that takes its locks from <paramref name="locks"/>.</summary>
    /// <param name="locks">The lock service, e.g. <c>new PostgresDistributedSynchronizationProvider(connectionString)</c>.</param>
    /// <param name="lockName">
    /// Maps a data file's full path to the lock's name; <see langword="null"/> uses <see cref="DefaultLockName"/>.
    /// Use it when hosts see the document at different paths.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="locks"/> is <see langword="null"/>.</exception>
    public DistributedLockProvider(IDistributedLockProvider locks, Func<string, string>? lockName = null)
    {
        _locks = locks ?? throw new ArgumentNullException(nameof(locks));
        _lockName = lockName ?? DefaultLockName;
    }

    /// <summary>
    /// The default lock name of a data file: <c>safewrites:</c> and its full, normalised path (separators as
    /// <c>/</c>, lower case where file names are case-insensitive) when that fits in
    /// <see cref="MaxDefaultLockNameLength"/> printable ASCII characters; otherwise <c>safewrites:</c>, a SHA-256
    /// hash of the normalised path, and the end of the file name, for diagnostics.
    /// </summary>
    /// <param name="path">The data file (relative paths are resolved against the current directory).</param>
    /// <returns>The lock name.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static string DefaultLockName(string path)
    {
        var normalised = Normalise(path);
        var plain = Prefix + normalised;
        if (plain.Length <= MaxDefaultLockNameLength && IsPrintableAscii(plain))
        {
            return plain;
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(normalised));
        var name = new StringBuilder(MaxDefaultLockNameLength).Append(Prefix);
        for (var i = 0; i < HashHexLength / 2; i++)
        {
            name.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        name.Append(':');
        var fileName = normalised.Substring(normalised.LastIndexOf('/') + 1);
        var room = MaxDefaultLockNameLength - name.Length;
        var tail = new StringBuilder(room);
        for (var i = fileName.Length - 1; i >= 0 && tail.Length < room; i--)
        {
            tail.Insert(0, IsPrintableAscii(fileName[i]) ? fileName[i] : '_');
        }

        return name.Append(tail).ToString();
    }

    /// <summary>The name of the lock that guards <paramref name="path"/> (what the <c>lockName</c> function returns).</summary>
    /// <param name="path">The data file.</param>
    /// <returns>The lock name.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or not a valid path, or the <c>lockName</c> function returned an empty name.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public string GetLockName(string path)
    {
        var fullPath = Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        var name = _lockName(fullPath);
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException($"The lock name function returned an empty name for '{fullPath}'.", nameof(path));
        }

        return name;
    }

    /// <inheritdoc/>
    /// <exception cref="LockServiceUnavailableException">The lock service could not be reached or failed while waiting; nothing was locked.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public IDisposable Acquire(string path, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var (name, distributedLock) = Create(path, timeout);
        IDistributedSynchronizationHandle? handle;
        try
        {
            handle = distributedLock.TryAcquire(timeout, cancellationToken);
        }
        catch (Exception ex) when (IsServiceFailure(ex, cancellationToken))
        {
            throw new LockServiceUnavailableException(path, name, ex);
        }

        return handle is null ? throw new FileLockTimeoutException(name, timeout, holderInfo: null) : new HeldLock(handle);
    }

    /// <inheritdoc/>
    /// <exception cref="LockServiceUnavailableException">The lock service could not be reached or failed while waiting; nothing was locked.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public async ValueTask<IAsyncDisposable> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var (name, distributedLock) = Create(path, timeout);
        IDistributedSynchronizationHandle? handle;
        try
        {
            handle = await distributedLock.TryAcquireAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsServiceFailure(ex, cancellationToken))
        {
            throw new LockServiceUnavailableException(path, name, ex);
        }

        return handle is null ? throw new FileLockTimeoutException(name, timeout, holderInfo: null) : new HeldLock(handle);
    }

    private (string Name, IDistributedLock Lock) Create(string path, TimeSpan timeout)
    {
        if ((timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan) || timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be Timeout.InfiniteTimeSpan, zero, or a positive time up to Int32.MaxValue milliseconds.");
        }

        var name = GetLockName(path);
        return (name, _locks.CreateLock(name));
    }

    // Our own cancellation is the caller's business; anything else the service throws while we wait
    // (connection refused, server shut down, authentication) means it is not there for us.
    private static bool IsServiceFailure(Exception ex, CancellationToken cancellationToken) =>
        !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>
    /// Releases the service's handle once, and never throws: a release fails only when the connection to the
    /// service is gone, and the service frees the locks of a lost connection (session end, lease expiry) itself.
    /// Throwing would replace the caller's result or exception after its write already happened.
    /// </summary>
    private sealed class HeldLock(IDistributedSynchronizationHandle handle) : IDisposable, IAsyncDisposable
    {
        private IDistributedSynchronizationHandle? _handle = handle;

        public void Dispose()
        {
            try
            {
                Interlocked.Exchange(ref _handle, null)?.Dispose();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // See the summary: the service has already dropped the lock with the connection.
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                var held = Interlocked.Exchange(ref _handle, null);
                if (held is not null)
                {
                    await held.DisposeAsync().ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // See the summary: the service has already dropped the lock with the connection.
            }
        }
    }

    private static string Normalise(string path)
    {
        var fullPath = Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        if (Path.DirectorySeparatorChar != '/')
        {
            fullPath = fullPath.Replace(Path.DirectorySeparatorChar, '/');
        }

        // Windows and macOS file names are case-insensitive by default: one file, one lock.
        return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? fullPath.ToLowerInvariant()
            : fullPath;
    }

    private static bool IsPrintableAscii(string s)
    {
        foreach (var c in s)
        {
            if (!IsPrintableAscii(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrintableAscii(char c) => c is >= ' ' and <= '~';
}
