using System;
using System.IO;

namespace SafeWrites.DistributedLock;

/// <summary>
/// <see cref="DistributedLockProvider"/> could not take a lock because the lock service failed: it could not be
/// reached, refused the connection, or went away while the caller waited. Nothing was locked, so the document
/// was neither read nor written by the operation that asked for the lock. <see cref="Exception.InnerException"/>
/// is the service client's own error.
/// </summary>
public sealed class LockServiceUnavailableException : IOException
{
    /// <summary>Creates the exception with a default message.</summary>
    public LockServiceUnavailableException()
        : base("The distributed lock service is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public LockServiceUnavailableException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public LockServiceUnavailableException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the lock <paramref name="lockName"/> that guards <paramref name="path"/>.</summary>
    /// <param name="path">The data file the lock protects.</param>
    /// <param name="lockName">The lock's name in the service.</param>
    /// <param name="innerException">The service client's error.</param>
    public LockServiceUnavailableException(string path, string lockName, Exception innerException)
        : base(
            $"Could not take the distributed lock '{lockName}' for '{path}': the lock service failed "
            + $"({innerException?.GetType().Name}: {innerException?.Message}). Nothing was locked.",
            innerException)
    {
        Path = path;
        LockName = lockName;
    }

    /// <summary>The data file the lock protects, if known.</summary>
    public string? Path { get; }

    /// <summary>The lock's name in the service, if known.</summary>
    public string? LockName { get; }
}
