using System;
using System.IO;

namespace SafeWrites;

/// <summary>
/// The file system refused to rename the temporary file over the destination (for example EXDEV
/// or EBUSY when the destination is a single file bind-mounted into a container). The destination
/// is unchanged and the temporary file has been removed. SafeWrites never falls back to a copy
/// silently; set <see cref="AtomicWriteOptions.FallbackToInPlaceWrite"/> to allow a non-atomic
/// in-place write with a backup.
/// </summary>
public class AtomicRenameException : IOException
{
    /// <summary>Creates the exception with a default message.</summary>
    public AtomicRenameException()
        : base("The file system refused an atomic rename.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AtomicRenameException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public AtomicRenameException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused rename of <paramref name="destinationPath"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="destinationPath">The file that could not be replaced.</param>
    /// <param name="nativeErrorCode">The operating system's error number (errno on Unix).</param>
    public AtomicRenameException(string? message, string? destinationPath, int nativeErrorCode)
        : base(message)
    {
        DestinationPath = destinationPath;
        NativeErrorCode = nativeErrorCode;
    }

    /// <summary>The file that could not be replaced, if known.</summary>
    public string? DestinationPath { get; }

    /// <summary>The operating system's error number (errno on Unix, a Win32 error on Windows); 0 if unknown.</summary>
    public int NativeErrorCode { get; }
}
