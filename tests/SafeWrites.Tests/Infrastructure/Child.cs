using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace SafeWrites.Tests.Infrastructure;

/// <summary>A running SafeWrites.TestChild process.</summary>
internal sealed class Child : IDisposable
{
    private static readonly Lazy<string> Dll = new(Locate);
    private readonly BlockingCollection<string> _lines = new();

    private Child(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.CompleteAdding();
            }
            else
            {
                _lines.Add(e.Data);
            }
        };
        process.BeginOutputReadLine();
    }

    public Process Process { get; }

    public int Id => Process.Id;

    public static Child Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll.Value);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return new Child(Process.Start(info) ?? throw new InvalidOperationException("Could not start the test child."));
    }

    /// <summary>The next line the child prints; fails the test if none comes in time.</summary>
    public string ReadLine(TimeSpan timeout)
    {
        if (_lines.TryTake(out var line, timeout))
        {
            return line;
        }

        throw new TimeoutException($"The test child (pid {Id}) printed nothing within {timeout.TotalSeconds} s; exited: {Process.HasExited}.");
    }

    /// <summary>SIGKILL (Process.Kill sends SIGKILL on Unix), then wait for it to be gone.</summary>
    public void Kill()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
        }

        Process.WaitForExit();
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!Process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            Kill();
            throw new TimeoutException($"The test child (pid {Id}) did not exit within {timeout.TotalSeconds} s.");
        }

        Process.WaitForExit();
        return Process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
        }

        Process.Dispose();
    }

    /// <summary>
    /// The child is built through a ProjectReference with ReferenceOutputAssembly=false, so it is not
    /// copied here: look next to the test assembly, then under tests/SafeWrites.TestChild/bin/&lt;config&gt;/&lt;tfm&gt;.
    /// </summary>
    private static string Locate()
    {
        const string Name = "SafeWrites.TestChild.dll";
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var beside = Path.Combine(baseDirectory.FullName, Name);
        if (File.Exists(beside))
        {
            return beside;
        }

        var tfm = baseDirectory.Name;
        var configuration = baseDirectory.Parent?.Name ?? "Release";
        var configurations = new[] { configuration, "Release", "Debug" }.Distinct();
        for (var dir = baseDirectory; dir is not null; dir = dir.Parent)
        {
            foreach (var config in configurations)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "SafeWrites.TestChild", "bin", config, tfm, Name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"Could not find {Name} next to {baseDirectory.FullName} or under tests/SafeWrites.TestChild/bin; build tests/SafeWrites.TestChild first.");
    }
}
