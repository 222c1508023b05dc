using System.Threading.Tasks;
using SafeWrites.CodeFixes.Waits;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Waits.HandRolledLockFileAnalyzer,
    SafeWrites.CodeFixes.Waits.UseFileLockCodeFixProvider>;
using VerifyFromSW2001 = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Waits.WallClockTimeoutAnalyzer,
    SafeWrites.CodeFixes.Waits.UseFileLockCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>SW2002 fix "Use FileLock": every fixed output is compiled against the real runtime.</summary>
public class SW2002CodeFixTests
{
    [Fact]
    public Task Handle_held_by_a_using_after_the_loop_becomes_FileLock_Acquire_with_the_wall_clock_timeout()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;
            using System.Threading;

            class Compactor
            {
                public void Compact(string lockPath, Action compact)
                {
                    FileStream? lockFile = null;
                    var start = DateTime.UtcNow;
                    // Take the compaction lock.
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            lockFile = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                            break;
                        }
                        catch (IOException)
                        {
                            if (DateTime.UtcNow - start > TimeSpan.FromSeconds(30)) throw new TimeoutException("compaction lock");
                            Thread.Sleep(100);
                        }
                    }

                    using (lockFile)
                    {
                        compact();
                    }
                }
            }
            """,
            """
            using System;
            using System.IO;
            using System.Threading;
            using SafeWrites;

            class Compactor
            {
                public void Compact(string lockPath, Action compact)
                {
                    // Take the compaction lock.
                    using var lockFile = FileLock.Acquire(lockPath, TimeSpan.FromSeconds(30));
                    compact();
                }
            }
            """);

    [Fact]
    public Task Try_finally_release_with_delete_and_a_deadline_in_async_code_becomes_AcquireAsync()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            class DatasetCache
            {
                public async Task<int> BuildAsync(string cacheDir, Func<Task<int>> build, CancellationToken ct)
                {
                    var lockPath = Path.Combine(cacheDir, ".lock");
                    FileStream? held = null;
                    var deadline = DateTime.UtcNow.AddMinutes(2);
                    {|SW2002:while|} (held is null)
                    {
                        try
                        {
                            held = File.Open(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                        }
                        catch (IOException)
                        {
                            if (DateTime.UtcNow > deadline)
                            {
                                throw new TimeoutException();
                            }

                            await Task.Delay(500, ct);
                        }
                    }

                    try
                    {
                        return await build();
                    }
                    finally
                    {
                        held.Dispose();
                        File.Delete(lockPath);
                    }
                }
            }
            """,
            """
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using SafeWrites;

            class DatasetCache
            {
                public async Task<int> BuildAsync(string cacheDir, Func<Task<int>> build, CancellationToken ct)
                {
                    var lockPath = Path.Combine(cacheDir, ".lock");
                    using var held = await FileLock.AcquireAsync(lockPath, TimeSpan.FromMinutes(2), ct);
                    return await build();
                }
            }
            """);

    [Fact]
    public Task Handle_held_in_the_loop_without_timeout_waits_forever_and_keeps_the_statements_after_it()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;
            using System.Threading;

            class Importer
            {
                public void Import(string lockPath, Action import, Action report)
                {
                    {|SW2002:for|} (;;)
                    {
                        try
                        {
                            using var held = File.Open(lockPath, FileMode.OpenOrCreate);
                            import();
                            break;
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(200);
                        }
                    }

                    report();
                }
            }
            """,
            """
            using System;
            using System.IO;
            using System.Threading;
            using SafeWrites;

            class Importer
            {
                public void Import(string lockPath, Action import, Action report)
                {
                    using (var held = FileLock.Acquire(lockPath, Timeout.InfiniteTimeSpan))
                    {
                        import();
                    }

                    report();
                }
            }
            """);

    [Fact]
    public Task Using_statement_in_the_loop_that_returns_becomes_using_declaration_and_adds_System_Threading()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;

            class Reindexer
            {
                public int Run(string lockPath, Func<int> reindex)
                {
                    var t0 = DateTime.Now;
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            using (var l = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                            {
                                return reindex();
                            }
                        }
                        catch (IOException)
                        {
                            if ((DateTime.Now - t0).TotalSeconds >= 10) throw;
                            System.Threading.Thread.Sleep(50);
                        }
                    }
                }
            }
            """,
            """
            using System;
            using System.IO;
            using SafeWrites;

            class Reindexer
            {
                public int Run(string lockPath, Func<int> reindex)
                {
                    using var l = FileLock.Acquire(lockPath, TimeSpan.FromSeconds(10));
                    return reindex();
                }
            }
            """);

    [Fact]
    public Task Sleeping_lock_loop_in_an_async_method_becomes_an_awaited_AcquireAsync()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            class Publisher
            {
                public async Task PublishAsync(string lockPath, Func<Task> publish)
                {
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            using var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                            await publish();
                            return;
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(100);
                        }
                    }
                }
            }
            """,
            """
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using SafeWrites;

            class Publisher
            {
                public async Task PublishAsync(string lockPath, Func<Task> publish)
                {
                    using var held = await FileLock.AcquireAsync(lockPath, Timeout.InfiniteTimeSpan);
                    await publish();
                    return;
                }
            }
            """);

    [Fact]
    public Task Fix_all_rewrites_every_lock_loop()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;
            using System.Threading;

            class Jobs
            {
                public void A(string lockPath, Action work)
                {
                    {|SW2002:while|} (true)
                    {
                        try { using var a = File.Open(lockPath, FileMode.OpenOrCreate); work(); return; }
                        catch (IOException) { Thread.Sleep(10); }
                    }
                }

                public void B(string lockPath, Action work)
                {
                    {|SW2002:while|} (true)
                    {
                        try { using var b = File.Open(lockPath, FileMode.OpenOrCreate); work(); return; }
                        catch (IOException) { Thread.Sleep(10); }
                    }
                }
            }
            """,
            """
            using System;
            using System.IO;
            using System.Threading;
            using SafeWrites;

            class Jobs
            {
                public void A(string lockPath, Action work)
                {
                    using var a = FileLock.Acquire(lockPath, Timeout.InfiniteTimeSpan);
                    work();
                    return;
                }

                public void B(string lockPath, Action work)
                {
                    using var b = FileLock.Acquire(lockPath, Timeout.InfiniteTimeSpan);
                    work();
                    return;
                }
            }
            """);

    [Fact]
    public Task The_fix_is_offered_on_the_SW2001_diagnostic_of_the_same_loop()
        => VerifyFromSW2001.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;
            using System.Threading;

            class Compactor
            {
                public void Compact(string lockPath, Action compact)
                {
                    FileStream? lockFile = null;
                    var deadline = {|SW2001:DateTime.UtcNow|} + TimeSpan.FromSeconds(5);
                    while (true)
                    {
                        try
                        {
                            lockFile = new FileStream(lockPath, FileMode.CreateNew);
                            break;
                        }
                        catch (IOException)
                        {
                            if (DateTime.UtcNow >= deadline) throw new TimeoutException();
                            Thread.Sleep(100);
                        }
                    }

                    using (lockFile)
                    {
                        compact();
                    }
                }
            }
            """,
            """
            using System;
            using System.IO;
            using System.Threading;
            using SafeWrites;

            class Compactor
            {
                public void Compact(string lockPath, Action compact)
                {
                    using var lockFile = FileLock.Acquire(lockPath, TimeSpan.FromSeconds(5));
                    compact();
                }
            }
            """);

    // SW2001's fix turns the wall-clock start into a Stopwatch; SW2002's fix must still take that loop
    // (dotnet format applies SW2001 first). This is samples/package/LockLoop after SW2001's fix.
    [Fact]
    public Task A_stopwatch_timeout_left_by_SW2001s_fix_becomes_the_FileLock_timeout()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Threading;

            public static class Counter
            {
                public static int Increment(string counterPath, TimeSpan timeout)
                {
                    var lockPath = counterPath + ".lock";
                    // Measures the wait.
                    var start = Stopwatch.StartNew(); // was the wall clock
                    // Held below.
                    FileStream? lockFile = null;
                    // Take the lock.
                    {|SW2002:while|} (lockFile == null)
                    {
                        try
                        {
                            lockFile = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
                        }
                        catch (IOException)
                        {
                            if (start.Elapsed > timeout)
                            {
                                throw new TimeoutException($"{lockPath} is still held after {timeout}.");
                            }

                            Thread.Sleep(5);
                        }
                    }

                    // Count under the lock.
                    using (lockFile)
                    {
                        return 1;
                    }
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Threading;
            using SafeWrites;

            public static class Counter
            {
                public static int Increment(string counterPath, TimeSpan timeout)
                {
                    var lockPath = counterPath + ".lock";
                    // Measures the wait.
                    // Held below.
                    // Take the lock.
                    // Count under the lock.
                    using var lockFile = FileLock.Acquire(lockPath, timeout);
                    return 1;
                }
            }
            """);

    [Fact]
    public Task Elapsed_milliseconds_of_a_stopwatch_becomes_TimeSpan_FromMilliseconds()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Threading;

            class Compactor
            {
                public void Compact(string lockPath, Action compact)
                {
                    FileStream? lockFile = null;
                    var watch = Stopwatch.StartNew();
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            lockFile = new FileStream(lockPath, FileMode.CreateNew);
                            break;
                        }
                        catch (IOException)
                        {
                            if (2000 < watch.ElapsedMilliseconds) throw new TimeoutException();
                            Thread.Sleep(100);
                        }
                    }

                    using (lockFile)
                    {
                        compact();
                    }
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Threading;
            using SafeWrites;

            class Compactor
            {
                public void Compact(string lockPath, Action compact)
                {
                    using var lockFile = FileLock.Acquire(lockPath, TimeSpan.FromMilliseconds(2000));
                    compact();
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_stopwatch_is_read_outside_the_check()
        => Verify.VerifyNoFixAsync("""
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Threading;

            class Compactor
            {
                public TimeSpan Compact(string lockPath, Action compact)
                {
                    FileStream? lockFile = null;
                    var watch = Stopwatch.StartNew();
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            lockFile = new FileStream(lockPath, FileMode.CreateNew);
                            break;
                        }
                        catch (IOException)
                        {
                            if (watch.Elapsed > TimeSpan.FromSeconds(2)) throw new TimeoutException();
                            Thread.Sleep(100);
                        }
                    }

                    using (lockFile)
                    {
                        compact();
                    }

                    return watch.Elapsed;
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_handle_is_returned_stored_or_used()
        => Verify.VerifyNoFixAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class Shapes
            {
                private FileStream? _held;

                public FileStream Returned(string lockPath)
                {
                    {|SW2002:while|} (true)
                    {
                        try { return new FileStream(lockPath, FileMode.CreateNew); }
                        catch (IOException) { Thread.Sleep(100); }
                    }
                }

                public void Stored(string lockPath)
                {
                    {|SW2002:while|} (true)
                    {
                        try { _held = File.Open(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); return; }
                        catch (IOException) { Thread.Sleep(100); }
                    }
                }

                public void WritesPid(string lockPath, Action work)
                {
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            using var held = File.Open(lockPath, FileMode.OpenOrCreate);
                            held.WriteByte(1);
                            work();
                            return;
                        }
                        catch (IOException) { Thread.Sleep(100); }
                    }
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_handle_is_used_after_the_loop_or_a_break_leaves_the_work_early()
        => Verify.VerifyNoFixAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class Shapes
            {
                public void UsedAfter(string lockPath, byte[] pid, Action work)
                {
                    FileStream? lockFile = null;
                    {|SW2002:while|} (true)
                    {
                        try { lockFile = new FileStream(lockPath, FileMode.CreateNew); break; }
                        catch (IOException) { Thread.Sleep(100); }
                    }

                    using (lockFile)
                    {
                        lockFile.Write(pid, 0, pid.Length);
                        work();
                    }
                }

                public void EarlyBreak(string lockPath, Func<bool> skip, Action work)
                {
                    {|SW2002:while|} (true)
                    {
                        try
                        {
                            using var held = File.Open(lockPath, FileMode.OpenOrCreate);
                            if (skip()) break;
                            work();
                            break;
                        }
                        catch (IOException) { Thread.Sleep(100); }
                    }
                }
            }
            """);

    [Fact]
    public Task No_fix_for_attempt_counters_helpers_or_extra_work_in_the_catch()
        => Verify.VerifyNoFixAsync("""
            using System;
            using System.IO;
            using System.Threading;

            class Shapes
            {
                public void Counted(string lockPath, Action work)
                {
                    var attempts = 0;
                    {|SW2002:while|} (true)
                    {
                        try { using var held = File.Open(lockPath, FileMode.OpenOrCreate); work(); return; }
                        catch (IOException)
                        {
                            if (++attempts > 10) throw;
                            Thread.Sleep(100);
                        }
                    }
                }

                public void Logged(string lockPath, Action work)
                {
                    {|SW2002:while|} (true)
                    {
                        try { using var held = File.Open(lockPath, FileMode.OpenOrCreate); work(); return; }
                        catch (IOException ex)
                        {
                            Console.WriteLine(ex.Message);
                            Thread.Sleep(100);
                        }
                    }
                }

                public FileStream Helper(string lockPath)
                {
                    FileStream? stream;
                    {|SW2002:while|} (!TryOpen(lockPath, out stream)) Thread.Sleep(25);
                    return stream!;
                }

                private static bool TryOpen(string lockPath, out FileStream? stream)
                {
                    try { stream = new FileStream(lockPath, FileMode.CreateNew); return true; }
                    catch (IOException) { stream = null; return false; }
                }
            }
            """);

    [Fact]
    public Task No_fix_without_the_SafeWrites_runtime()
        => Verify.VerifyNoFixAsync(
            """
            using System;
            using System.IO;
            using System.Threading;

            class Importer
            {
                public void Import(string lockPath, Action import)
                {
                    {|SW2002:while|} (true)
                    {
                        try { using var held = File.Open(lockPath, FileMode.OpenOrCreate); import(); return; }
                        catch (IOException) { Thread.Sleep(200); }
                    }
                }
            }
            """,
            withRuntime: false);
}
