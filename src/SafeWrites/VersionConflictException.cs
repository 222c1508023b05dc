using System;

namespace SafeWrites;

/// <summary>
/// <see cref="JsonFileStore{T}.Replace"/> found that the document changed since the version the caller read:
/// another writer got there first. Nothing was written; read again and recompute.
/// </summary>
public class VersionConflictException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public VersionConflictException()
        : base("The document changed since it was read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public VersionConflictException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public VersionConflictException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a document whose version is no longer the expected one.</summary>
    /// <param name="path">The full path of the document.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="actualVersion">The version the file had when the write was attempted.</param>
    public VersionConflictException(string path, FileVersion expectedVersion, FileVersion actualVersion)
        : base($"The document '{path}' changed since it was read (expected version {expectedVersion}, found {actualVersion}); nothing was written. Read it again and recompute the new value.")
    {
        Path = path;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The full path of the document, if known.</summary>
    public string? Path { get; }

    /// <summary>The version the caller read and expected to replace.</summary>
    public FileVersion ExpectedVersion { get; }

    /// <summary>The version the file had when the write was attempted.</summary>
    public FileVersion ActualVersion { get; }
}
