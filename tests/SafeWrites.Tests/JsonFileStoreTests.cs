using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using SafeWrites.Tests.Infrastructure;
using Xunit;

namespace SafeWrites.Tests;

public sealed class JsonFileStoreTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    private string Document => _dir.File("settings.json");

    [Fact]
    public async Task Update_starts_from_CreateDefault_and_returns_what_it_wrote()
    {
        var store = Store(createDefault: true);
        Assert.Equal(new Settings("light", 0), store.Read());
        Assert.False(File.Exists(Document), "Reading a default must not write it.");

        var written = store.Update(s => s with { Count = s.Count + 1 });
        Assert.Equal(new Settings("light", 1), written);
        var asyncWritten = await store.UpdateAsync((s, _) => new ValueTask<Settings>(s with { Theme = "dark" }));
        Assert.Equal(new Settings("dark", 1), asyncWritten);

        Assert.Equal(asyncWritten, store.Read());
        Assert.Equal(asyncWritten, await store.ReadAsync());
        Assert.Equal(asyncWritten, JsonSerializer.Deserialize<Settings>(File.ReadAllBytes(Document)));
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public async Task Missing_file_without_CreateDefault_is_FileNotFoundException_and_nothing_is_written()
    {
        var store = Store(createDefault: false);
        var e = Assert.Throws<FileNotFoundException>(() => store.Read());
        Assert.Equal(Document, e.FileName);
        Assert.Contains("CreateDefault", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<FileNotFoundException>(async () => await store.ReadAsync());
        Assert.Throws<FileNotFoundException>(() => store.ReadVersioned());
        Assert.Throws<FileNotFoundException>(() => store.Update(s => s with { Count = 1 }));
        await Assert.ThrowsAsync<FileNotFoundException>(async () => await store.UpdateAsync((s, _) => new ValueTask<Settings>(s)));
        Assert.False(File.Exists(Document));
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public async Task A_stale_version_writes_nothing()
    {
        var store = Store(createDefault: true);
        store.Update(s => s with { Count = 1 });
        var first = store.ReadVersioned();
        Assert.Equal(1, first.Value.Count);

        store.Update(s => s with { Count = 2 }); // another writer gets there first
        var current = File.ReadAllBytes(Document);
        var currentVersion = store.ReadVersioned().Version;
        Assert.NotEqual(first.Version, currentVersion);

        Assert.False(store.TryReplace(first.Value with { Count = 100 }, first.Version));
        Assert.False(await store.TryReplaceAsync(first.Value with { Count = 100 }, first.Version));
        var conflict = Assert.Throws<VersionConflictException>(() => store.Replace(first.Value with { Count = 100 }, first.Version));
        Assert.Equal(first.Version, conflict.ExpectedVersion);
        Assert.Equal(currentVersion, conflict.ActualVersion);
        Assert.Equal(Document, conflict.Path);
        Assert.Contains(Document, conflict.Message, StringComparison.Ordinal);
        var asyncConflict = await Assert.ThrowsAsync<VersionConflictException>(async () => await store.ReplaceAsync(first.Value with { Count = 100 }, first.Version));
        Assert.Equal(currentVersion, asyncConflict.ActualVersion);

        Assert.Equal(current, File.ReadAllBytes(Document));
        Assert.Empty(_dir.TempFiles());

        // With the current version the replace goes through, and the version moves on.
        Assert.True(store.TryReplace(new Settings("dark", 3), currentVersion));
        var third = store.ReadVersioned();
        Assert.Equal(new Settings("dark", 3), third.Value);
        await store.ReplaceAsync(new Settings("dark", 4), third.Version);
        Assert.Equal(4, store.Read().Count);
    }

    [Fact]
    public void A_missing_file_has_the_Missing_version_and_can_be_created_optimistically()
    {
        var store = Store(createDefault: true);
        var none = store.ReadVersioned();
        Assert.Equal(FileVersion.Missing, none.Version);
        Assert.False(none.Version.Exists);
        Assert.Equal("missing", none.Version.ToString());

        Assert.True(store.TryReplace(new Settings("dark", 1), none.Version));
        Assert.True(store.ReadVersioned().Version.Exists);
        Assert.False(store.TryReplace(new Settings("dark", 2), none.Version), "The file exists now; the Missing version is stale.");
        Assert.Equal(1, store.Read().Count);
    }

    [Fact]
    public void A_write_by_another_program_changes_the_version()
    {
        var store = Store(createDefault: true);
        store.Update(s => s with { Count = 1 });
        var read = store.ReadVersioned();

        // Same content, written by something else: the same version (harmless).
        File.WriteAllBytes(Document, File.ReadAllBytes(Document));
        Assert.Equal(read.Version, store.ReadVersioned().Version);

        // One byte changed by a program that does not use the store.
        File.WriteAllText(Document, """{"Theme":"light","Count":7}""");
        var after = store.ReadVersioned();
        Assert.NotEqual(read.Version, after.Version);
        Assert.Equal(7, after.Value.Count);
        Assert.False(store.TryReplace(read.Value with { Count = 2 }, read.Version));
        Assert.Equal("""{"Theme":"light","Count":7}""", File.ReadAllText(Document));
    }

    [Fact]
    public async Task A_change_that_throws_leaves_the_file_as_it_was()
    {
        var store = Store(createDefault: true);
        store.Update(s => s with { Count = 5 });
        var before = File.ReadAllBytes(Document);
        var listing = _dir.Listing();

        Assert.Throws<InvalidOperationException>(() => store.Update(_ => throw new InvalidOperationException("boom")));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.UpdateAsync(async (s, ct) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal(before, File.ReadAllBytes(Document));
        Assert.Equal(listing, _dir.Listing());

        // The lock was released each time.
        Assert.Equal(6, store.Update(s => s with { Count = s.Count + 1 }).Count);
    }

    [Fact]
    public async Task Corrupt_json_throws_JsonException_naming_the_path_and_writes_nothing()
    {
        var store = Store(createDefault: true);
        File.WriteAllText(Document, """{"Theme":"light","Count":""");
        var before = File.ReadAllBytes(Document);

        var e = Assert.Throws<JsonException>(() => store.Read());
        Assert.Contains(Document, e.Message, StringComparison.Ordinal);
        Assert.Contains("LineNumber", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<JsonException>(async () => await store.ReadAsync());
        Assert.Throws<JsonException>(() => store.Update(s => s with { Count = 1 }));
        Assert.Throws<JsonException>(() => store.ReadVersioned());

        Assert.Equal(before, File.ReadAllBytes(Document));
        Assert.False(File.Exists(Document + ".bak"));
    }

    [Fact]
    public async Task RecoverFromBackup_reads_the_bak_raises_Recovered_and_the_next_write_heals()
    {
        var store = Store(createDefault: true, recover: true);
        var events = new List<JsonFileRecoveredEventArgs>();
        store.Recovered += (sender, args) =>
        {
            Assert.Same(store, sender);
            events.Add(args);
        };

        store.Update(s => s with { Count = 1 });
        store.Update(s => s with { Count = 2 });
        Assert.True(File.Exists(Document + ".bak"), "RecoverFromBackup turns KeepBackup on.");
        Assert.Equal(1, JsonSerializer.Deserialize<Settings>(File.ReadAllBytes(Document + ".bak"))!.Count);

        File.WriteAllText(Document, "{\"Theme\":\"li"); // torn by a program that writes in place
        Assert.Equal(1, store.Read().Count);
        Assert.Equal(1, (await store.ReadAsync()).Count);
        Assert.Equal(2, events.Count);
        Assert.Equal(Document, events[0].Path);
        Assert.Contains(Document, events[0].Reason, StringComparison.Ordinal);
        Assert.Empty(events.FindAll(a => string.IsNullOrEmpty(a.Reason)));

        // The next update starts from the recovered value and heals the file.
        Assert.Equal(2, store.Update(s => s with { Count = s.Count + 1 }).Count);
        Assert.Equal(2, JsonSerializer.Deserialize<Settings>(File.ReadAllBytes(Document))!.Count);
        Assert.Equal(3, events.Count);
        events.Clear();
        Assert.Equal(2, store.Read().Count);
        Assert.Empty(events);
    }

    [Fact]
    public void RecoverFromBackup_with_no_usable_backup_throws_the_documents_own_error()
    {
        var store = Store(createDefault: true, recover: true);
        var raised = 0;
        store.Recovered += (_, _) => raised++;
        File.WriteAllText(Document, "not json");
        var e = Assert.Throws<JsonException>(() => store.Read());
        Assert.Contains(Document, e.Message, StringComparison.Ordinal);

        File.WriteAllText(Document + ".bak", "also not json");
        e = Assert.Throws<JsonException>(() => store.Read());
        Assert.Contains(Document + "'", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, raised);
    }

    [Fact]
    public async Task Cancellation_while_waiting_for_the_lock_writes_nothing()
    {
        var store = Store(createDefault: true);
        store.Update(s => s with { Count = 1 });
        var before = File.ReadAllBytes(Document);
        using var holder = Child.Start("hold", FileLock.PathFor(Document));
        Assert.StartsWith("locked ", holder.ReadLine(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);

        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
                await store.UpdateAsync((s, _) => new ValueTask<Settings>(s with { Count = 99 }), Timeout.InfiniteTimeSpan, cts.Token));
        }

        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            var read = store.ReadVersioned();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.TryReplaceAsync(read.Value with { Count = 99 }, read.Version, cts.Token));
        }

        var timeout = Assert.Throws<FileLockTimeoutException>(() => store.Update(s => s with { Count = 99 }, TimeSpan.FromMilliseconds(300)));
        Assert.Equal(holder.Id, timeout.HolderProcessId);

        Assert.Equal(before, File.ReadAllBytes(Document));
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public void Bad_input_throws_the_documented_exception_and_writes_nothing()
    {
        var subdirectory = _dir.File("subdir");
        Directory.CreateDirectory(subdirectory);
        var listing = _dir.Listing();

        Assert.Throws<ArgumentNullException>(() => new JsonFileStore<Settings>(null!));
        Assert.Throws<ArgumentException>(() => new JsonFileStore<Settings>(string.Empty));
        var directory = Assert.Throws<ArgumentException>(() => new JsonFileStore<Settings>(subdirectory));
        Assert.Contains("directory", directory.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new JsonFileStore<Settings>(subdirectory + Path.DirectorySeparatorChar));
        Assert.Throws<ArgumentException>(() => new JsonFileStore<Settings>(Document, new JsonFileStoreOptions<Settings>
        {
            SerializerOptions = new JsonSerializerOptions(),
            TypeInfo = TestJsonContext.Default.Settings,
        }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonFileStoreOptions<Settings> { LockTimeout = TimeSpan.FromSeconds(-2) });

        var store = Store(createDefault: true);
        Assert.Throws<ArgumentNullException>(() => store.Update(null!));
        Assert.Throws<ArgumentNullException>(() => store.UpdateAsync(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Update(s => s, TimeSpan.FromSeconds(-5)));

        Assert.Equal(listing, _dir.Listing()); // not even a lock file
    }

    [Fact]
    public void TypeInfo_and_SerializerOptions_shape_the_file()
    {
        var generated = new JsonFileStore<Settings>(Document, new JsonFileStoreOptions<Settings>
        {
            TypeInfo = TestJsonContext.Default.Settings,
            CreateDefault = () => new Settings("light", 0),
        });
        generated.Update(s => s with { Count = 3 });
        Assert.Equal("""{"theme":"light","count":3}""", File.ReadAllText(Document));
        Assert.Equal(3, generated.Read().Count);

        var indented = new JsonFileStore<Settings>(Document, new JsonFileStoreOptions<Settings>
        {
            SerializerOptions = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase },
        });
        indented.Update(s => s with { Count = 4 });
        Assert.Contains("\n", File.ReadAllText(Document), StringComparison.Ordinal);
        Assert.Equal(4, generated.Read().Count);
    }

    [Fact]
    public void Without_reflection_a_store_needs_TypeInfo_and_says_so()
    {
        using var child = Child.Start("no-reflection", Document);
        var without = child.ReadLine(TimeSpan.FromSeconds(30));
        var with = child.ReadLine(TimeSpan.FromSeconds(30));
        Assert.Equal(0, child.WaitForExit(TimeSpan.FromSeconds(30)));

        Assert.StartsWith("without TypeInfo: This application turned reflection-based JSON serialization off", without, StringComparison.Ordinal);
        Assert.Contains("JsonFileStoreOptions.TypeInfo", without, StringComparison.Ordinal);
        Assert.Equal("with TypeInfo: value 1", with);
    }

    [Fact]
    public void A_byte_order_mark_from_an_editor_is_accepted()
    {
        File.WriteAllText(Document, """{"Theme":"dark","Count":2}""", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(new Settings("dark", 2), Store(createDefault: false).Read());
    }

    [Fact]
    public async Task Every_write_goes_through_the_lock_provider()
    {
        var provider = new CountingProvider();
        var store = new JsonFileStore<Settings>(Document, new JsonFileStoreOptions<Settings>
        {
            CreateDefault = () => new Settings("light", 0),
            LockProvider = provider,
            WriteOptions = new AtomicWriteOptions { Durable = false },
        });

        store.Update(s => s with { Count = 1 });
        await store.UpdateAsync((s, _) => new ValueTask<Settings>(s with { Count = 2 }));
        var read = store.ReadVersioned();
        store.TryReplace(read.Value with { Count = 3 }, read.Version);
        store.Read();

        Assert.Equal(new[] { Document, Document, Document }, provider.Paths);
        Assert.Equal(0, provider.Held);
        Assert.False(File.Exists(FileLock.PathFor(Document)), "A custom provider replaces the .lock file.");
    }

    public void Dispose() => _dir.Dispose();

    private JsonFileStore<Settings> Store(bool createDefault, bool recover = false) =>
        new(Document, new JsonFileStoreOptions<Settings>
        {
            CreateDefault = createDefault ? () => new Settings("light", 0) : null,
            RecoverFromBackup = recover,
        });

    /// <summary>Records the paths it locks, and checks the store releases each lock.</summary>
    private sealed class CountingProvider : IFileLockProvider
    {
        private int _held;

        public List<string> Paths { get; } = new();

        public int Held => _held;

        public IDisposable Acquire(string path, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            Paths.Add(path);
            Interlocked.Increment(ref _held);
            return new Release(this);
        }

        public ValueTask<IAsyncDisposable> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            Paths.Add(path);
            Interlocked.Increment(ref _held);
            return new ValueTask<IAsyncDisposable>(new Release(this));
        }

        private sealed class Release(CountingProvider owner) : IDisposable, IAsyncDisposable
        {
            public void Dispose() => Interlocked.Decrement(ref owner._held);

            public ValueTask DisposeAsync()
            {
                Dispose();
                return default;
            }
        }
    }
}

public sealed record Settings(string Theme, int Count);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Settings))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
