using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using SafeWrites.Internal;

namespace SafeWrites;

/// <summary>
/// One JSON document shared by the threads and processes of a host (or of many hosts, through
/// <see cref="JsonFileStoreOptions{T}.LockProvider"/>). Every write is an <see cref="AtomicFile"/> write, so
/// readers need no lock and never see a torn file; every read-modify-write holds the lock from the read to
/// the write, so no update is lost. The file stays the user's plain JSON: no field is added.
/// </summary>
/// <typeparam name="T">The document type.</typeparam>
/// <remarks>
/// <para>Two ways to change the document. <see cref="Update"/> locks, reads, applies the change, writes and
/// unlocks: simple, but the change runs under the lock. For slow computations use the optimistic pattern:
/// <see cref="ReadVersioned"/> without a lock, compute, then <see cref="TryReplace"/>, which holds the lock only
/// to compare the file's version and write, and returns <see langword="false"/> (writing nothing) if another
/// writer got there first.</para>
/// <para>The version is a 64-bit hash of the file's bytes (<see cref="FileVersion"/>), so writes by programs
/// that do not use the store are detected too.</para>
/// <para>Limits: one document per store, no transactions across documents; every write rewrites the whole
/// file, so documents of many megabytes or many writers per second belong in a database
/// (docs/benchmarks.md has the measured costs). The lock is not re-entrant: calling <see cref="Update"/> on
/// the same document from inside a <c>change</c> throws <see cref="System.Threading.LockRecursionException"/>.</para>
/// </remarks>
public sealed class JsonFileStore<T>
{
#if NET8_0_OR_GREATER
    private const string ReflectionJustification =
        "Reflection is used only when the caller gave no TypeInfo and no source-generated resolver; the constructor "
        + "refuses that where the application turned reflection-based serialization off (trimmed and AOT publishing do).";
#endif

    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly Func<T>? _createDefault;
    private readonly TimeSpan _lockTimeout;
    private readonly AtomicWriteOptions? _writeOptions;
    private readonly IFileLockProvider _locks;
    private readonly bool _recoverFromBackup;

    /// <summary>Creates a store for the document at <paramref name="path"/>. Nothing is read or written yet.</summary>
    /// <param name="path">The document file. Its lock file (default provider) is <paramref name="path"/> + <c>.lock</c>.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, names a directory, or both
    /// <see cref="JsonFileStoreOptions{T}.SerializerOptions"/> and <see cref="JsonFileStoreOptions{T}.TypeInfo"/> are set.</exception>
    /// <exception cref="InvalidOperationException">No <see cref="JsonFileStoreOptions{T}.TypeInfo"/> was given and the
    /// application turned reflection-based serialization off (trimmed or native-AOT publishing).</exception>
    public JsonFileStore(string path, JsonFileStoreOptions<T>? options = null)
    {
        Path = PathGuard.FullFilePath(path, nameof(path));
        if (Directory.Exists(Path))
        {
            throw new ArgumentException($"The path '{Path}' is a directory; a JsonFileStore needs the path of a file.", nameof(path));
        }

        options ??= new JsonFileStoreOptions<T>();
        if (options.TypeInfo is not null && options.SerializerOptions is not null)
        {
            throw new ArgumentException("Set JsonFileStoreOptions.SerializerOptions or TypeInfo, not both (TypeInfo carries its own options).", nameof(options));
        }

        _typeInfo = options.TypeInfo ?? TypeInfoFor(options.SerializerOptions);
        _createDefault = options.CreateDefault;
        _lockTimeout = options.LockTimeout;
        _locks = options.LockProvider ?? FileLockProvider.Default;
        _recoverFromBackup = options.RecoverFromBackup;
        _writeOptions = options.RecoverFromBackup ? WithBackup(options.WriteOptions) : options.WriteOptions;
    }

    /// <summary>
    /// Raised when a document that did not parse was read from its <c>.bak</c> instead
    /// (<see cref="JsonFileStoreOptions{T}.RecoverFromBackup"/>), so the application can log it. Raised on the
    /// thread that read; an exception thrown by a handler propagates to that read.
    /// </summary>
    public event EventHandler<JsonFileRecoveredEventArgs>? Recovered;

    /// <summary>The full path of the document.</summary>
    public string Path { get; }

    /// <summary>Reads the document without taking the lock (atomic writes mean a reader sees a whole version).</summary>
    /// <returns>The value; <see cref="JsonFileStoreOptions{T}.CreateDefault"/>'s value if the file does not exist.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist and there is no <see cref="JsonFileStoreOptions{T}.CreateDefault"/>.</exception>
    /// <exception cref="JsonException">The file is not valid JSON for <typeparamref name="T"/> (and could not be recovered); the message names the path and position.</exception>
    public T Read()
    {
        var found = DocumentBytes.TryRead(Path, out var bytes);
        using (bytes)
        {
            return Parse(found, bytes.Span);
        }
    }

