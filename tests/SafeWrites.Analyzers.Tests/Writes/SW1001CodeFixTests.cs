using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SafeWrites.CodeFixes.Writes;
using Xunit;
using Verifier = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Writes.FileOverwrittenInPlaceAnalyzer,
    SafeWrites.CodeFixes.Writes.FileOverwrittenInPlaceCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1001 fix "Write atomically with AtomicFile": every fixed output is compiled against the real runtime.</summary>
public class SW1001CodeFixTests
{
    [Fact]
    public Task WriteAllText_becomes_AtomicFile_and_the_using_is_added_in_order()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text;

            public sealed class SettingsStore
            {
                private readonly string _path = "settings.ini";

                public void Save(string text)
                {
                    // Replace the whole file.
                    {|SW1001:File.WriteAllText(_path, text)|}; // trailing comment
                }
            }
            """,
            """
            using System.IO;
            using System.Text;
            using SafeWrites;

            public sealed class SettingsStore
            {
                private readonly string _path = "settings.ini";

                public void Save(string text)
                {
                    // Replace the whole file.
                    AtomicFile.WriteAllText(_path, text); // trailing comment
                }
            }
            """);

    [Fact]
    public Task Every_sync_overload_keeps_its_arguments()
        => Verify.VerifyCodeFixAsync(
            """
            using System.Collections.Generic;
            using System.IO;
            using System.Text;

            static class Exporter
            {
                public static void Export(string path, string text, byte[] data, string[] lines, List<string> list)
                {
                    {|SW1001:File.WriteAllText(path, text, Encoding.UTF8)|};
                    {|SW1001:File.WriteAllBytes(path, data)|};
                    {|SW1001:File.WriteAllLines(path, lines)|};
                    {|SW1001:File.WriteAllLines(path, lines, Encoding.Unicode)|};
                    {|SW1001:File.WriteAllLines(path, list)|};
                    {|SW1001:File.WriteAllLines(path, list, Encoding.UTF8)|};
                }
            }
            """,
            """
            using System.Collections.Generic;
            using System.IO;
            using System.Text;
            using SafeWrites;

            static class Exporter
            {
                public static void Export(string path, string text, byte[] data, string[] lines, List<string> list)
                {
                    AtomicFile.WriteAllText(path, text, Encoding.UTF8);
                    AtomicFile.WriteAllBytes(path, data);
                    AtomicFile.WriteAllLines(path, lines);
                    AtomicFile.WriteAllLines(path, lines, Encoding.Unicode);
                    AtomicFile.WriteAllLines(path, list);
                    AtomicFile.WriteAllLines(path, list, Encoding.UTF8);
                }
            }
            """);

    [Fact]
    public Task Async_overloads_keep_the_await_and_the_cancellation_token()
        => Verify.VerifyCodeFixAsync(
            """
            using System.Collections.Generic;
            using System.IO;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            public class AlertCache
            {
                public async Task FlushAsync(string path, string text, byte[] bytes, IEnumerable<string> lines, CancellationToken ct)
                {
                    await {|SW1001:File.WriteAllTextAsync(path, text, ct)|};
                    await {|SW1001:File.WriteAllTextAsync(path, text, Encoding.UTF8, ct)|};
                    await {|SW1001:File.WriteAllBytesAsync(path, bytes, cancellationToken: ct)|};
                    await {|SW1001:File.WriteAllLinesAsync(path, lines)|};
                    await {|SW1001:File.WriteAllLinesAsync(path, lines, Encoding.UTF8, ct)|}.ConfigureAwait(false);
                }

                public Task SaveLater(string path, string text) => {|SW1001:File.WriteAllTextAsync(path, text)|};
            }
            """,
            """
            using System.Collections.Generic;
            using System.IO;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using SafeWrites;

            public class AlertCache
            {
                public async Task FlushAsync(string path, string text, byte[] bytes, IEnumerable<string> lines, CancellationToken ct)
                {
                    await AtomicFile.WriteAllTextAsync(path, text, ct);
                    await AtomicFile.WriteAllTextAsync(path, text, Encoding.UTF8, ct);
                    await AtomicFile.WriteAllBytesAsync(path, bytes, cancellationToken: ct);
                    await AtomicFile.WriteAllLinesAsync(path, lines);
                    await AtomicFile.WriteAllLinesAsync(path, lines, Encoding.UTF8, ct).ConfigureAwait(false);
                }

