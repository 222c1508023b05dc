using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;
using SafeWrites.Internal;

namespace SafeWrites;

/// <summary>
/// A write-only stream to a temporary file next to the destination, created by
/// <see cref="AtomicFile.Create(string, AtomicWriteOptions?)"/>. <see cref="Commit"/> (or
/// <see cref="CommitAsync"/>) publishes the content by atomically renaming it over the destination.
/// Disposing without committing discards the temporary file and leaves the destination untouched:
/// an exception in the middle of writing never publishes half a file.
/// </summary>
/// <remarks>This stream is the one write core every <see cref="AtomicFile"/> method goes through.</remarks>
public sealed class AtomicFileStream : Stream
{
    private const int BufferSize = 4096;

    // A temporary file whose writer is gone is removed by a later write once it is this old.
    internal static readonly TimeSpan StaleTempAge = TimeSpan.FromMinutes(1);

    private static readonly RandomNumberGenerator Rng = RandomNumberGenerator.Create();
    private static readonly ConcurrentDictionary<string, long> LastCleanup = new(StringComparer.Ordinal);

    private readonly AtomicWriteOptions _options;
    private readonly string _target;
    private readonly string _directory;
    private readonly string _tempPath;
    private readonly uint? _mode;
    private readonly int _uid;
    private readonly int _gid;
    private readonly SafeFileHandle _handle;
    private FileStream? _inner;
    private State _state;

    private enum State
    {
        Writing,
        Committed,
        Discarded,
    }

    private AtomicFileStream(string path, string target, AtomicWriteOptions options, string tempPath, FileStream inner, uint? mode, int uid, int gid)
    {
        Path = path;
        _target = target;
        _directory = System.IO.Path.GetDirectoryName(target)!;
        _options = options;
        _tempPath = tempPath;
        _inner = inner;

        // Kept here because FileStream.SafeFileHandle flushes the buffer, which can fail when the disk is full.
        _handle = inner.SafeFileHandle;
        _mode = mode;
        _uid = uid;
        _gid = gid;
    }

    /// <summary>The full path of the destination as given (a symbolic link stays a link unless <see cref="AtomicWriteOptions.ReplaceSymlink"/> is set).</summary>
    public string Path { get; }

    /// <summary>Whether <see cref="Commit"/> has published the content.</summary>
    public bool IsCommitted => _state == State.Committed;

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => _state == State.Writing;

    /// <inheritdoc />
    public override bool CanWrite => _state == State.Writing;

    /// <inheritdoc />
    public override long Length => Inner.Length;

    /// <inheritdoc />
    public override long Position
    {
        get => Inner.Position;
        set => Inner.Position = value;
    }

