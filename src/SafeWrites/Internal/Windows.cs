using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.Win32.SafeHandles;

// Every caller checks Windows.IsWindows first; the analyzer cannot see through that cached flag.
#pragma warning disable CA1416

namespace SafeWrites.Internal;

/// <summary>Windows calls. Compiled and reviewed, but not exercised by the test suite (it runs on Linux).</summary>
internal static class Windows
{
    internal static readonly bool IsWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    private const int MOVEFILE_REPLACE_EXISTING = 0x1;
    private const int MOVEFILE_WRITE_THROUGH = 0x8;
    private const int ERROR_ACCESS_DENIED = 5;
    private const int ERROR_SHARING_VIOLATION = 32;
    private const int ERROR_LOCK_VIOLATION = 33;
    private const int ERROR_NOT_SAME_DEVICE = 17;
    private const int ERROR_IO_PENDING = 997;
    private const int LOCKFILE_FAIL_IMMEDIATELY = 0x1;
    private const int LOCKFILE_EXCLUSIVE_LOCK = 0x2;

    // The locked byte lies far past any content, so the holder info stays readable by waiters.
    private const int LockOffsetHigh = 0x7FFFFFFF;

    /// <summary>
    /// Replaces <paramref name="destination"/> with <paramref name="source"/> (never COPY_ALLOWED),
    /// retrying the transient errors antivirus, indexers and sync clients cause.
    /// </summary>
    internal static void Replace(string source, string destination, AtomicWriteOptions options)
    {
        var start = Stopwatch.GetTimestamp();
        var delay = options.SharingViolationRetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            if (MoveFileExW(source, destination, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
            {
                return;
            }

            var error = Marshal.GetLastWin32Error();
            if (error == ERROR_NOT_SAME_DEVICE)
            {
                throw new AtomicRenameException($"Could not atomically replace '{destination}': the temporary file is on another volume (Win32 error {error}).", destination, error);
            }

            var transient = error is ERROR_ACCESS_DENIED or ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION;
            if (!transient || attempt >= options.SharingViolationRetryCount)
            {
                var elapsed = Backoff.Elapsed(start);
                throw new IOException($"Could not replace '{destination}' (Win32 error {error}) after {attempt + 1} attempts in {elapsed.TotalMilliseconds:0} ms.", Marshal.GetHRForLastWin32Error());
            }

            Thread.Sleep(Backoff.Jitter(delay));
            var next = TimeSpan.FromTicks(delay.Ticks * 2);
            var cap = TimeSpan.FromTicks(options.SharingViolationRetryDelay.Ticks * 16);
            delay = next < cap ? next : cap;
        }
    }

    /// <summary>Takes an exclusive, non-blocking lock; false if another handle holds it.</summary>
    internal static bool TryLock(SafeFileHandle handle, string path)
    {
        var overlapped = new NativeOverlapped { OffsetLow = 0, OffsetHigh = LockOffsetHigh };
        if (LockFileEx(handle, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ref overlapped))
        {
            return true;
        }

        var error = Marshal.GetLastWin32Error();
        if (error is ERROR_LOCK_VIOLATION or ERROR_IO_PENDING)
        {
            return false;
        }

        throw new FileLockNotSupportedException($"LockFileEx failed for '{path}' (Win32 error {error}).", path, error);
    }

    internal static void Unlock(SafeFileHandle handle)
    {
        var overlapped = new NativeOverlapped { OffsetLow = 0, OffsetHigh = LockOffsetHigh };
        UnlockFileEx(handle, 0, 1, 0, ref overlapped);
    }

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool MoveFileExW(string existingFileName, string newFileName, int flags);

    [DllImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool LockFileEx(SafeFileHandle handle, int flags, int reserved, int lengthLow, int lengthHigh, ref NativeOverlapped overlapped);

    [DllImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool UnlockFileEx(SafeFileHandle handle, int reserved, int lengthLow, int lengthHigh, ref NativeOverlapped overlapped);
}