    /// <summary>Reads the document without taking the lock.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value; <see cref="JsonFileStoreOptions{T}.CreateDefault"/>'s value if the file does not exist.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist and there is no <see cref="JsonFileStoreOptions{T}.CreateDefault"/>.</exception>
    /// <exception cref="JsonException">The file is not valid JSON for <typeparamref name="T"/> (and could not be recovered); the message names the path and position.</exception>
    public async ValueTask<T> ReadAsync(CancellationToken cancellationToken = default)
    {
        var read = await DocumentBytes.TryReadAsync(Path, isAsync: true, cancellationToken).ConfigureAwait(false);
        var bytes = read.GetValueOrDefault();
        using (bytes)
        {
            return Parse(read.HasValue, bytes.Span);
        }
    }

    /// <summary>
    /// Locks the document, reads it, applies <paramref name="change"/>, writes the result atomically and unlocks.
    /// If <paramref name="change"/> throws, nothing is written and the exception propagates.
    /// </summary>
    /// <param name="change">Computes the new value from the current one. It runs under the lock: keep it short.</param>
    /// <param name="timeout">How long to wait for the lock; <see langword="null"/> for <see cref="JsonFileStoreOptions{T}.LockTimeout"/>.</param>
    /// <returns>The value written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/> (nothing is locked or written).</exception>
    /// <exception cref="FileLockTimeoutException">Another holder kept the lock for the whole timeout.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist and there is no <see cref="JsonFileStoreOptions{T}.CreateDefault"/>.</exception>
    /// <exception cref="JsonException">The file is not valid JSON for <typeparamref name="T"/> (and could not be recovered).</exception>
    public T Update(Func<T, T> change, TimeSpan? timeout = null)
    {
        if (change is null)
        {
            throw new ArgumentNullException(nameof(change));
        }

        var wait = LockWait(timeout);
        using (_locks.Acquire(Path, wait))
        {
            var next = change(Read());
            Write(next);
            return next;
        }
    }

    /// <summary>
    /// Locks the document, reads it, applies <paramref name="change"/>, writes the result atomically and unlocks;
    /// no thread is blocked while waiting for the lock. If <paramref name="change"/> throws (or the operation is
    /// cancelled before the final rename), nothing is written.
    /// </summary>
    /// <param name="change">Computes the new value from the current one. It runs under the lock: keep it short.</param>
    /// <param name="timeout">How long to wait for the lock; <see langword="null"/> for <see cref="JsonFileStoreOptions{T}.LockTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait for the lock, the read and the write (until the final rename); passed to <paramref name="change"/>.</param>
    /// <returns>The value written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/> (nothing is locked or written).</exception>
    /// <exception cref="FileLockTimeoutException">Another holder kept the lock for the whole timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist and there is no <see cref="JsonFileStoreOptions{T}.CreateDefault"/>.</exception>
    /// <exception cref="JsonException">The file is not valid JSON for <typeparamref name="T"/> (and could not be recovered).</exception>
    public ValueTask<T> UpdateAsync(Func<T, CancellationToken, ValueTask<T>> change, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (change is null)
        {
            throw new ArgumentNullException(nameof(change));
        }

        return UpdateCoreAsync(change, LockWait(timeout), cancellationToken);
    }

    /// <summary>Reads the document and the version of the file it came from, without taking the lock.</summary>
    /// <returns>The value and its <see cref="FileVersion"/> (<see cref="FileVersion.Missing"/>, with
    /// <see cref="JsonFileStoreOptions{T}.CreateDefault"/>'s value, if the file does not exist).</returns>
    /// <exception cref="FileNotFoundException">The file does not exist and there is no <see cref="JsonFileStoreOptions{T}.CreateDefault"/>.</exception>
    /// <exception cref="JsonException">The file is not valid JSON for <typeparamref name="T"/> (and could not be recovered).</exception>
    public Versioned<T> ReadVersioned()
    {
        var found = DocumentBytes.TryRead(Path, out var bytes);
        using (bytes)
        {
            return new Versioned<T>(Parse(found, bytes.Span), VersionOf(found, bytes.Span));
        }
    }

