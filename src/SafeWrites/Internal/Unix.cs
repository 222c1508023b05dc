using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace SafeWrites.Internal;

/// <summary>The few POSIX calls SafeWrites needs, called directly so nothing falls back to a copy or an emulated lock.</summary>
internal static class Unix
{
    private const string Libc = "libc";

    internal static readonly bool IsMacOS = RuntimeInformation.IsOSPlatform(OSPlatform.OSX);
    private static readonly bool IsLinux = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
    private static readonly bool IsArm = RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64;
    private static readonly bool IsX64 = RuntimeInformation.ProcessArchitecture == Architecture.X64;

    // struct stat is at most 144 bytes on the supported platforms; one buffer per thread keeps stat calls allocation-free.
    [ThreadStatic]
    private static byte[]? t_statBuffer;

    // open(2) flags differ between Linux (and between its architectures) and macOS.
    internal static readonly int O_RDONLY = 0;
    internal static readonly int O_WRONLY = 1;
    internal static readonly int O_RDWR = 2;
    internal static readonly int O_CREAT = IsMacOS ? 0x200 : 0x40;
    internal static readonly int O_EXCL = IsMacOS ? 0x800 : 0x80;
    internal static readonly int O_NOFOLLOW = IsMacOS ? 0x100 : IsArm ? 0x8000 : 0x20000;
    internal static readonly int O_DIRECTORY = IsMacOS ? 0x100000 : IsArm ? 0x4000 : 0x10000;
    internal static readonly int O_CLOEXEC = IsMacOS ? 0x1000000 : 0x80000;

    internal const int LOCK_EX = 2;
    internal const int LOCK_NB = 4;
    internal const int LOCK_UN = 8;

    // errno values that differ by platform.
    internal const int ENOENT = 2;
    internal const int EINTR = 4;
    internal const int EACCES = 13;
    internal const int EBUSY = 16;
    internal const int EEXIST = 17;
    internal const int EXDEV = 18;
    internal const int ENOTDIR = 20;
    internal const int EISDIR = 21;
    internal const int EINVAL = 22;
    internal const int ENOSPC = 28;
    internal const int EPERM = 1;
    internal static readonly int EAGAIN = IsMacOS ? 35 : 11;
    internal static readonly int ENOLCK = IsMacOS ? 77 : 37;
    internal static readonly int ENOSYS = IsMacOS ? 78 : 38;
    internal static readonly int ELOOP = IsMacOS ? 62 : 40;
    internal static readonly int ENOTSUP = IsMacOS ? 45 : 95;
    internal static readonly int EOPNOTSUPP = IsMacOS ? 102 : 95;
    internal static readonly int ENAMETOOLONG = IsMacOS ? 63 : 36;

    internal const uint S_IFMT = 0xF000;
    internal const uint S_IFDIR = 0x4000;
    internal const uint S_IFREG = 0x8000;
    internal const uint S_IFLNK = 0xA000;

    private const int F_FULLFSYNC = 51;

    internal static byte[] ToNative(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
        return bytes;
    }

    internal static int LastError => Marshal.GetLastWin32Error();

    internal static int Open(string path, int flags, int mode) => Open(ToNative(path), flags, mode);

    internal static int Open(byte[] native, int flags, int mode)
    {
        int fd;
        do
        {
            fd = open(native, flags, mode);
        }
        while (fd < 0 && LastError == EINTR);
        return fd;
    }

    internal static int Flock(int fd, int operation)
    {
        int rc;
        do
        {
            rc = flock(fd, operation);
        }
        while (rc < 0 && LastError == EINTR);
        return rc;
    }

    internal static int Rename(string from, string to) => rename(ToNative(from), ToNative(to));

    internal static int Link(string from, string to) => link(ToNative(from), ToNative(to));

    internal static int Unlink(string path) => unlink(ToNative(path));

    internal static int Close(int fd) => close(fd);

    internal static int FChmod(int fd, uint mode) => fchmod(fd, mode);

    internal static int FChown(int fd, int uid, int gid) => fchown(fd, uid, gid);

    internal static int FSync(int fd) => fsync(fd);

    internal static readonly int EffectiveUserId = Windows.IsWindows ? -1 : (int)geteuid();

    internal static readonly int EffectiveGroupId = Windows.IsWindows ? -1 : (int)getegid();