                public Task SaveLater(string path, string text) => AtomicFile.WriteAllTextAsync(path, text);
            }
            """);

    [Fact]
    public Task Qualified_and_using_static_calls_are_rewritten()
        => Verify.VerifyCodeFixAsync(
            """
            using static System.IO.File;

            class Notes
            {
                public void Save(string path, string text)
                {
                    {|SW1001:WriteAllText(path, text)|};
                    {|SW1001:System.IO.File.WriteAllText(path, text)|};
                }
            }
            """,
            """
            using SafeWrites;
            using static System.IO.File;

            class Notes
            {
                public void Save(string path, string text)
                {
                    AtomicFile.WriteAllText(path, text);
                    AtomicFile.WriteAllText(path, text);
                }
            }
            """);

    [Fact]
    public Task Existing_using_is_not_duplicated_and_top_level_code_is_fixed()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using SafeWrites;

            var path = args[0];
            {|SW1001:File.WriteAllText(path, "ok")|};
            var text = AtomicFile.ReadJson<string>(path);
            """,
            """
            using System.IO;
            using SafeWrites;

            var path = args[0];
            AtomicFile.WriteAllText(path, "ok");
            var text = AtomicFile.ReadJson<string>(path);
            """,
            OutputKind.ConsoleApplication);

    [Fact]
    public Task File_without_usings_keeps_its_header_above_the_new_using()
        => Verify.VerifyCodeFixAsync(
            """
            // Copyright (c) Contoso.

            namespace Contoso;

            class Counter
            {
                public void Save(string path, int value) => {|SW1001:System.IO.File.WriteAllText(path, value.ToString())|};
            }
            """,
            """
            // Copyright (c) Contoso.

            using SafeWrites;

            namespace Contoso;

            class Counter
            {
                public void Save(string path, int value) => AtomicFile.WriteAllText(path, value.ToString());
            }
            """);

    [Fact]
    public Task Using_declaration_stream_becomes_AtomicFile_Create_with_Commit()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class ThumbnailCache
            {
                public void Store(string path, byte[] header, byte[] image)
                {
                    using var stream = {|SW1001:File.Create(path)|};
                    stream.Write(header, 0, header.Length);
                    // The image follows its header.
                    stream.Write(image);
                }
            }
            """,
            """
            using System.IO;
            using SafeWrites;

            class ThumbnailCache
            {
                public void Store(string path, byte[] header, byte[] image)
                {
                    using var stream = AtomicFile.Create(path);
                    stream.Write(header, 0, header.Length);
                    // The image follows its header.
                    stream.Write(image);
                    stream.Commit();
                }
            }
            """);

    [Fact]
    public Task Using_statement_FileStream_commits_at_the_end_of_its_block()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class Store
            {
                public void Save(string path, Stream source)
                {
                    using (FileStream target = {|SW1001:new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920)|})
                    {
                        source.CopyTo(target);
                        target.Flush();
                    }
                }

                public void SaveOpenWrite(FileInfo file, byte[] data)
                {
                    using (var target = {|SW1001:file.OpenWrite()|})
                    {
                        foreach (var b in data)
                        {
                            if (b == 0)
                            {
                                break;
                            }

                            target.WriteByte(b);
                        }
                    }
                }
            }
            """,
            """
            using System.IO;
            using SafeWrites;

            class Store
            {
                public void Save(string path, Stream source)
                {
                    using (var target = AtomicFile.Create(path))
                    {
                        source.CopyTo(target);
                        target.Flush();
                        target.Commit();
                    }
                }

                public void SaveOpenWrite(FileInfo file, byte[] data)
                {
                    using (var target = AtomicFile.Create(file.FullName))
                    {
                        foreach (var b in data)
                        {
                            if (b == 0)
                            {
                                break;
                            }

                            target.WriteByte(b);
                        }
                        target.Commit();
                    }
                }
            }
            """);

    [Fact]
    public Task Async_stream_commits_with_await_and_the_token_in_scope()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;

            class Store
            {
                public async Task SaveAsync(string path, byte[] data, CancellationToken cancellationToken)
                {
                    await using var stream = {|SW1001:new FileStream(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.Asynchronous })|};
                    await stream.WriteAsync(data, cancellationToken);
                }

                public async Task SaveQuietlyAsync(string path, byte[] data)
                {
                    using var stream = {|SW1001:File.Open(path, FileMode.Create)|};
                    await stream.WriteAsync(data);
                }
            }
            """,
            """
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using SafeWrites;

            class Store
            {
                public async Task SaveAsync(string path, byte[] data, CancellationToken cancellationToken)
                {
                    await using var stream = AtomicFile.Create(path);
                    await stream.WriteAsync(data, cancellationToken);
                    await stream.CommitAsync(cancellationToken);
                }

                public async Task SaveQuietlyAsync(string path, byte[] data)
                {
                    using var stream = AtomicFile.Create(path);
                    await stream.WriteAsync(data);
                    await stream.CommitAsync();
                }
            }
            """);

    [Fact]
    public Task Stream_passed_to_a_serializer_gets_the_stream_fix()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Xml.Serialization;

            public class Project { public string Name { get; set; } = ""; }

            class ProjectFile
            {
                private static readonly XmlSerializer Serializer = new(typeof(Project));

                public void Save(string path, Project project)
                {
                    using var stream = {|SW1001:File.Create(path)|};
                    Serializer.Serialize(stream, project);
                }
            }
            """,
            """
            using System.IO;
            using System.Xml.Serialization;
            using SafeWrites;

            public class Project { public string Name { get; set; } = ""; }

            class ProjectFile
            {
                private static readonly XmlSerializer Serializer = new(typeof(Project));

                public void Save(string path, Project project)
                {
                    using var stream = AtomicFile.Create(path);
                    Serializer.Serialize(stream, project);
                    stream.Commit();
                }
            }
            """);

    [Fact]
    public Task Fix_all_rewrites_every_write_in_the_document()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            partial class Workspace
            {
                public void SaveAll(string dir, string title, byte[] icon)
                {
                    {|SW1001:File.WriteAllText(Path.Combine(dir, "title.txt"), title)|};
                    {|SW1001:File.WriteAllBytes(Path.Combine(dir, "icon.png"), icon)|};
                    using var log = {|SW1001:File.Create(Path.Combine(dir, "log.bin"))|};
                    log.WriteByte(1);
                }
            }

            partial class Workspace
            {
                public string Title { set => {|SW1001:File.WriteAllText("title.txt", value)|}; }
            }
            """,
            """
            using System.IO;
            using SafeWrites;

            partial class Workspace
            {
                public void SaveAll(string dir, string title, byte[] icon)
                {
                    AtomicFile.WriteAllText(Path.Combine(dir, "title.txt"), title);
                    AtomicFile.WriteAllBytes(Path.Combine(dir, "icon.png"), icon);
                    using var log = AtomicFile.Create(Path.Combine(dir, "log.bin"));
                    log.WriteByte(1);
                    log.Commit();
                }
            }

            partial class Workspace
            {
                public string Title { set => AtomicFile.WriteAllText("title.txt", value); }
            }
            """);

    [Fact]
    public Task Lambdas_and_local_functions_are_fixed_in_place()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            class Autosave
            {
                public Task StartAsync(string path, Func<string> snapshot)
                    => Task.Run(() => {|SW1001:File.WriteAllText(path, snapshot())|});

                public void Save<T>(string path, T value) where T : notnull
                {
                    Write(value.ToString() ?? "");

                    void Write(string text) => {|SW1001:File.WriteAllText(path, text)|};
                }
            }
            """,
            """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using SafeWrites;

            class Autosave
            {
                public Task StartAsync(string path, Func<string> snapshot)
                    => Task.Run(() => AtomicFile.WriteAllText(path, snapshot()));

                public void Save<T>(string path, T value) where T : notnull
                {
                    Write(value.ToString() ?? "");

                    void Write(string text) => AtomicFile.WriteAllText(path, text);
                }
            }
            """);

    [Fact]
    public Task Text_writer_written_once_becomes_WriteAllText_with_its_encoding()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.Text;
            using System.Threading.Tasks;

            class Report
            {
                public void Save(string path, string html)
                {
                    using (var writer = {|SW1001:new StreamWriter(path, false, Encoding.Unicode)|})
                    {
                        writer.Write(html);
                    }
                }

                public async Task SaveAsync(string path, string csv)
                {
                    // Replaces yesterday's export.
                    using var writer = {|SW1001:File.CreateText(path)|};
                    await writer.WriteAsync(csv);
                }
            }
            """,
            """
            using System.IO;
            using System.Text;
            using System.Threading.Tasks;
            using SafeWrites;

            class Report
            {
                public void Save(string path, string html)
                {
                    AtomicFile.WriteAllText(path, html, Encoding.Unicode);
                }

                public async Task SaveAsync(string path, string csv)
                {
                    // Replaces yesterday's export.
                    await AtomicFile.WriteAllTextAsync(path, csv);
                }
            }
            """);

    [Fact]
    public Task Wrapper_that_leaves_the_stream_open_and_ends_first_gets_Create_and_Commit()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;
            using System.IO.Compression;
            using System.Text;

            class Archive
            {
                public void Save(string path, string[] rows)
                {
                    using var file = {|SW1001:File.Create(path)|};
                    {
                        using var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
                        using var writer = new StreamWriter(gzip, Encoding.UTF8, 4096, leaveOpen: true);
                        foreach (var row in rows)
                        {
                            writer.WriteLine(row);
                        }
                    }
                }
            }
            """,
            """
            using System.IO;
            using System.IO.Compression;
            using System.Text;
            using SafeWrites;

            class Archive
            {
                public void Save(string path, string[] rows)
                {
                    using var file = AtomicFile.Create(path);
                    {
                        using var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
                        using var writer = new StreamWriter(gzip, Encoding.UTF8, 4096, leaveOpen: true);
                        foreach (var row in rows)
                        {
                            writer.WriteLine(row);
                        }
                    }
                    file.Commit();
                }
            }
            """);

    // ---------------------------------------------------------------- reported, but no fix

    [Fact]
    public Task No_fix_when_the_stream_escapes()
        => Verify.VerifyNoFixAsync(
            """
            using System.IO;

            class Output
            {
                private Stream? _current;

                // A wrapper opener is not reported at its own return (its callers write).
                public Stream OpenForWrite(string path) => File.Create(path);

                public void Begin(string path)
                {
                    var stream = {|SW1001:File.Create(path)|};
                    stream.WriteByte(1);
                    _current = stream;
                }
            }
            """);

    [Fact]
    public Task No_fix_when_a_writer_wraps_the_stream_or_opens_the_path()
        => Verify.VerifyNoFixAsync(
            """
            using System.IO;

            class Csv
            {
                public void Save(string path, string[] rows)
                {
                    using var stream = {|SW1001:File.Create(path)|};
                    using var writer = new StreamWriter(stream);
                    foreach (var row in rows)
                    {
                        writer.WriteLine(row);
                    }
                }

                public void SaveText(string path, string[] rows)
                {
                    using var writer = {|SW1001:File.CreateText(path)|};
                    writer.WriteLine(rows[0]);
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_scope_can_be_left_early_or_uses_FileStream_only_members()
        => Verify.VerifyNoFixAsync(
            """
            using System.IO;

            class Store
            {
                public bool Save(string path, byte[] data)
                {
                    using var stream = {|SW1001:File.Create(path)|};
                    if (data.Length == 0)
                    {
                        return false;
                    }

                    stream.Write(data);
                    return true;
                }

                public void SaveDurably(string path, byte[] data)
                {
                    using var stream = {|SW1001:new FileStream(path, FileMode.Create)|};
                    stream.Write(data);
                    stream.Flush(flushToDisk: true);
                }

                public void SaveUnscoped(string path, byte[] data)
                {
                    var stream = {|SW1001:File.Create(path)|};
                    stream.Write(data);
                    stream.Dispose();
                }
            }
            """);

    [Fact]
    public Task No_fix_without_the_SafeWrites_runtime()
        => Verify.VerifyNoFixAsync(
            """
            using System.IO;

            class Store
            {
                public void Save(string path, string text) => {|SW1001:File.WriteAllText(path, text)|};
            }
            """,
            withRuntime: false);

    [Fact]
    public async Task Fix_is_offered_with_its_title_as_equivalence_key()
    {
        var test = new Verifier.Test
        {
            GlobalConfig = Sw1001Scope.All,
            TestCode = """
                using System.IO;

                class Store
                {
                    public void Save(string path, string text) => {|SW1001:File.WriteAllText(path, text)|};
                }
                """,
            FixedCode = """
                using System.IO;
                using SafeWrites;

                class Store
                {
                    public void Save(string path, string text) => AtomicFile.WriteAllText(path, text);
                }
                """,
            CodeActionEquivalenceKey = CodeFixes.Writes.FileOverwrittenInPlaceCodeFixProvider.FixTitle,
        };
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>The fix does not depend on which files are state: these tests run with scope <c>all</c>.</summary>
    private static class Verify
    {
        public static Task VerifyCodeFixAsync(string source, string fixedSource, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
            => Verifier.VerifyCodeFixAsync(source, fixedSource, outputKind, Sw1001Scope.All);

        public static Task VerifyNoFixAsync(string source, bool withRuntime = true)
            => Verifier.VerifyNoFixAsync(source, withRuntime, Sw1001Scope.All);
    }
}
