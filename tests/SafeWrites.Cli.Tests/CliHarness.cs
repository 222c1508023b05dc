using System.Diagnostics;
using System.Text;
using SafeWrites.Cli;

namespace SafeWrites.Cli.Tests;

/// <summary>What one run of the tool printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs the tool in this process (its real entry point, with redirected writers) and makes scratch folders.</summary>
public static class CliHarness
{
    public static string CasesFolder => Path.Combine(AppContext.BaseDirectory, "Cases");

    public static CliRun Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.RunAsync(args, new Terminal(output, error, interactiveOutput: false, interactiveError: false)).GetAwaiter().GetResult();
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>A new empty folder under the temp folder, removed by <see cref="TempFolder.Dispose"/>.</summary>
    public static TempFolder NewFolder() => new();

    /// <summary>Runs a program to its end (bounded), returning its exit code and combined output.</summary>
    public static (int ExitCode, string Output) Exec(string fileName, string arguments, string workingDirectory, int timeoutSeconds = 400, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var text = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (text) { text.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (text) { text.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish in {timeoutSeconds} s:\n{text}");
        }

        process.WaitForExit();
        return (process.ExitCode, text.ToString());
    }

    /// <summary>The repository root (the folder holding SafeWrites.sln), found above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SafeWrites.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SafeWrites.sln not found above " + AppContext.BaseDirectory);
    }
}

public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safewrites-cli-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Copies the test's own case files (Cases/*.cs) into the folder.</summary>
    public TempFolder WithCases(string subfolder = "")
    {
        foreach (var file in Directory.GetFiles(CliHarness.CasesFolder, "*.cs"))
        {
            File(System.IO.Path.Combine(subfolder, System.IO.Path.GetFileName(file)), System.IO.File.ReadAllText(file));
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left behind is harmless.
        }
    }
}
