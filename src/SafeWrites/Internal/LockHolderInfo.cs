using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SafeWrites.Internal;

/// <summary>The diagnostic line a lock holder writes into its lock file: <c>pid=… host=… acquired=…</c>.</summary>
internal static class LockHolderInfo
{
    /// <summary>Records are padded to this length, so a holder rewriting its own record never needs to truncate.</summary>
    internal const int RecordLength = 128;

    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes(CreatePrefix() + " acquired=");

    /// <summary><c>pid=… host=… acquired=yyyy-MM-ddTHH:mm:ss.fffffffZ</c>, space-padded to <see cref="RecordLength"/> with a final newline.</summary>
    internal static byte[] Create()
    {
        const int TimeLength = 28;
        var length = Math.Max(RecordLength, Prefix.Length + TimeLength + 1);
        var record = new byte[length];
        Buffer.BlockCopy(Prefix, 0, record, 0, Prefix.Length);
        var now = DateTime.UtcNow;
        var i = Prefix.Length;
        i = Digits(record, i, now.Year, 4, (byte)'-');
        i = Digits(record, i, now.Month, 2, (byte)'-');
        i = Digits(record, i, now.Day, 2, (byte)'T');
        i = Digits(record, i, now.Hour, 2, (byte)':');
        i = Digits(record, i, now.Minute, 2, (byte)':');
        i = Digits(record, i, now.Second, 2, (byte)'.');
        i = Digits(record, i, (int)(now.Ticks % TimeSpan.TicksPerSecond), 7, (byte)'Z');
        for (; i < length - 1; i++)
        {
            record[i] = (byte)' ';
        }

        record[length - 1] = (byte)'\n';
        return record;
    }

    /// <summary>Whether the lock file's record was written by this process (same pid and host prefix).</summary>
    internal static bool IsOurs(int fd)
    {
        var buffer = new byte[Prefix.Length];
        if (Unix.PRead(fd, buffer, buffer.Length, 0) != buffer.Length)
        {
            return false;
        }

        for (var i = 0; i < buffer.Length; i++)
        {
            if (buffer[i] != Prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int Digits(byte[] buffer, int index, int value, int width, byte separator)
    {
        for (var d = index + width - 1; d >= index; d--)
        {
            buffer[d] = (byte)('0' + (value % 10));
            value /= 10;
        }

        buffer[index + width] = separator;
        return index + width + 1;
    }

    internal static int? TryParseProcessId(string? info)
    {
        if (info is null)
        {
            return null;
        }

        var start = info.IndexOf("pid=", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        long pid = 0;
        var end = start + 4;
        for (; end < info.Length && info[end] is >= '0' and <= '9' && pid <= int.MaxValue; end++)
        {
            pid = (pid * 10) + (info[end] - '0');
        }

        return end > start + 4 && pid <= int.MaxValue ? (int)pid : null;
    }

    private static string CreatePrefix()
    {
        using var process = Process.GetCurrentProcess();
        string host;
        try
        {
            host = Environment.MachineName;
        }
        catch (InvalidOperationException)
        {
            host = "unknown";
        }

        return "pid=" + process.Id.ToString(CultureInfo.InvariantCulture) + " host=" + host;
    }
}
