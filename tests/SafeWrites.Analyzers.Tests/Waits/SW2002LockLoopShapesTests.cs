using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Waits.HandRolledLockFileAnalyzer>;
using VerifyFix = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Waits.HandRolledLockFileAnalyzer,
    SafeWrites.CodeFixes.Waits.UseFileLockCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>
/// SW2002 (issue 13, "Waits and locks"): the lock loop whose open sits alone in an inner <c>try</c> whose
/// <c>catch</c> sleeps and <c>continue</c>s, with the work after that <c>try</c> and the handle disposed in an outer
/// <c>finally</c>; and the same layout when it only probes or only writes the file.
/// </summary>
public class SW2002LockLoopShapesTests
{
    private const string InnerTryLockLoop = """
            using System;
            using System.IO;
            using System.Threading;

            public class Compactor
            {
                public void Compact(string storeDir, Action compact)
                {
                    var lockPath = Path.Combine(storeDir, ".compact.lock");
                    FileStream? held = null;
                    try
                    {
                        {|SW2002:while|} (true)
                        {
                            try
                            {
                                held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                            }
                            catch (IOException)
                            {
                                Thread.Sleep(200);
                                continue;
                            }

                            compact();
                            break;
                        }
                    }
                    finally
                    {
                        held?.Dispose();
                    }
                }
            }
            """;

    [Fact]
    public Task Open_alone_in_an_inner_try_then_work_in_the_loop_with_an_outer_finally_is_reported()
        => Verify.VerifyAnalyzerAsync(InnerTryLockLoop);

    // The work sits in the loop after the inner try: "Use FileLock" does not rewrite that layout (yet), and must not break it.
    [Fact]
    public Task Open_alone_in_an_inner_try_gets_no_FileLock_fix()
        => VerifyFix.VerifyNoFixAsync(InnerTryLockLoop);

    [Fact]
    public Task File_Open_with_an_awaited_delay_and_the_work_before_a_return_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            public class Migrator
            {
                public async Task<int> MigrateAsync(string lockFile, Func<Task<int>> migrate)
                {
                    Stream? gate = null;
                    try
                    {
                        {|SW2002:for|} (var attempt = 0; ; attempt++)
                        {
                            try
                            {
                                gate = File.Open(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                            }
                            catch (IOException) when (attempt < 100)
                            {
                                await Task.Delay(50);
                                continue;
                            }

                            var applied = await migrate();
                            return applied;
                        }
                    }
                    finally
                    {
                        gate?.Dispose();
                    }
                }
            }
            """);

    [Fact]
    public Task Lock_loop_that_waits_through_a_helper_in_another_file_is_reported()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System.IO;

                    public static class BuildLock
                    {
                        public static FileStream Take(string lockPath)
                        {
                            var attempt = 0;
                            {|SW2002:while|} (true)
                            {
                                try
                                {
                                    return new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                                }
                                catch (IOException)
                                {
                                    Backoff.Next(++attempt);
                                }
                            }
                        }
                    }
                    """,
                    """
                    using System;
                    using System.Threading;

                    public static class Backoff
                    {
                        public static void Next(int attempt) => Thread.Sleep(Math.Min(2000, 10 << Math.Min(attempt, 8)));
                    }
                    """,
                },
            },
        };
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task The_same_layout_that_closes_the_handle_before_working_or_only_probes_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Threading;

            public class Importer
            {
                // Waits until the producer has closed the file, then works on it without holding it.
                public void ImportWhenFree(string path, Action<string> import)
                {
                    FileStream? probe = null;
                    try
                    {
                        while (true)
                        {
                            try
                            {
                                probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                            }
                            catch (IOException)
                            {
                                Thread.Sleep(100);
                                continue;
                            }

                            probe.Dispose();
                            import(path);
                            break;
                        }
                    }
                    finally
                    {
                        probe?.Dispose();
                    }
                }

                // Nothing runs while the handle is open: the outer finally closes it at once.
                public void WaitUntilFree(string path)
                {
                    FileStream? probe = null;
                    try
                    {
                        while (true)
                        {
                            try
                            {
                                probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                            }
                            catch (IOException)
                            {
                                Thread.Sleep(100);
                                continue;
                            }

                            break;
                        }
                    }
                    finally
                    {
                        probe?.Dispose();
                    }
                }
            }
            """);

    [Fact]
    public Task The_same_layout_that_only_writes_the_exclusive_handle_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            public class Exporter
            {
                public void Export(string path, byte[] data)
                {
                    FileStream? target = null;
                    try
                    {
                        while (true)
                        {
                            try
                            {
                                target = File.Open(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
                            }
                            catch (IOException)
                            {
                                Thread.Sleep(100);
                                continue;
                            }

                            target.Write(data, 0, data.Length);
                            target.Flush();
                            break;
                        }
                    }
                    finally
                    {
                        target?.Dispose();
                    }
                }
            }
            """);
}
