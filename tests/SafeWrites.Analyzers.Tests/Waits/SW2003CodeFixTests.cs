using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Waits.InProcessLockGuardsSharedFileAnalyzer,
    SafeWrites.CodeFixes.Waits.SharedFileLockCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>SW2003 fix "Take a FileLock around the write": every fixed output is compiled against the real runtime.</summary>
public class SW2003CodeFixTests
{
    [Fact]
    public Task Lock_body_gets_a_FileLock_on_the_field_path_and_keeps_the_lock()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            public class VisitCounter
            {
                private readonly object _gate = new();
                private readonly string _path = "visits.txt";

                public void Increment()
                {
                    // one visit more
                    {|SW2003:lock (_gate)|}
                    {
                        var count = int.Parse(File.ReadAllText(_path));
                        File.WriteAllText(_path, (count + 1).ToString());
                    }
                }
            }
            """,
            """
            using System.IO;
            using System.Threading;
            using SafeWrites;

            public class VisitCounter
            {
                private readonly object _gate = new();
                private readonly string _path = "visits.txt";

                public void Increment()
                {
                    // one visit more
                    lock (_gate)
                    {
                        using var fileLock = FileLock.Acquire(FileLock.PathFor(_path), Timeout.InfiniteTimeSpan);
                        var count = int.Parse(File.ReadAllText(_path));
                        File.WriteAllText(_path, (count + 1).ToString());
                    }
                }
            }
            """);

    [Fact]
    public Task Parameter_path_written_in_the_region_is_locked()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Threading;

            public static class Saver
            {
                private static readonly object Gate = new();

                public static void Save(string path, string text)
                {
                    {|SW2003:lock (Gate)|}
                    {
                        File.WriteAllText(path, text);
                    }
                }
            }
            """,
            """
            using System.IO;
            using System.Threading;
            using SafeWrites;

            public static class Saver
            {
                private static readonly object Gate = new();

                public static void Save(string path, string text)
                {
                    lock (Gate)
                    {
                        using var fileLock = FileLock.Acquire(FileLock.PathFor(path), Timeout.InfiniteTimeSpan);
                        File.WriteAllText(path, text);
                    }
                }
            }
            """);

    [Fact]
    public Task SemaphoreSlim_region_gets_the_FileLock_inside_its_try()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Threading;
            using SafeWrites;

            public class Prefs
            {
                private const string FileName = "prefs.ini";
                private readonly SemaphoreSlim _gate = new(1, 1);

                public void Write(string content)
                {
                    {|SW2003:_gate.Wait();|}
                    try
                    {
                        File.WriteAllText(FileName, content);
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
            """,
            """
            using System.IO;
            using System.Threading;
            using SafeWrites;

            public class Prefs
            {
                private const string FileName = "prefs.ini";
                private readonly SemaphoreSlim _gate = new(1, 1);

                public void Write(string content)
                {
                    _gate.Wait();
                    try
                    {
                        using var fileLock = FileLock.Acquire(FileLock.PathFor(FileName), Timeout.InfiniteTimeSpan);
                        File.WriteAllText(FileName, content);
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
            """);

    [Fact]
    public Task Write_in_a_called_method_on_a_member_path_is_locked_at_the_caller()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            public class Settings
            {
                private readonly object _gate = new();
                private readonly string _file = "settings.ini";

                public void Set(string value)
                {
                    {|SW2003:lock (_gate)|}
                    {
                        Persist(value);
                    }
                }

                private void Persist(string value) => File.WriteAllText(_file, value);
            }
            """,
            """
            using System.IO;
            using System.Threading;
            using SafeWrites;

            public class Settings
            {
                private readonly object _gate = new();
                private readonly string _file = "settings.ini";

                public void Set(string value)
                {
                    lock (_gate)
                    {
                        using var fileLock = FileLock.Acquire(FileLock.PathFor(_file), Timeout.InfiniteTimeSpan);
                        Persist(value);
                    }
                }

                private void Persist(string value) => File.WriteAllText(_file, value);
            }
            """);

    [Fact]
    public Task Fix_all_locks_every_region_of_the_document()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            public class Two
            {
                private readonly object _gate = new();

                public void A(string text)
                {
                    {|SW2003:lock (_gate)|}
                    {
                        File.WriteAllText("a.txt", text);
                    }
                }

                public void B(string text)
                {
                    {|SW2003:lock (_gate)|}
                    {
                        File.WriteAllText("b.txt", text);
                    }
                }
            }
            """,
            """
            using System.IO;
            using System.Threading;
            using SafeWrites;

            public class Two
            {
                private readonly object _gate = new();

                public void A(string text)
                {
                    lock (_gate)
                    {
                        using var fileLock = FileLock.Acquire(FileLock.PathFor("a.txt"), Timeout.InfiniteTimeSpan);
                        File.WriteAllText("a.txt", text);
                    }
                }

                public void B(string text)
                {
                    lock (_gate)
                    {
                        using var fileLock = FileLock.Acquire(FileLock.PathFor("b.txt"), Timeout.InfiniteTimeSpan);
                        File.WriteAllText("b.txt", text);
                    }
                }
            }
            """);

    [Fact]
    public Task Path_from_a_local_declared_in_the_region_gets_no_fix()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            public class Local
            {
                private readonly object _gate = new();

                public void Save(string dir, string text)
                {
                    {|SW2003:lock (_gate)|}
                    {
                        var path = Path.Combine(dir, "state.txt");
                        File.WriteAllText(path, text);
                    }
                }
            }
            """,
            """
            using System.IO;

            public class Local
            {
                private readonly object _gate = new();

                public void Save(string dir, string text)
                {
                    {|SW2003:lock (_gate)|}
                    {
                        var path = Path.Combine(dir, "state.txt");
                        File.WriteAllText(path, text);
                    }
                }
            }
            """);

    [Fact]
    public Task Parameter_of_a_called_method_gets_no_fix()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            public class Indirect
            {
                private readonly object _gate = new();

                public void Save(string text)
                {
                    {|SW2003:lock (_gate)|}
                    {
                        Write("out.txt", text);
                    }
                }

                private void Write(string path, string text) => File.WriteAllText(path, text);
            }
            """,
            """
            using System.IO;

            public class Indirect
            {
                private readonly object _gate = new();

                public void Save(string text)
                {
                    {|SW2003:lock (_gate)|}
                    {
                        Write("out.txt", text);
                    }
                }

                private void Write(string path, string text) => File.WriteAllText(path, text);
            }
            """);
}