    /// <summary>Reads the document and the version of the file it came from, without taking the lock.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value and its <see cref="FileVersion"/>.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist and there is no <see cref="JsonFileStoreOptions{T}.CreateDefault"/>.</exception>
    /// <exception cref="JsonException">The file is not valid JSON for <typeparamref name="T"/> (and could not be recovered).</exception>
    public async ValueTask<Versioned<T>> ReadVersionedAsync(CancellationToken cancellationToken = default)
    {
        var read = await DocumentBytes.TryReadAsync(Path, isAsync: true, cancellationToken).ConfigureAwait(false);
        var bytes = read.GetValueOrDefault();
        using (bytes)
        {
            return new Versioned<T>(Parse(read.HasValue, bytes.Span), VersionOf(read.HasValue, bytes.Span));
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/> if the file is still at version <paramref name="expected"/>; under the lock
    /// only for the compare and the write (compute the value before calling).
    /// </summary>
    /// <param name="value">The new document.</param>
    /// <param name="expected">The version the value was computed from (from <see cref="ReadVersioned"/>).</param>
    /// <returns><see langword="true"/> if written; <see langword="false"/>, writing nothing, if the document changed since.</returns>
    /// <exception cref="FileLockTimeoutException">Another holder kept the lock for <see cref="JsonFileStoreOptions{T}.LockTimeout"/>.</exception>
    public bool TryReplace(T value, FileVersion expected)
    {
        using (_locks.Acquire(Path, _lockTimeout))
        {
            return ReplaceIfCurrent(value, expected, CurrentVersion());
        }
    }

    /// <summary>Writes <paramref name="value"/> if the file is still at version <paramref name="expected"/>; otherwise throws.</summary>
    /// <param name="value">The new document.</param>
    /// <param name="expected">The version the value was computed from (from <see cref="ReadVersioned"/>).</param>
    /// <exception cref="VersionConflictException">The document changed since; nothing was written.</exception>
    /// <exception cref="FileLockTimeoutException">Another holder kept the lock for <see cref="JsonFileStoreOptions{T}.LockTimeout"/>.</exception>
    public void Replace(T value, FileVersion expected)
    {
        using (_locks.Acquire(Path, _lockTimeout))
        {
            var actual = CurrentVersion();
            if (!ReplaceIfCurrent(value, expected, actual))
            {
                throw new VersionConflictException(Path, expected, actual);
            }
        }
    }

    /// <summary>Writes <paramref name="value"/> if the file is still at version <paramref name="expected"/>; no thread is blocked while waiting for the lock.</summary>
    /// <param name="value">The new document.</param>
    /// <param name="expected">The version the value was computed from (from <see cref="ReadVersionedAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the wait for the lock and the write (until the final rename).</param>
    /// <returns><see langword="true"/> if written; <see langword="false"/>, writing nothing, if the document changed since.</returns>
    /// <exception cref="FileLockTimeoutException">Another holder kept the lock for <see cref="JsonFileStoreOptions{T}.LockTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<bool> TryReplaceAsync(T value, FileVersion expected, CancellationToken cancellationToken = default)
    {
        var held = await _locks.AcquireAsync(Path, _lockTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            var actual = await CurrentVersionAsync(cancellationToken).ConfigureAwait(false);
            return actual == expected && await WriteAsync(value, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes <paramref name="value"/> if the file is still at version <paramref name="expected"/>; otherwise throws.</summary>
    /// <param name="value">The new document.</param>
    /// <param name="expected">The version the value was computed from (from <see cref="ReadVersionedAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the wait for the lock and the write (until the final rename).</param>
    /// <returns>A task that completes when the value is written.</returns>
    /// <exception cref="VersionConflictException">The document changed since; nothing was written.</exception>
    /// <exception cref="FileLockTimeoutException">Another holder kept the lock for <see cref="JsonFileStoreOptions{T}.LockTimeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask ReplaceAsync(T value, FileVersion expected, CancellationToken cancellationToken = default)
    {
        var held = await _locks.AcquireAsync(Path, _lockTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            var actual = await CurrentVersionAsync(cancellationToken).ConfigureAwait(false);
            if (actual != expected)
            {
                throw new VersionConflictException(Path, expected, actual);
            }

            await WriteAsync(value, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static TimeSpan CheckTimeout(TimeSpan timeout, string parameterName)
    {
        if ((timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan) || timeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(parameterName, timeout, "The timeout must be Timeout.InfiniteTimeSpan, zero, or a positive time up to Int32.MaxValue milliseconds.");
        }

        return timeout;
    }

#if NET8_0_OR_GREATER
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = ReflectionJustification)]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = ReflectionJustification)]
#endif
    private static JsonTypeInfo<T> TypeInfoFor(JsonSerializerOptions? options)
    {
        if (options?.TypeInfoResolver is null)
        {
#if NET8_0_OR_GREATER
            if (!JsonSerializer.IsReflectionEnabledByDefault)
            {
                throw new InvalidOperationException(
                    $"This application turned reflection-based JSON serialization off (trimmed or native-AOT publishing), so JsonFileStore<{typeof(T).Name}> needs source-generated metadata: set JsonFileStoreOptions.TypeInfo (e.g. MyJsonContext.Default.{typeof(T).Name}).");
            }
#endif

            // A copy of the caller's options: they may be shared, and reading them for a type makes them read-only.
            options = options is null
                ? JsonSerializerOptions.Default
                : new JsonSerializerOptions(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        }

        options.MakeReadOnly();
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    private static AtomicWriteOptions WithBackup(AtomicWriteOptions? options) => new()
    {
        Durable = options?.Durable ?? true,
        KeepBackup = true,
        ReplaceSymlink = options?.ReplaceSymlink ?? false,
        FallbackToInPlaceWrite = options?.FallbackToInPlaceWrite ?? false,
        SharingViolationRetryCount = options?.SharingViolationRetryCount ?? AtomicWriteOptions.Default.SharingViolationRetryCount,
        SharingViolationRetryDelay = options?.SharingViolationRetryDelay ?? AtomicWriteOptions.Default.SharingViolationRetryDelay,
    };

    private static FileVersion VersionOf(bool found, ReadOnlySpan<byte> bytes) =>
        found ? new FileVersion(ContentHash.Compute(bytes)) : FileVersion.Missing;

    private TimeSpan LockWait(TimeSpan? timeout) => timeout is { } given ? CheckTimeout(given, nameof(timeout)) : _lockTimeout;

    private async ValueTask<T> UpdateCoreAsync(Func<T, CancellationToken, ValueTask<T>> change, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var held = await _locks.AcquireAsync(Path, timeout, cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var next = await change(current, cancellationToken).ConfigureAwait(false);
            await WriteAsync(next, cancellationToken).ConfigureAwait(false);
            return next;
        }
        finally
        {
            await held.DisposeAsync().ConfigureAwait(false);
        }
    }

    private FileVersion CurrentVersion()
    {
        var found = DocumentBytes.TryRead(Path, out var bytes);
        using (bytes)
        {
            return VersionOf(found, bytes.Span);
        }
    }

    private async ValueTask<FileVersion> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        var read = await DocumentBytes.TryReadAsync(Path, isAsync: true, cancellationToken).ConfigureAwait(false);
        var bytes = read.GetValueOrDefault();
        using (bytes)
        {
            return VersionOf(read.HasValue, bytes.Span);
        }
    }

    private bool ReplaceIfCurrent(T value, FileVersion expected, FileVersion actual)
    {
        if (actual != expected)
        {
            return false;
        }

        Write(value);
        return true;
    }

    private void Write(T value) =>
        AtomicFile.Write(Path, stream => JsonSerializer.Serialize(stream, value, _typeInfo), _writeOptions);

    private async ValueTask<bool> WriteAsync(T value, CancellationToken cancellationToken)
    {
        await AtomicFile.WriteAsync(Path, (stream, ct) => JsonSerializer.SerializeAsync(stream, value, _typeInfo, ct), _writeOptions, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The value of the bytes read (or of a missing file); a document that does not parse may come from its backup.</summary>
    private T Parse(bool found, ReadOnlySpan<byte> bytes)
    {
        if (!found)
        {
            return _createDefault is not null
                ? _createDefault()
                : throw new FileNotFoundException($"Could not find the document '{Path}' (set JsonFileStoreOptions.CreateDefault to start from a default value).", Path);
        }

        try
        {
            return Deserialize(bytes);
        }
        catch (JsonException e)
        {
            var malformed = new JsonException($"The file '{Path}' does not contain valid JSON for {typeof(T)}: {e.Message}", e.Path, e.LineNumber, e.BytePositionInLine, e);
            if (_recoverFromBackup && TryReadBackup(out var value))
            {
                Recovered?.Invoke(this, new JsonFileRecoveredEventArgs(Path, malformed.Message));
                return value;
            }

            throw malformed;
        }
    }

    private bool TryReadBackup(out T value)
    {
        value = default!;
        if (!DocumentBytes.TryRead(Path + ".bak", out var bytes))
        {
            return false;
        }

        using (bytes)
        {
            try
            {
                value = Deserialize(bytes.Span);
                return true;
            }
            catch (JsonException)
            {
                return false; // The caller reports the document's own error, which is the one to fix.
            }
        }
    }

    private T Deserialize(ReadOnlySpan<byte> bytes)
    {
        // Editors on Windows may save a byte order mark; the span reader does not skip it (the stream reader does).
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes.Slice(3);
        }

        // JSON null reads as null: the store passes the document through as it is.
        return JsonSerializer.Deserialize(bytes, _typeInfo)!;
    }
}
