using System;

namespace SafeWrites;

/// <summary>
/// The file system or platform cannot provide the exclusive lock <see cref="FileLock"/> needs
/// (for example ENOLCK or ENOTSUP from <c>flock</c> on some network or FUSE mounts). FileLock fails
/// closed: it never hands out a lock it could not really take.
/// </summary>
public class FileLockNotSupportedException : NotSupportedException
{
    /// <summary>Creates the exception with a default message.</summary>
    public FileLockNotSupportedException()
        : base("File locks are not supported here.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public FileLockNotSupportedException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public FileLockNotSupportedException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a lock file whose file system refused the lock.</summary>
    /// <param name="message">The message.</param>
    /// <param name="lockPath">The full path of the lock file.</param>
    /// <param name="nativeErrorCode">The operating system's error number (errno on Unix).</param>
    public FileLockNotSupportedException(string? message, string? lockPath, int nativeErrorCode)
        : base(message)
    {
        LockPath = lockPath;
        NativeErrorCode = nativeErrorCode;
    }

    /// <summary>The full path of the lock file, if known.</summary>
    public string? LockPath { get; }

    /// <summary>The operating system's error number; 0 if unknown.</summary>
    public int NativeErrorCode { get; }
}
