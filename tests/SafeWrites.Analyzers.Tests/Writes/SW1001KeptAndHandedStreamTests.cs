using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verifier = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Writes.FileOverwrittenInPlaceAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>
/// SW1001 — streams that leave the opening method (issue 13): kept by a type of the compilation (a lock handle that
/// never writes it, a journal that does), and kept in a member of the opener's own type and written over the
/// object's lifetime (a session log). Scope <c>all</c>: these are about whether the file is written at all.
/// </summary>
public class SW1001KeptAndHandedStreamTests
{
    // ---------------------------------------------------------------- kept by a type of the compilation

    [Fact]
    public Task Lock_handle_that_only_stores_and_disposes_its_stream_is_not_reported()
        => Verify("""
            using System;
            using System.IO;

            public sealed class LeaseHandle : IDisposable
            {
                private readonly FileStream _file;

                public LeaseHandle(FileStream file) => _file = file ?? throw new ArgumentNullException(nameof(file));

                public bool IsEmpty => _file.Length == 0;

                public void Dispose() => _file.Dispose();
            }

            public static class Leases
            {
                public static LeaseHandle Take(string path)
                    => new LeaseHandle(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));

                public static LeaseHandle TakeFresh(string path)
                {
                    var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
                    return new LeaseHandle(file);
                }
            }
            """);

    [Fact]
    public Task Lock_handle_at_the_default_scope_is_not_reported()
        => Verifier.VerifyAnalyzerAsync("""
            using System;
            using System.IO;

            sealed class SessionLock : IDisposable
            {
                private FileStream? _held;

                public SessionLock(FileStream held)
                {
                    _held = held;
                }

                public void Dispose()
                {
                    _held?.Dispose();
                    _held = null;
                }
            }

            static class SessionLocks
            {
                private const string LockName = "session.lock";

                public static SessionLock Acquire(string directory)
                    => new SessionLock(new FileStream(Path.Combine(directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));

                public static SessionLock AcquireEmptied(string directory)
                    => new SessionLock(new FileStream(Path.Combine(directory, LockName), FileMode.Create, FileAccess.Write, FileShare.None));
            }
            """, OutputKind.DynamicallyLinkedLibrary, (string?)null);

    [Fact]
    public Task Type_of_the_compilation_that_writes_the_kept_stream_is_reported()
        => Verify("""
            using System;
            using System.IO;
            using System.Text;

            public sealed class Journal : IDisposable
            {
                private readonly Stream _target;
                private StreamWriter? _text;

                public Journal(Stream target) { _target = target; }

                public void Record(string line)
                {
                    _text ??= new StreamWriter(_target, Encoding.UTF8);
                    _text.WriteLine(line);
                }

                public void Dispose() => _text?.Dispose();
            }

            public static class Journals
            {
                public static Journal Open(string path)
                    => new Journal({|SW1001:new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite)|});

                public static Journal Fresh(string path)
                    => new Journal({|SW1001:File.Create(path)|});
            }
            """);

    [Fact]
    public Task Type_that_hands_the_kept_stream_on_or_exposes_it_counts_as_writing()
        => Verify("""
            using System.IO;

            public sealed class Holder
            {
                private readonly Stream _inner;

                public Holder(Stream inner) => _inner = inner;

                public Stream Inner => _inner;
            }

            public sealed class Copier
            {
                private readonly Stream _to;

                public Copier(Stream to) => _to = to;

                public void From(Stream source) => source.CopyTo(_to);
            }

            public static class Uses
            {
                public static Holder Hold(string path) => new Holder({|SW1001:File.Create(path)|});

                public static Copier Copy(string path) => new Copier({|SW1001:File.Create(path)|});
            }
            """);

    // ---------------------------------------------------------------- kept in a member of the opener's type

    [Fact]
    public Task Session_log_kept_in_a_field_and_written_over_the_object_lifetime_is_not_reported()
    {
        const string source = """
            using System;
            using System.IO;

            public sealed class SessionRecorder : IDisposable
            {
                private readonly StreamWriter _out;

                public SessionRecorder(string directory)
                {
                    var current = Path.Combine(directory, "session.txt");
                    if (File.Exists(current))
                    {
                        File.Move(current, Path.Combine(directory, "session.previous.txt"), true);
                    }

                    _out = new StreamWriter(current) { AutoFlush = true };
                }

                public void Note(string what) => _out.WriteLine($"{DateTime.UtcNow:O} {what}");

                public void Dispose() => _out.Dispose();
            }
            """;
        return Task.WhenAll(Verify(source), Verifier.VerifyAnalyzerAsync(source, OutputKind.DynamicallyLinkedLibrary, (string?)null));
    }

    [Fact]
    public Task Output_opened_into_a_field_on_first_use_and_written_by_every_call_is_not_reported()
        => Verify("""
            using System;
            using System.IO;

            public sealed class FrameSink : IDisposable
            {
                private readonly string _path;
                private Stream? _out;
                private BinaryWriter? _header;

                public FrameSink(string path) => _path = path;

                public void Add(byte[] frame)
                {
                    if (_out is null)
                    {
                        _out = new FileStream(_path, FileMode.Create, FileAccess.Write);
                    }

                    _out.Write(frame);
                }

                public void Mark(int id)
                {
                    _header ??= new BinaryWriter(File.Create(_path + ".idx"));
                    _header.Write(id);
                }

                public void Dispose()
                {
                    _out?.Dispose();
                    _header?.Dispose();
                }
            }
            """);

