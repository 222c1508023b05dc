using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SafeWrites.DistributedLock.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server: <c>initdb</c> into a fresh temporary directory, <c>pg_ctl start</c> on a free
/// localhost port, stopped and deleted on <see cref="Dispose"/>. PostgreSQL refuses to run as root, so as root
/// the server runs as the <c>postgres</c> user (<c>runuser</c>).
/// </summary>
internal sealed class PostgresServer : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly string _binDirectory;
    private readonly string _root;
    private readonly string _data;
    private bool _running = true;

    private PostgresServer(string binDirectory, string root, int port)
    {
        _binDirectory = binDirectory;
        _root = root;
        _data = Path.Combine(root, "data");
        Port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public int Port { get; }

    public string ConnectionString { get; }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Starts a server, or throws <see cref="PostgresUnavailableException"/> saying why it cannot.</summary>
    public static PostgresServer Start()
    {
        var bin = FindBinDirectory() ?? throw new PostgresUnavailableException(
            "PostgreSQL is not installed: no initdb and pg_ctl in `pg_config --bindir` or /usr/lib/postgresql/*/bin "
            + "(Debian: apt-get install postgresql-15; .ci/run does this).");
        var root = Path.Combine(Path.GetTempPath(), "safewrites-pg-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(root);
        try
        {
            if (IsRoot)
            {
                Require(Run("chown", ["postgres:postgres", root], root), "chown the data directory to the postgres user");
            }

            var data = Path.Combine(root, "data");
            Require(
                RunAsServerUser(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], root),
                "initdb");

            // The port is free when we look; another program may take it before the server binds, so try a few.
            var log = Path.Combine(root, "server.log");
            for (var attempt = 0; ; attempt++)
            {
                var port = FreePort();
                var options = $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
                var started = RunAsServerUser(Path.Combine(bin, "pg_ctl"), ["start", "-D", data, "-w", "-t", "30", "-l", log, "-o", options], root);
                if (started.ExitCode == 0)
                {
                    return new PostgresServer(bin, root, port);
                }

                if (attempt == 2)
                {
                    var tail = File.Exists(log) ? string.Join("\n", File.ReadLines(log).TakeLast(10)) : "(no log)";
                    throw new PostgresUnavailableException($"pg_ctl start failed (exit {started.ExitCode}): {started.Output.Trim()}\nserver log:\n{tail}");
                }
            }
        }
        catch
        {
            DeleteDirectory(root);
            throw;
        }
    }

    /// <summary>Stops the server the way an administrator would (<c>pg_ctl stop -m fast</c>: sessions are terminated).</summary>
    public void Stop()
    {
        if (_running)
        {
            _running = false;
            Require(RunAsServerUser(Path.Combine(_binDirectory, "pg_ctl"), ["stop", "-D", _data, "-m", "fast", "-w", "-t", "30"], _root), "pg_ctl stop");
        }
    }

    public void Dispose()
    {
        if (_running)
        {
            _running = false;
            RunAsServerUser(Path.Combine(_binDirectory, "pg_ctl"), ["stop", "-D", _data, "-m", "immediate", "-w", "-t", "30"], _root);
        }

        DeleteDirectory(_root);
    }

    /// <summary>The version's bin folder is not on PATH on Debian; ask pg_config, else take the newest installed version.</summary>
    private static string? FindBinDirectory()
    {
        var candidates = new List<string>();
        try
        {
            var pgConfig = Run("pg_config", ["--bindir"], Path.GetTempPath());
            if (pgConfig.ExitCode == 0)
            {
                candidates.Add(pgConfig.Output.Trim());
            }
        }
        catch (PostgresUnavailableException)
        {
            // No pg_config on PATH.
        }

        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            candidates.AddRange(Directory.EnumerateDirectories(Debian)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));
    }

    /// <summary>A localhost port nobody listens on right now (taken and released).</summary>
    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static (int ExitCode, string Output) RunAsServerUser(string program, string[] args, string workingDirectory) =>
        IsRoot ? Run("runuser", ["-u", "postgres", "--", program, .. args], workingDirectory) : Run(program, args, workingDirectory);

    private static (int ExitCode, string Output) Run(string program, string[] args, string workingDirectory)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new PostgresUnavailableException("Could not start " + program);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PostgresUnavailableException($"Could not run {program}: {ex.Message}");
        }

        using var started = process;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)CommandTimeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new PostgresUnavailableException($"{program} {string.Join(" ", args)} did not finish within {CommandTimeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static void Require((int ExitCode, string Output) result, string what)
    {
        if (result.ExitCode != 0)
        {
            throw new PostgresUnavailableException($"{what} failed (exit {result.ExitCode}): {result.Output.Trim()}");
        }
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The test server could not be started; the message says why (it becomes the skip reason).</summary>
internal sealed class PostgresUnavailableException(string message) : Exception(message);