    private FileStream Inner => _state switch
    {
        State.Writing => _inner!,
        State.Committed => throw new InvalidOperationException($"The atomic write to '{Path}' has already been committed."),
        _ => throw new ObjectDisposedException(nameof(AtomicFileStream), $"The atomic write to '{Path}' was discarded."),
    };

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);

    /// <inheritdoc />
    public override void WriteByte(byte value) => Inner.WriteByte(value);

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Inner.WriteAsync(buffer, offset, count, cancellationToken);

    /// <summary>Flushes buffered bytes to the temporary file (not to the destination: only <see cref="Commit"/> publishes).</summary>
    public override void Flush() => Inner.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("An AtomicFileStream is write-only.");

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => Inner.Seek(offset, origin);

    /// <inheritdoc />
    public override void SetLength(long value) => Inner.SetLength(value);

    /// <summary>
    /// Publishes the written content: flushes it (to disk when <see cref="AtomicWriteOptions.Durable"/>),
    /// applies the destination's permission bits, and renames the temporary file over the destination.
    /// On failure the temporary file is removed and the destination is unchanged.
    /// </summary>
    /// <exception cref="AtomicRenameException">The file system refused the rename (EXDEV, EBUSY).</exception>
    /// <exception cref="IOException">Writing, flushing or renaming failed.</exception>
    public void Commit() => CommitCore(flushedAsync: false, CancellationToken.None);

    /// <summary>
    /// Like <see cref="Commit"/>, but flushes buffered bytes asynchronously. Cancellation is honoured
    /// until the rename starts; after that the write completes. The disk flush itself is synchronous.
    /// </summary>
    /// <param name="cancellationToken">Cancels the commit before the rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Discard();
            throw;
        }

        CommitCore(flushedAsync: true, cancellationToken);
    }

    /// <summary>Disposing without <see cref="Commit"/> discards the temporary file; the destination is untouched.</summary>
    /// <param name="disposing">Whether this is a call from <see cref="Stream.Dispose()"/>.</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _state == State.Writing)
        {
            Discard();
        }

        base.Dispose(disposing);
    }

    /// <summary>Step 1 and 2 of the protocol: resolve the destination, then create the temporary file.</summary>
    internal static AtomicFileStream Open(string? path, AtomicWriteOptions? options)
    {
        var full = PathGuard.FullFilePath(path, nameof(path));
        options ??= AtomicWriteOptions.Default;
        uint? mode = null;
        int uid = -1, gid = -1;
        string target;
        if (Windows.IsWindows)
        {
            target = full;
            if (Directory.Exists(full))
            {
                throw IsADirectory(full);
            }
        }
        else
        {
            var status = Unix.LStat(full);
            target = full;
            if (status.IsSymlink && !options.ReplaceSymlink)
            {
                target = ResolveLinks(full);
                status = Unix.LStat(target);
            }

            if (status.IsDirectory)
            {
                throw IsADirectory(full);
            }

            if (status.IsRegularFile)
            {
                mode = status.PermissionBits;
                uid = status.Uid;
                gid = status.Gid;
            }
        }

        var directory = System.IO.Path.GetDirectoryName(target)!;
        var name = System.IO.Path.GetFileName(target);
        RemoveStaleTemporaryFiles(directory, name);

        for (var attempt = 0; ; attempt++)
        {
            var tempPath = System.IO.Path.Combine(directory, TempName(name));
            var inner = CreateExclusive(tempPath, out var outcome);
            if (inner is not null)
            {
                return new AtomicFileStream(full, target, options, tempPath, inner, mode, uid, gid);
            }

            if (attempt > 8)
            {
                throw new IOException($"Could not create a unique temporary file next to '{target}'.");
            }

            if (outcome == CreateOutcome.NoDirectory)
            {
                // Created on demand rather than checked on every write.
                Directory.CreateDirectory(directory);
            }
        }
    }

    private static UnauthorizedAccessException IsADirectory(string path) =>
        new UnauthorizedAccessException($"'{path}' is a directory; AtomicFile writes files. Nothing was written.");

    private static string ResolveLinks(string path)
    {
        for (var hops = 0; hops < 40; hops++)
        {
            var link = Unix.ReadLink(path);
            if (link is null)
            {
                return path;
            }

            path = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, link));
        }

        throw new IOException($"Too many levels of symbolic links at '{path}'.");
    }

    /// <summary><c>.&lt;name&gt;.&lt;random&gt;.tmp</c>; the name part is shortened so the whole stays under NAME_MAX.</summary>
    private static string TempName(string name)
    {
        var bytes = new byte[8];
        Rng.GetBytes(bytes);
        var random = BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();
        return "." + (name.Length > 200 ? name.Substring(0, 200) : name) + "." + random + ".tmp";
    }

    private enum CreateOutcome
    {
        Created,
        Exists,
        NoDirectory,
    }

    /// <summary>Exclusive create, no link following, mode 0600; the writer holds flock on it so cleanup can tell it is alive.</summary>
    private static FileStream? CreateExclusive(string tempPath, out CreateOutcome outcome)
    {
        outcome = CreateOutcome.Created;
        if (Windows.IsWindows)
        {
            try
            {
                return new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.None);
            }
            catch (DirectoryNotFoundException)
            {
                outcome = CreateOutcome.NoDirectory;
                return null;
            }
            catch (IOException) when (File.Exists(tempPath))
            {
                outcome = CreateOutcome.Exists;
                return null;
            }
        }

        var fd = Unix.Open(tempPath, Unix.O_WRONLY | Unix.O_CREAT | Unix.O_EXCL | Unix.O_NOFOLLOW | Unix.O_CLOEXEC, 0x180 /* 0600 */);
        if (fd < 0)
        {
            var errno = Unix.LastError;
            outcome = errno == Unix.EEXIST ? CreateOutcome.Exists : errno == Unix.ENOENT ? CreateOutcome.NoDirectory : throw Unix.ErrorFor(errno, "create a temporary file", tempPath);
            return null;
        }

        var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        try
        {
            if (Unix.IsMacOS)
            {
                // open(2) is variadic, which Apple arm64 passes on the stack: set the mode explicitly.
                Unix.FChmod(fd, 0x180);
            }

            Unix.Flock(fd, Unix.LOCK_EX | Unix.LOCK_NB);
            return new FileStream(handle, FileAccess.Write, BufferSize);
        }
        catch
        {
            handle.Dispose();
            Unix.Unlink(tempPath);
            throw;
        }
    }

    private void CommitCore(bool flushedAsync, CancellationToken cancellationToken)
    {
        var inner = Inner;
        var renamed = false;
        try
        {
            if (!flushedAsync)
            {
                inner.Flush(flushToDisk: false);
            }

            if (!Windows.IsWindows)
            {
                // Permission bits before the disk flush, so the flush makes them durable too.
                var fd = (int)_handle.DangerousGetHandle();
                Unix.FChmod(fd, _mode ?? (0x1B6 /* 0666 */ & ~Unix.Umask));
                if (_uid >= 0 && (_uid != Unix.EffectiveUserId || _gid != Unix.EffectiveGroupId))
                {
                    // Best effort: only root (or a member of the group) may give the file back its owner.
                    Unix.FChown(fd, _uid, _gid);
                }

                if (_options.Durable)
                {
                    Unix.FullFSync(fd);
                }
            }
            else if (_options.Durable)
            {
                inner.Flush(flushToDisk: true);
            }

            inner.Dispose();
            _inner = null;
            cancellationToken.ThrowIfCancellationRequested();

            if (_options.KeepBackup)
            {
                Backup();
            }

            renamed = Publish();
            if (_options.Durable && !Windows.IsWindows)
            {
                Unix.FSyncDirectory(_directory);
            }

            _state = State.Committed;
        }
        catch
        {
            if (!renamed)
            {
                Discard();
            }
            else
            {
                // The rename happened; only the directory flush failed. The content is published.
                _state = State.Committed;
            }

            throw;
        }
    }

    /// <summary>Renames the temporary file over the target; true once it has happened.</summary>
    private bool Publish()
    {
        if (Windows.IsWindows)
        {
            Windows.Replace(_tempPath, _target, _options);
            return true;
        }

        if (Unix.Rename(_tempPath, _target) == 0)
        {
            return true;
        }

        var errno = Unix.LastError;
        if (errno == Unix.EXDEV || errno == Unix.EBUSY)
        {
            if (_options.FallbackToInPlaceWrite)
            {
                WriteInPlace();
                return true;
            }

            throw new AtomicRenameException(
                $"Could not atomically replace '{_target}': the file system refused the rename ({Unix.Describe(errno)}), as it does for a single file bind-mounted into a container. "
                + "The destination is unchanged. Write to a file in a mounted directory instead, or set AtomicWriteOptions.FallbackToInPlaceWrite to accept a non-atomic write with a backup.",
                _target,
                errno);
        }

        if (errno == Unix.EISDIR)
        {
            throw IsADirectory(_target);
        }

        throw Unix.ErrorFor(errno, "rename the temporary file over", _target);
    }

    /// <summary>The opted-in fallback when rename is refused: back up, then overwrite in place (not atomic).</summary>
    private void WriteInPlace()
    {
        if (!_options.KeepBackup)
        {
            Backup();
        }

        using (var source = new FileStream(_tempPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, BufferSize))
        using (var destination = new FileStream(_target, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite, BufferSize))
        {
            source.CopyTo(destination);
            destination.SetLength(destination.Position);
            destination.Flush(_options.Durable);
        }

        Unix.Unlink(_tempPath);
    }

    /// <summary>Keeps the current target as &lt;name&gt;.bak, itself replaced atomically (a hard link, or a copy where links are refused).</summary>
    private void Backup()
    {
        if (!File.Exists(_target))
        {
            return;
        }

        var backup = _target + ".bak";
        var backupTemp = System.IO.Path.Combine(_directory, TempName(System.IO.Path.GetFileName(backup)));
        try
        {
            if (Windows.IsWindows)
            {
                File.Copy(_target, backupTemp);
                Windows.Replace(backupTemp, backup, _options);
                return;
            }

            if (Unix.Link(_target, backupTemp) != 0)
            {
                File.Copy(_target, backupTemp);
            }

            if (Unix.Rename(backupTemp, backup) != 0)
            {
                throw Unix.ErrorFor(Unix.LastError, "replace the backup", backup);
            }
        }
        catch
        {
            TryDelete(backupTemp);
            throw;
        }
    }

    private void Discard()
    {
        if (_state != State.Writing)
        {
            return;
        }

        _state = State.Discarded;
        if (_inner is { } inner)
        {
            _inner = null;
            try
            {
                // Flushing the buffer can fail again (disk full); the handle is closed regardless.
                inner.Dispose();
            }
            catch (IOException)
            {
            }
            finally
            {
                _handle.Dispose();
            }
        }

        TryDelete(_tempPath);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Windows.IsWindows)
            {
                File.Delete(path);
            }
            else
            {
                Unix.Unlink(path);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Removes <c>.&lt;name&gt;.*.tmp</c> files left by writers that died: older than
    /// <see cref="StaleTempAge"/> and not locked (a live writer holds flock on its temporary file;
    /// on Windows it holds it open without sharing). Runs at most once a minute per destination per process.
    /// </summary>
    private static void RemoveStaleTemporaryFiles(string directory, string name)
    {
        var key = System.IO.Path.Combine(directory, name);
        var now = Stopwatch.GetTimestamp();
        if (LastCleanup.TryGetValue(key, out var last) && now - last < Stopwatch.Frequency * 60)
        {
            return;
        }

        if (LastCleanup.Count > 10_000)
        {
            LastCleanup.Clear();
        }

        LastCleanup[key] = now;
        try
        {
            var pattern = "." + (name.Length > 200 ? name.Substring(0, 200) : name) + ".*.tmp";
            foreach (var candidate in Directory.EnumerateFiles(directory, pattern))
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(candidate) < StaleTempAge)
                {
                    continue;
                }

                if (Windows.IsWindows)
                {
                    // Fails with a sharing violation while its writer still has it open.
                    TryDelete(candidate);
                    continue;
                }

                var fd = Unix.Open(candidate, Unix.O_RDONLY | Unix.O_NOFOLLOW | Unix.O_CLOEXEC, 0);
                if (fd < 0)
                {
                    continue;
                }

                try
                {
                    if (Unix.Flock(fd, Unix.LOCK_EX | Unix.LOCK_NB) == 0)
                    {
                        Unix.Unlink(candidate);
                    }
                }
                finally
                {
                    Unix.Close(fd);
                }
            }
        }
        catch (IOException)
        {
            // Cleanup is a courtesy; it never fails a write.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
