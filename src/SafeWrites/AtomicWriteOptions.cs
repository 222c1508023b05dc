using System;

namespace SafeWrites;

/// <summary>
/// Options for an <see cref="AtomicFile"/> write. A <see langword="null"/> options argument means
/// the defaults: durable, no backup, follow symbolic links, no in-place fallback.
/// </summary>
public sealed class AtomicWriteOptions
{
    private int _sharingViolationRetryCount = 10;
    private TimeSpan _sharingViolationRetryDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// When <see langword="true"/> (the default), the new content is flushed to the storage device
    /// and, on Unix, the directory is flushed after the rename, so the new content survives a power
    /// loss once the call returns. When <see langword="false"/>, readers still never see a torn file,
    /// but a power loss shortly after the call may leave the old content.
    /// </summary>
    public bool Durable { get; set; } = true;

    /// <summary>
    /// When <see langword="true"/>, the previous content of the destination is kept as
    /// <c>&lt;name&gt;.bak</c> next to it. The backup is replaced atomically as well.
    /// </summary>
    public bool KeepBackup { get; set; }

    /// <summary>
    /// When the destination is a symbolic link, <see langword="false"/> (the default) replaces the
    /// file the link points to and keeps the link; <see langword="true"/> replaces the link itself
    /// with a regular file.
    /// </summary>
    public bool ReplaceSymlink { get; set; }

    /// <summary>
    /// When the file system refuses the atomic rename (EXDEV or EBUSY, e.g. a single file
    /// bind-mounted into a container), <see langword="false"/> (the default) throws an
    /// <see cref="AtomicRenameException"/>. <see langword="true"/> instead saves the previous content
    /// as <c>&lt;name&gt;.bak</c> and overwrites the destination in place. That write is NOT atomic:
    /// a reader or a crash during it can see a partial file; the backup is what remains.
    /// </summary>
    public bool FallbackToInPlaceWrite { get; set; }

    /// <summary>
    /// Windows only: how many times the final replace is retried when another process (antivirus,
    /// indexer, sync client) briefly holds the destination open. Default 10; 0 disables retries.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int SharingViolationRetryCount
    {
        get => _sharingViolationRetryCount;
        set => _sharingViolationRetryCount = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The retry count cannot be negative.");
    }

    /// <summary>
    /// Windows only: the first delay between replace retries (default 20 ms). Later delays double,
    /// up to 16 times this value, with random jitter; the total wait is measured on a monotonic clock.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan SharingViolationRetryDelay
    {
        get => _sharingViolationRetryDelay;
        set => _sharingViolationRetryDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The retry delay cannot be negative.");
    }

    internal static readonly AtomicWriteOptions Default = new();
}
