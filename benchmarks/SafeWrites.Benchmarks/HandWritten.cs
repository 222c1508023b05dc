using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace SafeWrites.Benchmarks;

/// <summary>The atomic-write protocol as a careful developer would write it by hand: the baseline.</summary>
internal static partial class HandWritten
{
    private const int O_RDONLY = 0;
    private const int O_DIRECTORY = 0x10000; // Linux x86-64
    private const int O_CLOEXEC = 0x80000;

    public static void DurableWriteAllText(string path, string contents)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(contents));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        FSyncDirectory(Path.GetDirectoryName(path)!);
    }

    private static void FSyncDirectory(string directory)
    {
        var fd = Open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
        {
            throw new IOException("open directory failed: errno " + Marshal.GetLastPInvokeError());
        }

        FSync(fd);
        Close(fd);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