    /// <summary>fsync, plus F_FULLFSYNC on macOS where fsync does not reach the platters.</summary>
    internal static void FullFSync(int fd)
    {
        if (IsMacOS && fcntl(fd, F_FULLFSYNC) == 0)
        {
            return;
        }

        if (fsync(fd) != 0)
        {
            throw ErrorFor(LastError, "flush to disk", null);
        }
    }

    internal static int FTruncate(int fd, long length) => ftruncate(fd, length);

    internal static long PWrite(int fd, byte[] buffer, int count, long offset) => (long)pwrite(fd, buffer, (IntPtr)count, offset);

    internal static long Read(int fd, byte[] buffer, int count) => (long)read(fd, buffer, (IntPtr)count);

    internal static long PRead(int fd, byte[] buffer, int count, long offset) => (long)pread(fd, buffer, (IntPtr)count, offset);

    /// <summary>The target of a symbolic link, or null if <paramref name="path"/> is not one.</summary>
    internal static string? ReadLink(string path)
    {
        var native = ToNative(path);
        var buffer = new byte[4096];
        var length = (long)readlink(native, buffer, (IntPtr)buffer.Length);
        return length < 0 ? null : Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    /// <summary>fsync a directory so a rename in it survives power loss.</summary>
    internal static void FSyncDirectory(string directory)
    {
        var fd = Open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
        if (fd < 0)
        {
            throw ErrorFor(LastError, "open the directory for flushing", directory);
        }

        try
        {
            // Some file systems cannot fsync a directory (EINVAL); the rename is then as durable as they allow.
            if (fsync(fd) != 0 && LastError != EINVAL)
            {
                throw ErrorFor(LastError, "flush the directory", directory);
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    private static uint? s_umask;

    /// <summary>The process umask, read once (Linux: /proc without changing it; elsewhere umask(2) twice).</summary>
    internal static uint Umask
    {
        get
        {
            if (s_umask is uint cached)
            {
                return cached;
            }

            uint value = 0x12; // 022
            var found = false;
            if (IsLinux)
            {
                try
                {
                    foreach (var line in File.ReadAllLines("/proc/self/status"))
                    {
                        if (line.StartsWith("Umask:", StringComparison.Ordinal))
                        {
                            value = Convert.ToUInt32(line.Substring(6).Trim(), 8);
                            found = true;
                            break;
                        }
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            if (!found)
            {
                value = umask(0x12);
                _ = umask(value);
            }

            s_umask = value;
            return value;
        }
    }

    internal static FileStatus LStat(string path) => StatCore(ToNative(path), follow: false);

    internal static FileStatus LStat(byte[] native) => StatCore(native, follow: false);

    internal static FileStatus Stat(string path) => StatCore(ToNative(path), follow: true);

    internal static FileStatus FStat(int fd)
    {
        var buffer = t_statBuffer ??= new byte[256];
        int rc;
        if (IsMacOS)
        {
            rc = IsX64 ? fstat_inode64(fd, buffer) : fstat(fd, buffer);
        }
        else
        {
            rc = s_legacyStat ? __fxstat(StatVersion, fd, buffer) : TryModern(() => fstat(fd, buffer), () => __fxstat(StatVersion, fd, buffer));
        }

        return rc == 0 ? FileStatus.Parse(buffer) : FileStatus.Missing(LastError);
    }

    private static bool s_legacyStat;

    // glibc before 2.33 exports only the versioned __xstat family; _STAT_VER is 1 on x86-64 and 0 on arm64.
    private static int StatVersion => IsX64 ? 1 : 0;

    private static int TryModern(Func<int> modern, Func<int> legacy)
    {
        try
        {
            return modern();
        }
        catch (EntryPointNotFoundException)
        {
            s_legacyStat = true;
            return legacy();
        }
    }

    private static FileStatus StatCore(byte[] native, bool follow)
    {
        EnsureSupported();
        var buffer = t_statBuffer ??= new byte[256];
        int rc;
        if (IsMacOS)
        {
            rc = follow ? (IsX64 ? stat_inode64(native, buffer) : stat(native, buffer)) : (IsX64 ? lstat_inode64(native, buffer) : lstat(native, buffer));
        }
        else if (follow)
        {
            rc = s_legacyStat ? __xstat(StatVersion, native, buffer) : TryModern(() => stat(native, buffer), () => __xstat(StatVersion, native, buffer));
        }
        else
        {
            rc = s_legacyStat ? __lxstat(StatVersion, native, buffer) : TryModern(() => lstat(native, buffer), () => __lxstat(StatVersion, native, buffer));
        }

        return rc == 0 ? FileStatus.Parse(buffer) : FileStatus.Missing(LastError);
    }

    private static readonly bool Supported = IsMacOS || (IsLinux && (IsX64 || RuntimeInformation.ProcessArchitecture == Architecture.Arm64));

    /// <summary>The platforms whose open flags and struct stat layout this file knows.</summary>
    internal static void EnsureSupported()
    {
        if (!Supported)
        {
            var arch = RuntimeInformation.ProcessArchitecture;
            throw new PlatformNotSupportedException($"SafeWrites supports Linux (x64, arm64), macOS and Windows; this is {RuntimeInformation.OSDescription} on {arch}.");
        }
    }

    /// <summary>Maps an errno to the exception type .NET's own file APIs would throw.</summary>
    internal static Exception ErrorFor(int errno, string operation, string? path)
    {
        var message = $"Could not {operation}{(path is null ? string.Empty : $" '{path}'")}: {Describe(errno)}.";
        if (errno == ENOENT)
        {
            return new DirectoryNotFoundException(message);
        }

        if (errno == EACCES || errno == EPERM)
        {
            return new UnauthorizedAccessException(message);
        }

        if (errno == ENAMETOOLONG)
        {
            return new PathTooLongException(message);
        }

        return new IOException(message, errno);
    }

    internal static string Describe(int errno)
    {
        string? name = errno switch
        {
            ENOENT => "ENOENT, no such file or directory",
            EACCES => "EACCES, permission denied",
            EPERM => "EPERM, operation not permitted",
            EBUSY => "EBUSY, the file is busy (for example a mount point)",
            EEXIST => "EEXIST, the file exists",
            EXDEV => "EXDEV, the rename would cross file systems",
            ENOTDIR => "ENOTDIR, a path component is not a directory",
            EISDIR => "EISDIR, the path is a directory",
            EINVAL => "EINVAL, invalid argument",
            ENOSPC => "ENOSPC, no space left on the device",
            _ => null,
        };
        if (name is not null)
        {
            return $"{name} (errno {errno})";
        }

        if (errno == ELOOP)
        {
            return $"ELOOP, too many symbolic links or a link where none is allowed (errno {errno})";
        }

        if (errno == ENOLCK)
        {
            return $"ENOLCK, no locks available (errno {errno})";
        }

        if (errno == ENOTSUP || errno == EOPNOTSUPP)
        {
            return $"ENOTSUP, operation not supported (errno {errno})";
        }

        if (errno == ENAMETOOLONG)
        {
            return $"ENAMETOOLONG, file name too long (errno {errno})";
        }

        return $"errno {errno}";
    }

    [DllImport(Libc, SetLastError = true)]
    private static extern int open(byte[] path, int flags, int mode);

    [DllImport(Libc, SetLastError = true)]
    private static extern int close(int fd);

    [DllImport(Libc, SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport(Libc, SetLastError = true)]
    private static extern int fcntl(int fd, int cmd);

    [DllImport(Libc, SetLastError = true)]
    private static extern int fchmod(int fd, uint mode);

    [DllImport(Libc, SetLastError = true)]
    private static extern int fchown(int fd, int uid, int gid);

    [DllImport(Libc, SetLastError = true)]
    private static extern int flock(int fd, int operation);

    [DllImport(Libc, SetLastError = true)]
    private static extern int rename(byte[] oldPath, byte[] newPath);

    [DllImport(Libc, SetLastError = true)]
    private static extern int link(byte[] oldPath, byte[] newPath);

    [DllImport(Libc, SetLastError = true)]
    private static extern int unlink(byte[] path);

    [DllImport(Libc, SetLastError = true)]
    private static extern IntPtr readlink(byte[] path, byte[] buffer, IntPtr size);

    [DllImport(Libc, SetLastError = true)]
    private static extern int ftruncate(int fd, long length);

    [DllImport(Libc, SetLastError = true)]
    private static extern IntPtr pwrite(int fd, byte[] buffer, IntPtr count, long offset);

    [DllImport(Libc, SetLastError = true)]
    private static extern IntPtr read(int fd, byte[] buffer, IntPtr count);

    [DllImport(Libc, SetLastError = true)]
    private static extern IntPtr pread(int fd, byte[] buffer, IntPtr count, long offset);

    [DllImport(Libc)]
    private static extern uint umask(uint mask);

    [DllImport(Libc)]
    private static extern uint geteuid();

    [DllImport(Libc)]
    private static extern uint getegid();

    [DllImport(Libc, SetLastError = true)]
    private static extern int stat(byte[] path, byte[] buffer);

    [DllImport(Libc, SetLastError = true)]
    private static extern int lstat(byte[] path, byte[] buffer);

    [DllImport(Libc, SetLastError = true)]
    private static extern int fstat(int fd, byte[] buffer);

    [DllImport(Libc, SetLastError = true)]
    private static extern int __xstat(int version, byte[] path, byte[] buffer);

    [DllImport(Libc, SetLastError = true)]
    private static extern int __lxstat(int version, byte[] path, byte[] buffer);

    [DllImport(Libc, SetLastError = true)]
    private static extern int __fxstat(int version, int fd, byte[] buffer);

    [DllImport(Libc, EntryPoint = "stat$INODE64", SetLastError = true)]
    private static extern int stat_inode64(byte[] path, byte[] buffer);

    [DllImport(Libc, EntryPoint = "lstat$INODE64", SetLastError = true)]
    private static extern int lstat_inode64(byte[] path, byte[] buffer);

    [DllImport(Libc, EntryPoint = "fstat$INODE64", SetLastError = true)]
    private static extern int fstat_inode64(int fd, byte[] buffer);

    /// <summary>The fields of struct stat SafeWrites uses.</summary>
    internal readonly struct FileStatus
    {
        private FileStatus(bool exists, int error, uint mode, ulong device, ulong inode, int uid, int gid, long size)
        {
            Size = size;
            Exists = exists;
            Error = error;
            Mode = mode;
            Device = device;
            Inode = inode;
            Uid = uid;
            Gid = gid;
        }

        public bool Exists { get; }

        public int Error { get; }

        public uint Mode { get; }

        public ulong Device { get; }

        public ulong Inode { get; }

        public int Uid { get; }

        public int Gid { get; }

        public long Size { get; }

        public bool IsDirectory => Exists && (Mode & S_IFMT) == S_IFDIR;

        public bool IsSymlink => Exists && (Mode & S_IFMT) == S_IFLNK;

        public bool IsRegularFile => Exists && (Mode & S_IFMT) == S_IFREG;

        public uint PermissionBits => Mode & 0xFFF; // 07777

        public static FileStatus Missing(int error) => new(false, error, 0, 0, 0, 0, 0, 0);

        public static FileStatus Parse(byte[] b)
        {
            if (IsMacOS)
            {
                // struct stat (64-bit inode): dev_t st_dev (4); mode_t st_mode (2); nlink_t (2); ino_t st_ino (8); uid (4); gid (4);
                // rdev (4), padding (4), four timespecs (64); off_t st_size at 96.
                return new(true, 0, BitConverter.ToUInt16(b, 4), BitConverter.ToUInt32(b, 0), BitConverter.ToUInt64(b, 8), BitConverter.ToInt32(b, 16), BitConverter.ToInt32(b, 20), BitConverter.ToInt64(b, 96));
            }

            if (IsX64)
            {
                // x86-64: st_dev (8), st_ino (8), st_nlink (8), st_mode (4), st_uid (4), st_gid (4), pad (4), st_rdev (8), st_size at 48.
                return new(true, 0, BitConverter.ToUInt32(b, 24), BitConverter.ToUInt64(b, 0), BitConverter.ToUInt64(b, 8), BitConverter.ToInt32(b, 28), BitConverter.ToInt32(b, 32), BitConverter.ToInt64(b, 48));
            }

            // Generic layout (arm64): st_dev (8), st_ino (8), st_mode (4), st_nlink (4), st_uid (4), st_gid (4), st_rdev (8), pad (8), st_size at 48.
            return new(true, 0, BitConverter.ToUInt32(b, 16), BitConverter.ToUInt64(b, 0), BitConverter.ToUInt64(b, 8), BitConverter.ToInt32(b, 24), BitConverter.ToInt32(b, 28), BitConverter.ToInt64(b, 48));
        }
    }
}
