using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;

namespace SafeWrites;

/// <summary>Settings of a <see cref="JsonFileStore{T}"/>, read once when the store is created.</summary>
/// <typeparam name="T">The document type.</typeparam>
public sealed class JsonFileStoreOptions<T>
{
    private readonly TimeSpan _lockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Serializer options (reflection-based serialization unless they carry a source-generated
    /// <see cref="JsonSerializerOptions.TypeInfoResolver"/>). Set this or <see cref="TypeInfo"/>, not both;
    /// neither means <see cref="JsonSerializer"/>'s defaults.
    /// </summary>
    public JsonSerializerOptions? SerializerOptions { get; init; }

    /// <summary>
    /// Source-generated metadata for <typeparamref name="T"/> (from a <c>JsonSerializerContext</c>): trimming and
    /// native-AOT safe. Trimmed and AOT applications must set this (or <see cref="SerializerOptions"/> with a
    /// source-generated resolver); the store refuses reflection where the application turned it off.
    /// </summary>
    public JsonTypeInfo<T>? TypeInfo { get; init; }

    /// <summary>
    /// The value of a document whose file does not exist yet. Without it, reading a missing file throws
    /// <see cref="System.IO.FileNotFoundException"/>. The value is not written until an update.
    /// </summary>
    public Func<T>? CreateDefault { get; init; }

    /// <summary>How long an update waits for the lock (default 30 seconds); <see cref="Timeout.InfiniteTimeSpan"/> waits forever.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative (other than infinite) or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    public TimeSpan LockTimeout
    {
        get => _lockTimeout;
        init => _lockTimeout = JsonFileStore<T>.CheckTimeout(value, nameof(LockTimeout));
    }

    /// <summary>How each write is made (durability, symbolic links); <see langword="null"/> for <see cref="AtomicFile"/>'s defaults.</summary>
    public AtomicWriteOptions? WriteOptions { get; init; }

    /// <summary>
    /// The lock that serialises writers; <see langword="null"/> for <see cref="FileLockProvider.Default"/>
    /// (a <see cref="FileLock"/> on the document's <c>.lock</c> file, one host). Plug in a distributed lock
    /// service where several hosts share the document.
    /// </summary>
    public IFileLockProvider? LockProvider { get; init; }

    /// <summary>
    /// When <see langword="true"/>, every write keeps the previous content as <c>&lt;name&gt;.bak</c>
    /// (<see cref="AtomicWriteOptions.KeepBackup"/>), and a document that does not parse is read from that backup
    /// instead, raising <see cref="JsonFileStore{T}.Recovered"/>; the next write heals the file. When
    /// <see langword="false"/> (the default), a document that does not parse throws <see cref="JsonException"/>.
    /// </summary>
    public bool RecoverFromBackup { get; init; }
}
