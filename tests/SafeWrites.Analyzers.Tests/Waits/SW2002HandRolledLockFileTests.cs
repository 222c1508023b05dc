using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Waits.HandRolledLockFileAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>SW2002 — Hand-rolled lock file: what is reported, and what is left alone.</summary>
public class SW2002HandRolledLockFileTests
{
    // ---------------------------------------------------------------- reported

    [Fact]
    public Task CreateNew_loop_that_returns_the_stream_is_reported_at_while()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            static class CacheLock
            {
                public static FileStream Take(string lockPath)
                {
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            return new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(100);
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task FileShare_None_open_stored_in_a_field_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            public class DirectoryLock
            {
                private FileStream? _lockStream;

                public DirectoryLock(string dir)
                {
                    var lockFile = Path.Combine(dir, "lock");
                    var remaining = 30;
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            _lockStream = File.Open(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                            return;
                        }
                        catch (IOException)
                        {
                            if (--remaining <= 0) throw;
                            Thread.Sleep(500);
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task Handle_passed_to_a_returned_lock_object_in_async_code_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public sealed class Held : IDisposable
            {
                private readonly Stream _stream;
                public Held(Stream stream) => _stream = stream;
                public void Dispose() => _stream.Dispose();
            }

            public class LockFactory
            {
                public async Task<Held> CreateAsync(FileInfo path, TimeSpan timeOut)
                {
                    var startTime = DateTime.Now;
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            var stream = File.Open(path.FullName, FileMode.Create, FileAccess.Write, FileShare.None);
                            return new Held(stream);
                        }
                        catch (IOException)
                        {
                            if (DateTime.Now - startTime > timeOut) throw;
                            await Task.Delay(TimeSpan.FromSeconds(1));
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task File_Open_default_share_with_write_access_held_while_working_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class Importer
            {
                public void Import(string dataDir, Action import)
                {
                    var lockPath = Path.Combine(dataDir, ".import.lock");
                    {|SW2002:for|} (var attempt = 0; attempt < 100; attempt++)
                    {
                        try
                        {
                            using var held = File.Open(lockPath, FileMode.OpenOrCreate);
                            import();
                            return;
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(200);
                        }
                    }

                    throw new TimeoutException("another import is running");
                }
            }
            """);

    [Fact]
    public Task Handle_assigned_to_a_local_before_the_loop_and_used_after_it_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class Compactor
            {
                public void Compact(string lockPath, Action compact)
                {
                    FileStream? lockFile = null;
                    {|SW2002:do|}
                    {
                        try
                        {
                            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(50);
                        }
                    }
                    while (lockFile is null);

                    using (lockFile)
                    {
                        compact();
                    }
                }
            }
            """);

    [Fact]
    public Task CreateNew_marker_file_closed_at_once_is_still_the_lock()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            class DatasetCache
            {
                public async Task BuildAsync(string lockPath, Func<Task> build)
                {
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            using (new FileStream(lockPath, FileMode.CreateNew)) { }
                            break;
                        }
                        catch (IOException)
                        {
                            await Task.Delay(1000);
                        }
                    }

                    try { await build(); }
                    finally { File.Delete(lockPath); }
                }
            }
            """);

    [Fact]
    public Task Open_and_catch_in_a_helper_method_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class Locks
            {
                public FileStream Acquire(string lockPath, TimeSpan timeout)
                {
                    FileStream? stream;
                    {|SW2002:while|} (!TryAcquire(lockPath, out stream))
                    {
                        Thread.Sleep(25);
                    }

                    return stream!;
                }

                private static bool TryAcquire(string lockPath, out FileStream? stream)
                {
                    try
                    {
                        stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                        return true;
                    }
                    catch (IOException)
                    {
                        stream = null;
                        return false;
                    }
                }
            }
            """);

    [Fact]
    public Task Helper_that_opens_while_the_loop_catches_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            class Locks
            {
                private FileStream? _held;

                public void Enter(string lockPath)
                {
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            Open(lockPath);
                            return;
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(10);
                        }
                    }
                }

                private void Open(string lockPath) => _held = File.Open(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            """);

    [Fact]
    public Task FileInfo_Open_with_FileShare_None_and_catch_Exception_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class JobRunner
            {
                private Stream? _lock;

                public void Start(FileInfo lockFile)
                {
                    {|SW2002:while|} (_lock is null)
                    {
                        try { _lock = lockFile.Open(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
                        catch (Exception) { Thread.Sleep(100); }
                    }
                }
            }
            """);

    [Fact]
    public Task Lock_loop_nested_in_a_worker_loop_is_reported_once_at_the_inner_loop()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class Worker
            {
                public void Run(string lockPath, Func<bool> running, Action work)
                {
                    while (running())
                    {
                        {|SW2002:while|} (true)
                        {
                            try
                            {
                                using var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                                work();
                                break;
                            }
                            catch (IOException)
                            {
                                Thread.Sleep(100);
                            }
                        }

                        Thread.Sleep(1000);
                    }
                }
            }
            """);

    // ---------------------------------------------------------------- not reported

    [Fact]
    public Task Wait_for_another_writer_by_opening_and_closing_at_once_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            class Ingest
            {
                public void WaitUntilWritten(string path)
                {
                    while (true)
                    {
                        try
                        {
                            using (File.Open(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                            break;
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(100);
                        }
                    }
                }

                public void WaitWithLocal(string path)
                {
                    while (true)
                    {
                        try
                        {
                            var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
                            probe.Close();
                            return;
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(100);
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task IsFileLocked_helper_polled_in_a_loop_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            class Zipper
            {
                public void WaitFor(FileInfo file)
                {
                    while (IsFileLocked(file))
                    {
                        Thread.Sleep(500);
                    }
                }

                private static bool IsFileLocked(FileInfo file)
                {
                    FileStream? stream = null;
                    try
                    {
                        stream = file.Open(FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                    }
                    catch (IOException)
                    {
                        return true;
                    }
                    finally
                    {
                        stream?.Close();
                    }

                    return false;
                }
            }
            """);

    [Fact]
    public Task Exclusive_open_without_a_sleep_or_without_a_catch_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class Unique
            {
                public FileStream CreateUnique(string dir)
                {
                    while (true)
                    {
                        var candidate = Path.Combine(dir, Path.GetRandomFileName());
                        try
                        {
                            return new FileStream(candidate, FileMode.CreateNew);
                        }
                        catch (IOException)
                        {
                        }
                    }
                }

                public FileStream NoCatch(string lockPath)
                {
                    while (true)
                    {
                        Thread.Sleep(10);
                        return new FileStream(lockPath, FileMode.CreateNew);
                    }
                }
            }
            """);

    [Fact]
    public Task Shared_opens_and_reads_retried_in_a_loop_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class Reader
            {
                public string ReadShared(string path)
                {
                    while (true)
                    {
                        try
                        {
                            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                            using var reader = new StreamReader(stream);
                            return reader.ReadToEnd();
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(50);
                        }
                    }
                }

                public byte[] ReadWithDefaultShare(string path)
                {
                    while (true)
                    {
                        try
                        {
                            using var stream = File.Open(path, FileMode.Open, FileAccess.Read);
                            var buffer = new byte[stream.Length];
                            stream.ReadExactly(buffer);
                            return buffer;
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(50);
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task FileLock_and_FileStream_Lock_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using SafeWrites;

            class Modern
            {
                public void Run(string lockPath, Action work)
                {
                    using var l = FileLock.Acquire(lockPath, TimeSpan.FromSeconds(10));
                    work();
                }
            }
            """);

    [Fact]
    public Task Exclusive_write_that_only_writes_its_content_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            class Exporter
            {
                public void Export(string path, byte[] data)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        try
                        {
                            using var stream = File.Open(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
                            stream.Write(data, 0, data.Length);
                            return;
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(100);
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task Broken_and_half_typed_code_does_not_throw()
        => new Verify.Test
        {
            CompilerDiagnostics = CompilerDiagnostics.None,
            TestCode = """
                using System.IO;
                using System.Threading;

                class Broken
                {
                    public FileStream A(string lockPath)
                    {
                        while (true)
                        {
                            try { return new FileStream(lockPath, FileMode.CreateNew, }
                            catch (IOException) { Thread.Sleep(100); }
                        }
                    }

                    public void B(string p)
                    {
                        while (
                        {
                            try { var s = File.Open(p, FileMode.
                            catch (IOException
                """,
        }.RunAsync();
}
