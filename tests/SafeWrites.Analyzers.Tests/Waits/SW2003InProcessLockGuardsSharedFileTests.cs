using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Waits.InProcessLockGuardsSharedFileAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>SW2003 — In-process lock guards a shared file: what is reported, and what is left alone.</summary>
public class SW2003InProcessLockGuardsSharedFileTests
{
    // ---------------------------------------------------------------- reported

    [Fact]
    public Task Lock_statement_around_a_read_modify_write_of_a_field_path_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public class VisitCounter
            {
                private readonly object _gate = new();
                private readonly string _path = "visits.txt";

                public void Increment()
                {
                    {|SW2003:lock (_gate)|}
                    {
                        var count = int.Parse(File.ReadAllText(_path));
                        File.WriteAllText(_path, (count + 1).ToString());
                    }
                }
            }
            """);

    [Fact]
    public Task Lock_around_json_serialized_into_a_created_stream_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Text.Json;

            public class SnapshotIndex
            {
                private static readonly object Sync = new();

                public static void Save(string indexPath, string[] entries)
                {
                    {|SW2003:lock (Sync)|}
                    {
                        using var stream = File.Create(indexPath);
                        JsonSerializer.Serialize(stream, entries);
                    }
                }
            }
            """);

    [Fact]
    public Task Monitor_Enter_region_is_reported_at_the_enter_statement()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            public class NoteBook
            {
                private readonly object _gate = new();

                public void Store(string text)
                {
                    {|SW2003:Monitor.Enter(_gate);|}
                    try
                    {
                        File.WriteAllText("notes.md", text);
                    }
                    finally
                    {
                        Monitor.Exit(_gate);
                    }
                }
            }
            """);

    [Fact]
    public Task SemaphoreSlim_Wait_region_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            public class Prefs
            {
                private readonly SemaphoreSlim _gate = new(1, 1);

                public void Write(string path, string content)
                {
                    {|SW2003:_gate.Wait();|}
                    try
                    {
                        File.WriteAllText(path, content);
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
            """);

    [Fact]
    public Task Awaited_WaitAsync_region_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            public class AsyncPrefs
            {
                private readonly SemaphoreSlim _gate = new(1, 1);

                public async Task WriteAsync(string path, string content)
                {
                    {|SW2003:await _gate.WaitAsync();|}
                    try
                    {
                        await File.WriteAllTextAsync(path, content);
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
            """);

    [Fact]
    public Task ReaderWriterLockSlim_write_lock_region_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            public class Catalog
            {
                private readonly ReaderWriterLockSlim _rw = new();

                public void Put(byte[] data)
                {
                    {|SW2003:_rw.EnterWriteLock();|}
                    try
                    {
                        File.WriteAllBytes("catalog.bin", data);
                    }
                    finally
                    {
                        _rw.ExitWriteLock();
                    }
                }
            }
            """);

    [Fact]
    public Task Unnamed_mutex_region_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            public class Journal
            {
                private readonly Mutex _mutex = new Mutex(false);

                public void Save(string text)
                {
                    {|SW2003:_mutex.WaitOne();|}
                    try
                    {
                        File.WriteAllText("journal.txt", text);
                    }
                    finally
                    {
                        _mutex.ReleaseMutex();
                    }
                }
            }
            """);

    [Fact]
    public Task Write_through_a_method_of_the_same_type_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public class Settings
            {
                private readonly object _gate = new();
                private string _theme = "light";

                public void SetTheme(string theme)
                {
                    {|SW2003:lock (_gate)|}
                    {
                        _theme = theme;
                        Persist();
                    }
                }

                private void Persist() => File.WriteAllText("settings.ini", "theme=" + _theme);
            }
            """);

    [Fact]
    public Task Write_two_calls_deep_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public class Store
            {
                private readonly object _gate = new();

                public void Update(string value)
                {
                    {|SW2003:lock (_gate)|}
                    {
                        Flush(value);
                    }
                }

                private void Flush(string value) => WriteOut(value);

                private void WriteOut(string value) => File.WriteAllText("store.dat", value);
            }
            """);

    [Fact]
    public Task AtomicFile_write_under_a_lock_is_still_a_shared_file()
        => Verify.VerifyAnalyzerAsync("""
            using SafeWrites;

            public class Counter
            {
                private readonly object _gate = new();

                public void Bump()
                {
                    {|SW2003:lock (_gate)|}
                    {
                        var n = AtomicFile.ReadJson<int>("counter.json");
                        AtomicFile.WriteJson("counter.json", n + 1);
                    }
                }
            }
            """);

    [Fact]
    public Task Temp_then_move_onto_a_shared_destination_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public class Exporter
            {
                private readonly object _gate = new();

                public void Publish(string destination, string content)
                {
                    {|SW2003:lock (_gate)|}
                    {
                        var temp = Path.GetTempFileName();
                        File.WriteAllText(temp, content);
                        File.Move(temp, destination, overwrite: true);
                    }
                }
            }
            """);

    [Fact]
    public Task Caller_supplied_path_is_not_unique()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public static class Saver
            {
                private static readonly object Gate = new();

                public static void Save(string path, string text)
                {
                    {|SW2003:lock (Gate)|}
                    {
                        using var writer = new StreamWriter(path);
                        writer.Write(text);
                    }
                }
            }
            """);

    [Fact]
    public Task Lock_inside_a_lambda_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public class AutoSave
            {
                private readonly object _gate = new();

                public Action Saver => () =>
                {
                    {|SW2003:lock (_gate)|}
                    {
                        File.WriteAllText("autosave.txt", "x");
                    }
                };
            }
            """);

    [Fact]
    public Task One_diagnostic_per_lock_even_with_several_writes()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public class Pair
            {
                private readonly object _gate = new();

                public void Save()
                {
                    {|SW2003:lock (_gate)|}
                    {
                        File.WriteAllText("a.txt", "a");
                        File.WriteAllText("b.txt", "b");
                    }
                }
            }
            """);

    // ---------------------------------------------------------------- left alone

    [Fact]
    public Task Lock_without_a_file_write_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;

            public class Cache
            {
                private readonly object _gate = new();
                private readonly Dictionary<string, string> _items = new();

                public void Put(string key, string value)
                {
                    lock (_gate)
                    {
                        _items[key] = value;
                    }
                }
            }
            """);

    [Fact]
    public Task Append_under_a_lock_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public class Log
            {
                private readonly object _gate = new();

                public void Line(string text)
                {
                    lock (_gate)
                    {
                        File.AppendAllText("app.log", text);
                    }
                }
            }
            """);

    [Fact]
    public Task Guid_named_file_is_unique_to_the_process()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public class Dumps
            {
                private readonly object _gate = new();

                public void Dump(string dir, string text)
                {
                    lock (_gate)
                    {
                        var path = Path.Combine(dir, Guid.NewGuid() + ".txt");
                        File.WriteAllText(path, text);
                    }
                }
            }
            """);

    [Fact]
    public Task Process_id_path_is_unique_to_the_process()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            public class PerProcess
            {
                private readonly object _gate = new();

                public void Save(string text)
                {
                    lock (_gate)
                    {
                        File.WriteAllText($"state.{Environment.ProcessId}.txt", text);
                    }
                }
            }
            """);

    [Fact]
    public Task Temp_file_name_is_unique_to_the_process()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public class Scratch
            {
                private readonly object _gate = new();

                public string Write(string text)
                {
                    lock (_gate)
                    {
                        var path = Path.GetTempFileName();
                        File.WriteAllText(path, text);
                        return path;
                    }
                }
            }
            """);

    [Fact]
    public Task Named_mutex_is_a_cross_process_lock()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            public class Shared
            {
                private readonly Mutex _mutex = new Mutex(false, "Global\\shared-settings");

                public void Save(string text)
                {
                    _mutex.WaitOne();
                    try
                    {
                        File.WriteAllText("shared.txt", text);
                    }
                    finally
                    {
                        _mutex.ReleaseMutex();
                    }
                }
            }
            """);

    [Fact]
    public Task FileLock_inside_the_region_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using SafeWrites;

            public class Locked
            {
                private readonly object _gate = new();

                public void Save(string path, string text)
                {
                    lock (_gate)
                    {
                        using (FileLock.Acquire(FileLock.PathFor(path), TimeSpan.FromSeconds(5)))
                        {
                            AtomicFile.WriteAllText(path, text);
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task Read_only_region_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;

            public class Plain
            {
                private readonly object _gate = new();

                public string Read(string path)
                {
                    lock (_gate)
                    {
                        return File.ReadAllText(path);
                    }
                }
            }
            """);

    [Fact]
    public Task Write_after_the_region_is_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading;

            public class After
            {
                private readonly SemaphoreSlim _gate = new(1, 1);
                private string _text = "";

                public void Save()
                {
                    string copy;
                    if (!_gate.Wait(100))
                    {
                        return;
                    }

                    try
                    {
                        copy = _text;
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
            }
            """);

    [Fact]
    public Task Write_in_a_method_of_another_type_is_not_followed()
        => Verify.VerifyAnalyzerAsync("""
            public interface ISink
            {
                void Save(string text);
            }

            public class Forwarder
            {
                private readonly object _gate = new();
                private readonly ISink _sink;

                public Forwarder(ISink sink) => _sink = sink;

                public void Save(string text)
                {
                    lock (_gate)
                    {
                        _sink.Save(text);
                    }
                }
            }
            """);

    [Fact]
    public Task Lambda_started_inside_the_region_runs_outside_it()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Threading.Tasks;

            public class Deferred
            {
                private readonly object _gate = new();

                public Task Save(string text)
                {
                    lock (_gate)
                    {
                        return Task.Run(() => File.WriteAllText("later.txt", text));
                    }
                }
            }
            """);

    [Fact]
    public Task Recursive_methods_do_not_loop_forever()
        => Verify.VerifyAnalyzerAsync("""
            public class Recursive
            {
                private readonly object _gate = new();

                public void A(int n)
                {
                    lock (_gate)
                    {
                        B(n);
                    }
                }

                private void B(int n)
                {
                    if (n > 0)
                    {
                        B(n - 1);
                    }
                }
            }
            """);
}
