using System;

namespace SafeWrites;

/// <summary>
/// <see cref="FileLock.Acquire(string, TimeSpan, System.Threading.CancellationToken)"/> gave up
/// because another holder kept the lock for the whole timeout. The message quotes the holder
/// information (PID, host, acquisition time) read from the lock file.
/// </summary>
public class FileLockTimeoutException : TimeoutException
{
    /// <summary>Creates the exception with a default message.</summary>
    public FileLockTimeoutException()
        : base("Timed out waiting for a file lock.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public FileLockTimeoutException(string? message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The inner exception.</param>
    public FileLockTimeoutException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a lock that stayed held for <paramref name="timeout"/>.</summary>
    /// <param name="lockPath">The full path of the lock file.</param>
    /// <param name="timeout">The timeout that elapsed.</param>
    /// <param name="holderInfo">What the lock file says about its holder, or <see langword="null"/>.</param>
    public FileLockTimeoutException(string lockPath, TimeSpan timeout, string? holderInfo)
        : this(lockPath, timeout, holderInfo, heldInThisProcess: false)
    {
    }

    /// <summary>As the public constructor; <paramref name="heldInThisProcess"/> says the holder is certainly this process.</summary>
    internal FileLockTimeoutException(string lockPath, TimeSpan timeout, string? holderInfo, bool heldInThisProcess)
        : base(FormatMessage(lockPath, timeout, holderInfo, heldInThisProcess))
    {
        LockPath = lockPath;
        Timeout = timeout;
        HolderInfo = holderInfo;
        HolderProcessId = Internal.LockHolderInfo.TryParseProcessId(holderInfo);
    }

    /// <summary>The full path of the lock file.</summary>
    public string? LockPath { get; }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// The holder information read from the lock file (PID, host, UTC acquisition time), or
    /// <see langword="null"/> if it could not be read. For diagnostics only: it is written after
    /// the lock is taken, so it can briefly describe a previous holder.
    /// </summary>
    public string? HolderInfo { get; }

    /// <summary>The holder's process id parsed from <see cref="HolderInfo"/>, if present.</summary>
    public int? HolderProcessId { get; }

    private static string FormatMessage(string lockPath, TimeSpan timeout, string? holderInfo, bool heldInThisProcess)
    {
        var message = $"Timed out after {timeout.TotalMilliseconds:0} ms waiting for the lock '{lockPath}'. ";
        if (heldInThisProcess)
        {
            return message + $"The holder is this process (another thread or task of it){(string.IsNullOrWhiteSpace(holderInfo) ? "" : $": {holderInfo}")}. "
                + "A thread or task started while its parent held the lock waits like any other waiter; if the parent waits for it while still holding the lock, neither can go on until this timeout.";
        }

        return message + (string.IsNullOrWhiteSpace(holderInfo) ? "The holder is unknown." : $"Held by: {holderInfo}.");
    }
}
