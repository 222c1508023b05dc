using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SafeWrites.Internal;

namespace SafeWrites;

/// <summary>
/// An exclusive lock on a lock file, held by one holder at a time across the threads and processes
/// of one host. The operating system releases it when the holder's process dies, so there are no
/// stale locks to clean up. Dispose the returned object to release it.
/// </summary>
/// <remarks>
/// <para>On Unix the lock is <c>flock(LOCK_EX)</c> on the lock file, taken directly (not through
/// <see cref="FileStream"/>'s sharing emulation, which <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> turns
/// off); on Windows it is <c>LockFileEx</c>. Errors such as ENOLCK or ENOTSUP throw
/// <see cref="FileLockNotSupportedException"/> rather than handing out a lock that is not one.</para>
/// <para>Waiters in one process queue on an in-process gate first, then poll the file lock with
/// exponential backoff and jitter (1 ms up to 100 ms) on a monotonic clock. Fairness across processes
/// is not promised.</para>
/// <para>Not re-entrant: acquiring a path that the same code path already holds (or is acquiring) throws
/// <see cref="LockRecursionException"/> at once instead of deadlocking. That is reported only where it is
/// certain: the same async flow, on the same thread, with no await that left the thread and no child task
/// in between. Anything else that asks for a lock held elsewhere in this process (a <c>new Thread</c>,
/// <c>Task.Run</c>, <c>Parallel.For</c> body or async continuation started while its parent held the lock)
/// waits like any other waiter, and gets the lock once the parent releases it; if the parent waits for that
/// child while still holding the lock, the child's wait ends with a <see cref="FileLockTimeoutException"/>
/// whose message says the holder is this process. <see cref="TryAcquire"/> never throws for a held lock.</para>
/// <para>The lock file is never deleted (deleting it would let two holders lock two different files);
/// after acquiring, the holder writes its PID, host and UTC time into it for diagnostics. Do not open
/// the lock file with <see cref="File"/> APIs while it is held: on Unix .NET takes a shared flock for
/// read-only opens, which fails.</para>
/// <para>Works for processes on one host. Network file systems work only where they honour
/// <c>flock</c> (NFSv4 does; SMB maps share modes; many FUSE mounts do not). For many hosts use a
/// distributed lock service.</para>
/// </remarks>
public sealed class FileLock : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(100);
    private static readonly StringComparer PathComparer =
        Windows.IsWindows || Unix.IsMacOS ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static readonly Dictionary<string, Gate> Gates = new(PathComparer);
    private static readonly AsyncLocal<HeldNode?> Held = new(OnHeldChanged);

    // Counts the times this thread switched to another async flow that carries different locks; a mark taken
    // before the latest switch may belong to a parent whose child now runs here, so it is not "certainly ours".
    [ThreadStatic]
    private static int t_flowSwitches;

    private readonly OsLock _osLock;
    private readonly Gate _gate;
    private readonly Mark _mark;
    private int _disposed;

    private FileLock(string lockPath, OsLock osLock, Gate gate, Mark mark)
    {
        LockPath = lockPath;
        _osLock = osLock;
        _gate = gate;
        _mark = mark;
    }

    /// <summary>The full path of the lock file.</summary>
    public string LockPath { get; }

    /// <summary>The conventional lock file for a data file: <paramref name="dataPath"/> + <c>".lock"</c>.</summary>
    /// <param name="dataPath">The file the lock protects.</param>
    /// <returns>The lock file path.</returns>
    public static string PathFor(string dataPath)
    {
        PathGuard.FullFilePath(dataPath, nameof(dataPath));
        return dataPath + ".lock";
    }

    /// <summary>Waits until the lock is free, then takes it.</summary>
    /// <param name="lockPath">The lock file; created if missing (with its directory), never deleted.</param>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits forever, <see cref="TimeSpan.Zero"/> tries once.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The held lock; dispose it to release.</returns>
    /// <exception cref="FileLockTimeoutException">Another holder kept the lock for the whole timeout.</exception>
    /// <exception cref="LockRecursionException">The same code path already holds or is acquiring this lock (same async flow and thread, no child in between).</exception>
    /// <exception cref="FileLockNotSupportedException">The file system cannot lock the file.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static FileLock Acquire(string lockPath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var (fullPath, mark) = Begin(lockPath, timeout, throwOnRecursion: true);
        return Wait(fullPath, timeout, mark!, cancellationToken);
    }

    /// <summary>Waits asynchronously until the lock is free, then takes it; no thread is blocked while waiting.</summary>
    /// <param name="lockPath">The lock file; created if missing (with its directory), never deleted.</param>
    /// <param name="timeout">How long to wait; <see cref="Timeout.InfiniteTimeSpan"/> waits forever, <see cref="TimeSpan.Zero"/> tries once.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>The held lock; dispose it to release.</returns>
    /// <exception cref="FileLockTimeoutException">Another holder kept the lock for the whole timeout.</exception>
    /// <exception cref="LockRecursionException">The same code path already holds or is acquiring this lock (same async flow and thread, no child in between; thrown at once).</exception>
    /// <exception cref="FileLockNotSupportedException">The file system cannot lock the file.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<FileLock> AcquireAsync(string lockPath, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // Not async itself: the recursion mark must land in the caller's async flow.
        var (fullPath, mark) = Begin(lockPath, timeout, throwOnRecursion: true);
        return WaitLoopAsync(fullPath, timeout, mark!, isAsync: true, cancellationToken).AsTask();
    }

    /// <summary>Takes the lock if it is free right now (a timeout of zero).</summary>
    /// <param name="lockPath">The lock file.</param>
    /// <param name="fileLock">The held lock, or <see langword="null"/> if any holder has it (this flow, another thread or task, or another process).</param>
    /// <returns>Whether the lock was taken. Never throws because the lock is held, wherever it is held.</returns>
    /// <exception cref="FileLockNotSupportedException">The file system cannot lock the file.</exception>
    public static bool TryAcquire(string lockPath, [NotNullWhen(true)] out FileLock? fileLock)
    {
        fileLock = null;
        var (fullPath, mark) = Begin(lockPath, TimeSpan.Zero, throwOnRecursion: false);
        if (mark is null)
        {
            return false; // held by this very code path
        }

        try
        {
            fileLock = Wait(fullPath, TimeSpan.Zero, mark, CancellationToken.None);
            return true;
        }
        catch (FileLockTimeoutException)
        {
            fileLock = null;
            return false;
        }
    }

    /// <summary>Releases the lock. Further calls do nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // The file lock first, so the next in-process waiter finds it free at once.
        _osLock.Dispose();
        _gate.Semaphore.Release();
        Gate.Return(_gate);
        _mark.Active = false;
    }

    /// <summary>Releases the lock. Further calls do nothing.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    /// <summary>Validates, checks for certain recursion (throws, or returns no mark), and records this acquire in the flow.</summary>
    private static (string FullPath, Mark? Mark) Begin(string lockPath, TimeSpan timeout, bool throwOnRecursion)
    {
        var fullPath = PathGuard.FullFilePath(lockPath, nameof(lockPath));
        if ((timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan) || timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be Timeout.InfiniteTimeSpan, zero, or a positive time up to Int32.MaxValue milliseconds.");
        }

        var head = Held.Value;
        for (var node = head; node is not null; node = node.Next)
        {
            if (node.Mark.Active && node.Mark.IsCurrentCodePath() && PathComparer.Equals(node.Mark.Path, fullPath))
            {
                return throwOnRecursion
                    ? throw new LockRecursionException($"The lock '{fullPath}' is already held (or being acquired) by this code path; FileLock is not re-entrant.")
                    : (fullPath, null);
            }
        }

        var mark = new Mark(fullPath);
        Held.Value = new HeldNode(mark, HeldNode.Prune(head));
        return (fullPath, mark);
    }

    private static FileLock Wait(string fullPath, TimeSpan timeout, Mark mark, CancellationToken cancellationToken)
    {
#pragma warning disable CA2012 // With isAsync: false the loop never awaits anything incomplete, so the ValueTask has completed.
        return WaitLoopAsync(fullPath, timeout, mark, isAsync: false, cancellationToken).GetAwaiter().GetResult();
#pragma warning restore CA2012
    }

    /// <summary>The one wait loop behind every acquire: the in-process gate, then the file lock with backoff.</summary>
    private static async ValueTask<FileLock> WaitLoopAsync(string fullPath, TimeSpan timeout, Mark mark, bool isAsync, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var gate = Gate.Rent(fullPath);
        var gateHeld = false;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            gateHeld = isAsync
                ? await gate.Semaphore.WaitAsync(Remaining(start, timeout), cancellationToken).ConfigureAwait(false)
                : gate.Semaphore.Wait(Remaining(start, timeout), cancellationToken);
            if (!gateHeld)
            {
                // The gate is per process: whoever holds it is a thread or task of this process.
                throw TimedOut(fullPath, timeout, heldInThisProcess: true);
            }

            var nativePath = Windows.IsWindows ? null : gate.NativePath ??= Unix.ToNative(fullPath);
            var delay = FirstDelay;
            while (true)
            {
                var osLock = OsLock.TryTake(fullPath, nativePath, out var retryAtOnce);
                if (osLock is not null)
                {
                    osLock.WriteHolderInfo(gate);
                    return new FileLock(fullPath, osLock, gate, mark);
                }

                if (retryAtOnce)
                {
                    continue;
                }

                var remaining = Remaining(start, timeout);
                if (remaining == TimeSpan.Zero)
                {
                    throw TimedOut(fullPath, timeout, heldInThisProcess: false);
                }

                var wait = Backoff.Jitter(delay);
                if (remaining != Timeout.InfiniteTimeSpan && remaining < wait)
                {
                    wait = remaining;
                }

                if (isAsync)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    cancellationToken.WaitHandle.WaitOne(wait);
                    cancellationToken.ThrowIfCancellationRequested();
                }

                delay = delay + delay < MaxDelay ? delay + delay : MaxDelay;
            }
        }
        catch
        {
            if (gateHeld)
            {
                gate.Semaphore.Release();
            }

            Gate.Return(gate);
            mark.Active = false;
            throw;
        }
    }

    private static TimeSpan Remaining(long start, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return timeout;
        }

        var left = timeout - Backoff.Elapsed(start);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static FileLockTimeoutException TimedOut(string fullPath, TimeSpan timeout, bool heldInThisProcess) =>
        new(fullPath, timeout, OsLock.ReadHolderInfo(fullPath), heldInThisProcess);

    private static void OnHeldChanged(AsyncLocalValueChangedArgs<HeldNode?> change)
    {
        if (change.ThreadContextChanged)
        {
            t_flowSwitches++;
        }
    }

    /// <summary>
    /// One in-process gate per full path, shared by the waiters in this process. Idle gates stay cached
    /// (up to <see cref="MaxIdleGates"/>) so a hot lock does not rebuild its semaphore on every acquire.
    /// </summary>
    private sealed class Gate
    {
        private const int MaxIdleGates = 256;
        private int _users;

        private Gate(string key) => Key = key;

        public string Key { get; }

        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        // Touched only by the gate's holder.
        public byte[]? NativePath { get; set; }

        public long RecordWrittenAt { get; set; }

        public static Gate Rent(string key)
        {
            lock (Gates)
            {
                if (!Gates.TryGetValue(key, out var gate))
                {
                    gate = new Gate(key);
                    Gates.Add(key, gate);
                }

                gate._users++;
                return gate;
            }
        }

        public static void Return(Gate gate)
        {
            lock (Gates)
            {
                if (--gate._users == 0 && Gates.Count > MaxIdleGates)
                {
                    Gates.Remove(gate.Key);
                }
            }
        }
    }

    /// <summary>One acquire's claim on a path; cleared by Dispose or a failed acquire, from whatever flow that runs in.</summary>
    private sealed class Mark
    {
        private readonly int _threadId = Environment.CurrentManagedThreadId;
        private readonly int? _taskId = Task.CurrentId;
        private readonly int _flowSwitches = t_flowSwitches;

        public Mark(string path) => Path = path;

        public string Path { get; }

        public volatile bool Active = true;

        /// <summary>
        /// Whether the code asking now is certainly the code that made this mark: same thread, same running task
        /// (an inlined child task or a Parallel.For body has its own), and no switch of async flow on this thread since.
        /// </summary>
        public bool IsCurrentCodePath() =>
            _threadId == Environment.CurrentManagedThreadId && _taskId == Task.CurrentId && _flowSwitches == t_flowSwitches;
    }

    /// <summary>The async flow's immutable list of marks (flows that copy it share the marks, so a release is seen by all).</summary>
    private sealed class HeldNode
    {
        public HeldNode(Mark mark, HeldNode? next)
        {
            Mark = mark;
            Next = next;
        }

        public Mark Mark { get; }

        public HeldNode? Next { get; }

        /// <summary>The list without released marks; nodes are copied, marks never are.</summary>
        public static HeldNode? Prune(HeldNode? head)
        {
            if (head is null)
            {
                return null;
            }

            var rest = Prune(head.Next);
            return !head.Mark.Active ? rest : ReferenceEquals(rest, head.Next) ? head : new HeldNode(head.Mark, rest);
        }
    }

    /// <summary>The operating-system lock on an open lock file.</summary>
    private sealed class OsLock : IDisposable
    {
        private readonly int _fd = -1;
        private readonly long _size;
        private readonly FileStream? _windowsFile;

        private OsLock(int fd, long size)
        {
            _fd = fd;
            _size = size;
        }

        private OsLock(FileStream windowsFile) => _windowsFile = windowsFile;

        /// <summary>One non-blocking attempt; null when someone else holds the lock.</summary>
        public static OsLock? TryTake(string path, byte[]? nativePath, out bool retryAtOnce)
        {
            retryAtOnce = false;
            if (Windows.IsWindows)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
                bool taken;
                try
                {
                    taken = Windows.TryLock(file.SafeFileHandle, path);
                }
                catch
                {
                    file.Dispose();
                    throw;
                }

                if (!taken)
                {
                    file.Dispose();
                    return null;
                }

                return new OsLock(file);
            }

            Unix.EnsureSupported();
            var flags = Unix.O_RDWR | Unix.O_CREAT | Unix.O_CLOEXEC | Unix.O_NOFOLLOW;
            var fd = Unix.Open(nativePath!, flags, 0x1B6 /* 0666 & ~umask */);
            if (fd < 0 && Unix.LastError == Unix.ENOENT)
            {
                // Only a missing directory makes O_CREAT fail with ENOENT; create it on demand, not on every acquire.
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                fd = Unix.Open(nativePath!, flags, 0x1B6);
            }

            if (fd < 0)
            {
                var errno = Unix.LastError;
                if (errno == Unix.ELOOP)
                {
                    throw new IOException($"The lock file '{path}' is a symbolic link; FileLock does not follow links ({Unix.Describe(errno)}).");
                }

                throw Unix.ErrorFor(errno, "open the lock file", path);
            }

            if (Unix.Flock(fd, Unix.LOCK_EX | Unix.LOCK_NB) != 0)
            {
                var errno = Unix.LastError;
                Unix.Close(fd);
                if (errno == Unix.EAGAIN)
                {
                    return null;
                }

                if (errno == Unix.ENOLCK || errno == Unix.ENOTSUP || errno == Unix.EOPNOTSUPP || errno == Unix.EINVAL || errno == Unix.ENOSYS)
                {
                    throw new FileLockNotSupportedException(
                        $"The file system of '{path}' cannot lock files ({Unix.Describe(errno)}). FileLock fails closed rather than hand out a lock that is not one; put the lock file on a local file system.",
                        path,
                        errno);
                }

                throw Unix.ErrorFor(errno, "lock", path);
            }

            // The file we locked must still be the one at the path; someone may have deleted or replaced it.
            var locked = Unix.FStat(fd);
            var current = Unix.LStat(nativePath!);
            if (!locked.Exists || !current.Exists || locked.Device != current.Device || locked.Inode != current.Inode)
            {
                Unix.Close(fd);
                retryAtOnce = true;
                return null;
            }

            return new OsLock(fd, locked.Size);
        }

        /// <summary>
        /// PID, host and time for diagnostics, as one fixed-length record written in place (never truncated
        /// first, so readers never see it empty); the file is truncated only if it held something longer or shorter.
        /// </summary>
        public void WriteHolderInfo(Gate gate)
        {
            // Re-taking the lock within a second of our own last record keeps that record (its time is then
            // up to a second early): a pread is cheaper than a write, which dirties the inode.
            if (_windowsFile is null && gate.RecordWrittenAt != 0 && Stopwatch.GetTimestamp() - gate.RecordWrittenAt < Stopwatch.Frequency
                && _size == LockHolderInfo.RecordLength && LockHolderInfo.IsOurs(_fd))
            {
                return;
            }

            var info = LockHolderInfo.Create();
            gate.RecordWrittenAt = Stopwatch.GetTimestamp();
            try
            {
                if (_windowsFile is not null)
                {
                    _windowsFile.Position = 0;
                    _windowsFile.Write(info, 0, info.Length);
                    _windowsFile.SetLength(info.Length);
                    _windowsFile.Flush();
                    return;
                }

                if (Unix.PWrite(_fd, info, info.Length, 0) == info.Length && _size != info.Length)
                {
                    Unix.FTruncate(_fd, info.Length);
                }
            }
            catch (IOException)
            {
                // Diagnostics only: a read-only or full file system must not fail the lock.
            }
        }

        public static string? ReadHolderInfo(string path)
        {
            try
            {
                byte[] buffer = new byte[512];
                int length;
                if (Windows.IsWindows)
                {
                    using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
                    length = file.Read(buffer, 0, buffer.Length);
                }
                else
                {
                    // Our own open(2): a FileStream read-only open would try a shared flock and fail.
                    var fd = Unix.Open(path, Unix.O_RDONLY | Unix.O_CLOEXEC | Unix.O_NOFOLLOW, 0);
                    if (fd < 0)
                    {
                        return null;
                    }

                    length = (int)Unix.Read(fd, buffer, buffer.Length);
                    _ = Unix.Close(fd);
                }

                return length > 0 ? Encoding.UTF8.GetString(buffer, 0, length).Trim() : null;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        public void Dispose()
        {
            if (_windowsFile is not null)
            {
                Windows.Unlock(_windowsFile.SafeFileHandle);
                _windowsFile.Dispose();
                return;
            }

            Unix.Flock(_fd, Unix.LOCK_UN);
            Unix.Close(_fd);
        }
    }
}
