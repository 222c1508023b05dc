using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.HandRolledLockFileAnalyzer,
    SafeWrites.CodeFixes.UseFileLockCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests;

public class ProbeTests
{
    [Fact]
    public Task Probe()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;
            using System.Diagnostics;
            using System.Threading;

            public static class Counter
            {
                public static int Increment(string counterPath, TimeSpan timeout)
                {
                    var lockPath = counterPath + ".lock";
                    var start = Stopwatch.StartNew();
                    FileStream? lockFile = null;
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

                    using (lockFile)
                    {
                        return 1;
                    }
                }
            }
            """,
            """
            X
            """);
}
