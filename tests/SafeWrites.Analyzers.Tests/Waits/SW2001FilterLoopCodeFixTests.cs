using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Waits.WallClockTimeoutAnalyzer,
    SafeWrites.CodeFixes.Waits.WallClockTimeoutCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>
/// SW2001 fix (issue 13): the retry loop whose exception filter decides on the wall clock
/// (<c>catch (IOException) when (DateTime.UtcNow &lt; deadline)</c>) leaves no SW2001 after the fix.
/// </summary>
public class SW2001FilterLoopCodeFixTests
{
    [Fact]
    public Task Deadline_compared_in_an_exception_filter_becomes_a_Stopwatch()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;
            using System.Threading;

            public static class Settings
            {
                public static string ReadWhenFree(string path)
                {
                    var deadline = {|SW2001:DateTime.UtcNow|}.AddSeconds(10);
                    while (true)
                    {
                        try
                        {
                            return File.ReadAllText(path);
                        }
                        catch (IOException) when (DateTime.UtcNow < deadline)
                        {
                            Thread.Sleep(50);
                        }
                    }
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Threading;

            public static class Settings
            {
                public static string ReadWhenFree(string path)
                {
                    var deadlineStopwatch = Stopwatch.StartNew();
                    var deadlineTimeout = TimeSpan.FromSeconds(10);
                    while (true)
                    {
                        try
                        {
                            return File.ReadAllText(path);
                        }
                        catch (IOException) when (deadlineStopwatch.Elapsed < deadlineTimeout)
                        {
                            Thread.Sleep(50);
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task Goto_retry_loop_with_an_exception_filter_and_an_elapsed_start_becomes_a_Stopwatch()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;
            using System.Threading;

            public static class Ledger
            {
                public static void Append(string path, string line)
                {
                    var begun = {|SW2001:DateTime.UtcNow|};
                again:
                    try
                    {
                        File.AppendAllText(path, line);
                    }
                    catch (IOException) when (DateTime.UtcNow - begun < TimeSpan.FromSeconds(2))
                    {
                        Thread.Sleep(25);
                        goto again;
                    }
                }
            }
            """,
            """
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Threading;

            public static class Ledger
            {
                public static void Append(string path, string line)
                {
                    var begun = Stopwatch.StartNew();
                again:
                    try
                    {
                        File.AppendAllText(path, line);
                    }
                    catch (IOException) when (begun.Elapsed < TimeSpan.FromSeconds(2))
                    {
                        Thread.Sleep(25);
                        goto again;
                    }
                }
            }
            """);
}