    [Fact]
    public Task Stream_kept_in_a_field_and_rewound_for_every_save_is_reported()
        => Verify("""
            using System;
            using System.IO;
            using System.Text;

            public sealed class CounterFile : IDisposable
            {
                private readonly FileStream _file;

                public CounterFile(string path) => _file = {|SW1001:File.Create(path)|};

                public void Save(int value)
                {
                    _file.SetLength(0);
                    _file.Write(Encoding.UTF8.GetBytes(value.ToString()));
                    _file.Flush();
                }

                public void Dispose() => _file.Dispose();
            }
            """);

    [Fact]
    public Task Writer_kept_in_a_field_but_closed_by_the_opening_method_is_reported()
        => Verify("""
            using System.IO;

            public sealed class ReportWriter
            {
                private StreamWriter? _writer;

                public void Save(string path, string[] rows)
                {
                    _writer = {|SW1001:new StreamWriter(path)|};
                    foreach (var row in rows)
                    {
                        WriteRow(row);
                    }

                    _writer.Dispose();
                }

                private void WriteRow(string row) => _writer!.WriteLine(row);
            }
            """);

    [Fact]
    public Task Writer_kept_in_a_public_member_is_reported()
        => Verify("""
            using System.IO;

            public sealed class Output
            {
                public StreamWriter? Writer;

                public void Open(string path) => Writer = {|SW1001:new StreamWriter(path)|};

                public void Line(string text) => Writer!.WriteLine(text);
            }
            """);

    // ---------------------------------------------------------------- handed to code outside the compilation

    private static readonly Lazy<MetadataReference> Vendor = new(() => CompiledLibrary.Compile("Vendor.Storage", """
        using System.IO;
        using System.Threading.Tasks;

        namespace Vendor.Storage;

        public static class RunSaver { public static void Save(object run, Stream to) { } }
        public static class PackSerializer
        {
            public static ValueTask SerializeAsync<T>(Stream to, T value) => default;
            public static T? Deserialize<T>(Stream from) => default;
        }
        public static class StateSaver { public static void Run(Stream to, object state) { } }
        public static class Codec { public static void Encode(Stream stream, object value) { } }
        public static class Digest { public static byte[] Of(Stream stream) => new byte[32]; }
        public sealed class BlobClient { public Task UploadAsync(string name, Stream content) => Task.CompletedTask; }
        """));

    [Fact]
    public Task Stream_handed_to_outside_code_that_says_it_writes_is_reported()
        => VerifyWithVendor("""
            using System.IO;
            using System.Threading.Tasks;
            using Vendor.Storage;

            public static class Persist
            {
                public static void SaveRun(string path, object run)
                {
                    using var file = {|SW1001:new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite)|};
                    RunSaver.Save(run, file);
                }

                public static async Task PackAsync(string path, int[] values)
                {
                    await using var file = {|SW1001:File.Open(path, FileMode.OpenOrCreate)|};
                    await PackSerializer.SerializeAsync(file, values);
                }

                public static void ByTypeName(string path, object state)
                {
                    using var file = {|SW1001:new FileStream(path, FileMode.Open, FileAccess.ReadWrite)|};
                    StateSaver.Run(file, state);
                }

                public static void WriteOnly(string path, object value)
                {
                    using var file = {|SW1001:new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write)|};
                    Codec.Encode(file, value);
                }

                public static void Truncating(string path, object value)
                {
                    using var file = {|SW1001:File.Create(path)|};
                    Codec.Encode(file, value);
                }
            }
            """);

    [Fact]
    public Task Stream_opened_without_truncating_and_handed_to_outside_code_that_reads_is_not_reported()
        => VerifyWithVendor("""
            using System.IO;
            using System.Text.Json;
            using System.Threading.Tasks;
            using Vendor.Storage;

            public static class Reads
            {
                public static int[]? Load(string path)
                {
                    using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
                    return PackSerializer.Deserialize<int[]>(file);
                }

                public static int[]? LoadJson(string path)
                {
                    using var file = File.Open(path, FileMode.OpenOrCreate);
                    return JsonSerializer.Deserialize<int[]>(file);
                }

                public static byte[] Hash(string path)
                {
                    using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                    return Digest.Of(file);
                }

                public static async Task UploadAsync(BlobClient client, string path)
                {
                    await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
                    await client.UploadAsync(Path.GetFileName(path), file);
                }

                public static void Encode(string path, object value)
                {
                    using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
                    Codec.Encode(file, value);
                }
            }
            """);

    private static Task VerifyWithVendor(string source)
    {
        var test = new Verifier.Test { TestCode = source, GlobalConfig = Sw1001Scope.All };
        test.TestState.AdditionalReferences.Add(Vendor.Value);
        return test.RunAsync(CancellationToken.None);
    }

    private static Task Verify(string source) => Verifier.VerifyAnalyzerAsync(source, OutputKind.DynamicallyLinkedLibrary, Sw1001Scope.All);
}
