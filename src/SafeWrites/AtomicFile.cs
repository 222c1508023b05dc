using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using SafeWrites.Internal;

namespace SafeWrites;

/// <summary>
/// Atomic, durable replacements for <see cref="File"/>'s write methods. Readers of the destination see
/// the old content or the new content, never a mix, a truncation, or no file at all; with
/// <see cref="AtomicWriteOptions.Durable"/> (the default) the new content survives power loss once
/// the call returns. Each method writes a temporary file next to the destination and renames it over
/// the destination; on any failure (including cancellation) the temporary file is removed and the
/// destination is unchanged.
/// </summary>
/// <remarks>
/// Paths are validated like <see cref="File"/>'s: <see langword="null"/> throws
/// <see cref="ArgumentNullException"/>; empty, white-space-only or NUL-containing paths throw
/// <see cref="ArgumentException"/>; a destination that is a directory throws
/// <see cref="UnauthorizedAccessException"/>. Nothing is written in those cases.
/// </remarks>
public static class AtomicFile
{
    // What File.WriteAllText uses: UTF-8 without a byte order mark, throwing on invalid surrogates.
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const int CharChunk = 64 * 1024;

#if NET8_0_OR_GREATER
    private const string ReflectionJson = "JSON serialization with JsonSerializerOptions may need types the trimmer removes; use the JsonTypeInfo<T> overload.";
    private const string DynamicJson = "JSON serialization with JsonSerializerOptions may generate code at run time; use the JsonTypeInfo<T> overload.";
#endif

    /// <summary>Opens an atomic write to <paramref name="path"/>: write to the returned stream, then call <see cref="AtomicFileStream.Commit"/>. Disposing without committing discards the write.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    /// <returns>A stream to the temporary file.</returns>
    public static AtomicFileStream Create(string path, AtomicWriteOptions? options = null) => AtomicFileStream.Open(path, options);

    /// <summary>Atomically replaces <paramref name="path"/> with what <paramref name="write"/> writes to the stream it is given (any serializer).</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="write">Writes the content. If it throws, nothing is published.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    public static void Write(string path, Action<Stream> write, AtomicWriteOptions? options = null)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        using var stream = AtomicFileStream.Open(path, options);
        write(stream);
        stream.Commit();
    }

    /// <summary>Atomically replaces <paramref name="path"/> with what <paramref name="write"/> writes to the stream it is given.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="write">Writes the content. If it throws or is cancelled, nothing is published.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, AtomicWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (write is null)
        {
            throw new ArgumentNullException(nameof(write));
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var stream = AtomicFileStream.Open(path, options);
        await write(stream, cancellationToken).ConfigureAwait(false);
        await stream.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Atomic <see cref="File.WriteAllText(string, string)"/>: UTF-8 without a byte order mark.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The text; <see langword="null"/> writes an empty file.</param>
    public static void WriteAllText(string path, string? contents) => WriteAllText(path, contents, Utf8NoBom, null);

    /// <summary>Atomic <see cref="File.WriteAllText(string, string, Encoding)"/>.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The text; <see langword="null"/> writes only the encoding's preamble.</param>
    /// <param name="encoding">The encoding; its preamble (byte order mark) is written as <see cref="File"/> does.</param>
    public static void WriteAllText(string path, string? contents, Encoding encoding) => WriteAllText(path, contents, encoding, null);

    /// <summary>Atomic <see cref="File.WriteAllText(string, string)"/> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The text; <see langword="null"/> writes an empty file.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    public static void WriteAllText(string path, string? contents, AtomicWriteOptions? options) => WriteAllText(path, contents, Utf8NoBom, options);

    /// <summary>Atomic <see cref="File.WriteAllText(string, string, Encoding)"/> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The text.</param>
    /// <param name="encoding">The encoding.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    public static void WriteAllText(string path, string? contents, Encoding encoding, AtomicWriteOptions? options)
    {
        CheckEncoding(encoding);
        Write(path, stream => WriteText(stream, contents, encoding), options);
    }

    /// <summary>Atomic <c>File.WriteAllTextAsync</c>.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The text.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static Task WriteAllTextAsync(string path, string? contents, CancellationToken cancellationToken = default) =>
        WriteAllTextAsync(path, contents, Utf8NoBom, null, cancellationToken);

    /// <summary>Atomic <c>File.WriteAllTextAsync</c>.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The text.</param>
    /// <param name="encoding">The encoding.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static Task WriteAllTextAsync(string path, string? contents, Encoding encoding, CancellationToken cancellationToken = default) =>
        WriteAllTextAsync(path, contents, encoding, null, cancellationToken);

    /// <summary>Atomic <c>File.WriteAllTextAsync</c> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The text.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static Task WriteAllTextAsync(string path, string? contents, AtomicWriteOptions? options, CancellationToken cancellationToken = default) =>
        WriteAllTextAsync(path, contents, Utf8NoBom, options, cancellationToken);

    /// <summary>Atomic <c>File.WriteAllTextAsync</c> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The text.</param>
    /// <param name="encoding">The encoding.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static Task WriteAllTextAsync(string path, string? contents, Encoding encoding, AtomicWriteOptions? options, CancellationToken cancellationToken = default)
    {
        CheckEncoding(encoding);
        return WriteAsync(path, (stream, ct) => WriteTextAsync(stream, contents, encoding, ct), options, cancellationToken);
    }

    /// <summary>Atomic <see cref="File.WriteAllBytes(string, byte[])"/>.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="bytes">The content.</param>
    public static void WriteAllBytes(string path, byte[] bytes) => WriteAllBytes(path, bytes, null);

    /// <summary>Atomic <see cref="File.WriteAllBytes(string, byte[])"/> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    public static void WriteAllBytes(string path, byte[] bytes, AtomicWriteOptions? options)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        Write(path, stream => stream.Write(bytes, 0, bytes.Length), options);
    }

    /// <summary>Atomic <c>File.WriteAllBytesAsync</c>.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static Task WriteAllBytesAsync(string path, byte[] bytes, CancellationToken cancellationToken = default) =>
        WriteAllBytesAsync(path, bytes, null, cancellationToken);

    /// <summary>Atomic <c>File.WriteAllBytesAsync</c> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static Task WriteAllBytesAsync(string path, byte[] bytes, AtomicWriteOptions? options, CancellationToken cancellationToken = default)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        return WriteAsync(path, (stream, ct) => stream.WriteAsync(bytes, 0, bytes.Length, ct), options, cancellationToken);
    }

    /// <summary>Atomic <see cref="File.WriteAllLines(string, string[])"/>: each line followed by <see cref="Environment.NewLine"/>, UTF-8 without a byte order mark.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    public static void WriteAllLines(string path, string[] contents) => WriteAllLines(path, (IEnumerable<string>)contents, Utf8NoBom, null);

    /// <summary>Atomic <see cref="File.WriteAllLines(string, IEnumerable{string})"/>.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    public static void WriteAllLines(string path, IEnumerable<string> contents) => WriteAllLines(path, contents, Utf8NoBom, null);

    /// <summary>Atomic <see cref="File.WriteAllLines(string, string[], Encoding)"/>.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    /// <param name="encoding">The encoding.</param>
    public static void WriteAllLines(string path, string[] contents, Encoding encoding) => WriteAllLines(path, (IEnumerable<string>)contents, encoding, null);

    /// <summary>Atomic <see cref="File.WriteAllLines(string, IEnumerable{string}, Encoding)"/>.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    /// <param name="encoding">The encoding.</param>
    public static void WriteAllLines(string path, IEnumerable<string> contents, Encoding encoding) => WriteAllLines(path, contents, encoding, null);

    /// <summary>Atomic <see cref="File.WriteAllLines(string, string[])"/> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    public static void WriteAllLines(string path, string[] contents, AtomicWriteOptions? options) => WriteAllLines(path, (IEnumerable<string>)contents, Utf8NoBom, options);

    /// <summary>Atomic <see cref="File.WriteAllLines(string, IEnumerable{string})"/> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    public static void WriteAllLines(string path, IEnumerable<string> contents, AtomicWriteOptions? options) => WriteAllLines(path, contents, Utf8NoBom, options);

    /// <summary>Atomic <see cref="File.WriteAllLines(string, string[], Encoding)"/> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    /// <param name="encoding">The encoding.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    public static void WriteAllLines(string path, string[] contents, Encoding encoding, AtomicWriteOptions? options) => WriteAllLines(path, (IEnumerable<string>)contents, encoding, options);

    /// <summary>Atomic <see cref="File.WriteAllLines(string, IEnumerable{string}, Encoding)"/> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    /// <param name="encoding">The encoding.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    public static void WriteAllLines(string path, IEnumerable<string> contents, Encoding encoding, AtomicWriteOptions? options)
    {
        if (contents is null)
        {
            throw new ArgumentNullException(nameof(contents));
        }

        CheckEncoding(encoding);
        Write(
            path,
            stream =>
            {
                using var writer = new StreamWriter(stream, encoding, 4096, leaveOpen: true);
                foreach (var line in contents)
                {
                    writer.WriteLine(line);
                }
            },
            options);
    }

    /// <summary>Atomic <c>File.WriteAllLinesAsync</c>.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static Task WriteAllLinesAsync(string path, IEnumerable<string> contents, CancellationToken cancellationToken = default) =>
        WriteAllLinesAsync(path, contents, Utf8NoBom, null, cancellationToken);

    /// <summary>Atomic <c>File.WriteAllLinesAsync</c>.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    /// <param name="encoding">The encoding.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static Task WriteAllLinesAsync(string path, IEnumerable<string> contents, Encoding encoding, CancellationToken cancellationToken = default) =>
        WriteAllLinesAsync(path, contents, encoding, null, cancellationToken);

    /// <summary>Atomic <c>File.WriteAllLinesAsync</c> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static Task WriteAllLinesAsync(string path, IEnumerable<string> contents, AtomicWriteOptions? options, CancellationToken cancellationToken = default) =>
        WriteAllLinesAsync(path, contents, Utf8NoBom, options, cancellationToken);

    /// <summary>Atomic <c>File.WriteAllLinesAsync</c> with options.</summary>
    /// <param name="path">The destination file.</param>
    /// <param name="contents">The lines.</param>
    /// <param name="encoding">The encoding.</param>
    /// <param name="options">Write options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static Task WriteAllLinesAsync(string path, IEnumerable<string> contents, Encoding encoding, AtomicWriteOptions? options, CancellationToken cancellationToken = default)
    {
        if (contents is null)
        {
            throw new ArgumentNullException(nameof(contents));
        }

        CheckEncoding(encoding);
        return WriteAsync(
            path,
            async (stream, ct) =>
            {
                using var writer = new StreamWriter(stream, encoding, 4096, leaveOpen: true);
                foreach (var line in contents)
                {
                    ct.ThrowIfCancellationRequested();
                    await writer.WriteLineAsync(line).ConfigureAwait(false);
                }

                await FlushAsync(writer, ct).ConfigureAwait(false);
            },
            options,
            cancellationToken);
    }

    /// <summary>Atomically writes <paramref name="value"/> as JSON (UTF-8, no byte order mark).</summary>
    /// <typeparam name="T">The type to serialize as.</typeparam>
    /// <param name="path">The destination file.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">Serializer options; <see langword="null"/> for <see cref="JsonSerializer"/>'s defaults.</param>
    /// <param name="writeOptions">Write options; <see langword="null"/> for the defaults.</param>
#if NET8_0_OR_GREATER
    [RequiresUnreferencedCode(ReflectionJson)]
    [RequiresDynamicCode(DynamicJson)]
#endif
    public static void WriteJson<T>(string path, T value, JsonSerializerOptions? options = null, AtomicWriteOptions? writeOptions = null) =>
        Write(path, stream => JsonSerializer.Serialize(stream, value, options), writeOptions);

    /// <summary>Atomically writes <paramref name="value"/> as JSON using source-generated metadata (trimming and AOT safe).</summary>
    /// <typeparam name="T">The type to serialize as.</typeparam>
    /// <param name="path">The destination file.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The metadata from a <c>JsonSerializerContext</c>.</param>
    /// <param name="writeOptions">Write options; <see langword="null"/> for the defaults.</param>
    public static void WriteJson<T>(string path, T value, JsonTypeInfo<T> typeInfo, AtomicWriteOptions? writeOptions = null)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        Write(path, stream => JsonSerializer.Serialize(stream, value, typeInfo), writeOptions);
    }

    /// <summary>Atomically writes <paramref name="value"/> as JSON.</summary>
    /// <typeparam name="T">The type to serialize as.</typeparam>
    /// <param name="path">The destination file.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">Serializer options; <see langword="null"/> for the defaults.</param>
    /// <param name="writeOptions">Write options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
#if NET8_0_OR_GREATER
    [RequiresUnreferencedCode(ReflectionJson)]
    [RequiresDynamicCode(DynamicJson)]
#endif
    public static Task WriteJsonAsync<T>(string path, T value, JsonSerializerOptions? options = null, AtomicWriteOptions? writeOptions = null, CancellationToken cancellationToken = default) =>
        WriteAsync(path, (stream, ct) => JsonSerializer.SerializeAsync(stream, value, options, ct), writeOptions, cancellationToken);

    /// <summary>Atomically writes <paramref name="value"/> as JSON using source-generated metadata.</summary>
    /// <typeparam name="T">The type to serialize as.</typeparam>
    /// <param name="path">The destination file.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The metadata from a <c>JsonSerializerContext</c>.</param>
    /// <param name="writeOptions">Write options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the write until the final rename.</param>
    /// <returns>A task that completes when the content is published.</returns>
    public static Task WriteJsonAsync<T>(string path, T value, JsonTypeInfo<T> typeInfo, AtomicWriteOptions? writeOptions = null, CancellationToken cancellationToken = default)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return WriteAsync(path, (stream, ct) => JsonSerializer.SerializeAsync(stream, value, typeInfo, ct), writeOptions, cancellationToken);
    }

    /// <summary>Reads a JSON file written by <see cref="WriteJson{T}(string, T, JsonSerializerOptions?, AtomicWriteOptions?)"/> (or anything else).</summary>
    /// <typeparam name="T">The type to deserialize.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="options">Serializer options; <see langword="null"/> for the defaults.</param>
    /// <returns>The value (<see langword="null"/> if the file holds JSON <c>null</c>).</returns>
    /// <exception cref="FileNotFoundException">The file (or its directory) does not exist.</exception>
    /// <exception cref="JsonException">The file is not valid JSON for <typeparamref name="T"/>; the message names the path.</exception>
#if NET8_0_OR_GREATER
    [RequiresUnreferencedCode(ReflectionJson)]
    [RequiresDynamicCode(DynamicJson)]
#endif
    public static T? ReadJson<T>(string path, JsonSerializerOptions? options = null) =>
        Read(path, throwIfMissing: true, stream => JsonSerializer.Deserialize<T>(stream, options), out _);

    /// <summary>Reads a JSON file using source-generated metadata.</summary>
    /// <typeparam name="T">The type to deserialize.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="typeInfo">The metadata from a <c>JsonSerializerContext</c>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FileNotFoundException">The file (or its directory) does not exist.</exception>
    /// <exception cref="JsonException">The file is not valid JSON; the message names the path.</exception>
    public static T? ReadJson<T>(string path, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return Read(path, throwIfMissing: true, stream => JsonSerializer.Deserialize(stream, typeInfo), out _);
    }

    /// <summary>Reads a JSON file if it exists.</summary>
    /// <typeparam name="T">The type to deserialize.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="value">The value, or <see langword="default"/> when the file does not exist.</param>
    /// <returns><see langword="false"/> if the file (or its directory) does not exist.</returns>
    /// <exception cref="JsonException">The file exists but is not valid JSON; the message names the path.</exception>
#if NET8_0_OR_GREATER
    [RequiresUnreferencedCode(ReflectionJson)]
    [RequiresDynamicCode(DynamicJson)]
#endif
    public static bool TryReadJson<T>(string path, out T? value) => TryReadJson(path, (JsonSerializerOptions?)null, out value);

    /// <summary>Reads a JSON file if it exists.</summary>
    /// <typeparam name="T">The type to deserialize.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="options">Serializer options; <see langword="null"/> for the defaults.</param>
    /// <param name="value">The value, or <see langword="default"/> when the file does not exist.</param>
    /// <returns><see langword="false"/> if the file (or its directory) does not exist.</returns>
    /// <exception cref="JsonException">The file exists but is not valid JSON; the message names the path.</exception>
#if NET8_0_OR_GREATER
    [RequiresUnreferencedCode(ReflectionJson)]
    [RequiresDynamicCode(DynamicJson)]
#endif
    public static bool TryReadJson<T>(string path, JsonSerializerOptions? options, out T? value)
    {
        value = Read(path, throwIfMissing: false, stream => JsonSerializer.Deserialize<T>(stream, options), out var found);
        return found;
    }

    /// <summary>Reads a JSON file if it exists, using source-generated metadata.</summary>
    /// <typeparam name="T">The type to deserialize.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="typeInfo">The metadata from a <c>JsonSerializerContext</c>.</param>
    /// <param name="value">The value, or <see langword="default"/> when the file does not exist.</param>
    /// <returns><see langword="false"/> if the file (or its directory) does not exist.</returns>
    /// <exception cref="JsonException">The file exists but is not valid JSON; the message names the path.</exception>
    public static bool TryReadJson<T>(string path, JsonTypeInfo<T> typeInfo, out T? value)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        value = Read(path, throwIfMissing: false, stream => JsonSerializer.Deserialize(stream, typeInfo), out var found);
        return found;
    }

    /// <summary>Reads a JSON file asynchronously.</summary>
    /// <typeparam name="T">The type to deserialize.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="options">Serializer options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FileNotFoundException">The file (or its directory) does not exist.</exception>
    /// <exception cref="JsonException">The file is not valid JSON; the message names the path.</exception>
#if NET8_0_OR_GREATER
    [RequiresUnreferencedCode(ReflectionJson)]
    [RequiresDynamicCode(DynamicJson)]
#endif
    public static async Task<T?> ReadJsonAsync<T>(string path, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default) =>
        (await ReadAsync(path, throwIfMissing: true, (stream, ct) => JsonSerializer.DeserializeAsync<T>(stream, options, ct), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Reads a JSON file asynchronously using source-generated metadata.</summary>
    /// <typeparam name="T">The type to deserialize.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="typeInfo">The metadata from a <c>JsonSerializerContext</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FileNotFoundException">The file (or its directory) does not exist.</exception>
    /// <exception cref="JsonException">The file is not valid JSON; the message names the path.</exception>
    public static async Task<T?> ReadJsonAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return (await ReadAsync(path, throwIfMissing: true, (stream, ct) => JsonSerializer.DeserializeAsync(stream, typeInfo, ct), cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Reads a JSON file asynchronously if it exists.</summary>
    /// <typeparam name="T">The type to deserialize.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="options">Serializer options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><c>Found</c> is <see langword="false"/> if the file (or its directory) does not exist; otherwise <c>Value</c> holds the value.</returns>
    /// <exception cref="JsonException">The file exists but is not valid JSON; the message names the path.</exception>
#if NET8_0_OR_GREATER
    [RequiresUnreferencedCode(ReflectionJson)]
    [RequiresDynamicCode(DynamicJson)]
#endif
    public static Task<(bool Found, T? Value)> TryReadJsonAsync<T>(string path, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadAsync(path, throwIfMissing: false, (stream, ct) => JsonSerializer.DeserializeAsync<T>(stream, options, ct), cancellationToken);

    /// <summary>Reads a JSON file asynchronously if it exists, using source-generated metadata.</summary>
    /// <typeparam name="T">The type to deserialize.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="typeInfo">The metadata from a <c>JsonSerializerContext</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><c>Found</c> is <see langword="false"/> if the file (or its directory) does not exist; otherwise <c>Value</c> holds the value.</returns>
    /// <exception cref="JsonException">The file exists but is not valid JSON; the message names the path.</exception>
    public static Task<(bool Found, T? Value)> TryReadJsonAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return ReadAsync(path, throwIfMissing: false, (stream, ct) => JsonSerializer.DeserializeAsync(stream, typeInfo, ct), cancellationToken);
    }

    private static void CheckEncoding(Encoding encoding)
    {
        if (encoding is null)
        {
            throw new ArgumentNullException(nameof(encoding));
        }
    }

    // StreamWriter writes the preamble and encodes exactly as File.WriteAllText does.
    private static void WriteText(Stream stream, string? contents, Encoding encoding)
    {
#pragma warning disable CA2012 // With isAsync: false nothing is awaited, so the ValueTask has completed.
        EncodeAsync(stream, contents, encoding, isAsync: false, CancellationToken.None).GetAwaiter().GetResult();
#pragma warning restore CA2012
    }

    private static Task WriteTextAsync(Stream stream, string? contents, Encoding encoding, CancellationToken cancellationToken) =>
        EncodeAsync(stream, contents, encoding, isAsync: true, cancellationToken).AsTask();

    /// <summary>
    /// The preamble, then the text encoded in chunks with one encoder (so surrogate pairs split across
    /// chunks encode as File does), from pooled buffers; cancellation is checked between chunks.
    /// </summary>
    private static async ValueTask EncodeAsync(Stream stream, string? contents, Encoding encoding, bool isAsync, CancellationToken cancellationToken)
    {
        var preamble = encoding.GetPreamble();
        if (preamble.Length > 0)
        {
            await WriteAsync(stream, preamble, preamble.Length, isAsync, cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrEmpty(contents))
        {
            return;
        }

        var chunk = Math.Min(CharChunk, contents!.Length);
        var chars = ArrayPool<char>.Shared.Rent(chunk);
        var bytes = ArrayPool<byte>.Shared.Rent(encoding.GetMaxByteCount(chunk));
        try
        {
            var encoder = encoding.GetEncoder();
            for (var offset = 0; offset < contents.Length; offset += chunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(chunk, contents.Length - offset);
                contents.CopyTo(offset, chars, 0, count);
                var byteCount = encoder.GetBytes(chars, 0, count, bytes, 0, flush: offset + count == contents.Length);
                await WriteAsync(stream, bytes, byteCount, isAsync, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static async ValueTask WriteAsync(Stream stream, byte[] buffer, int count, bool isAsync, CancellationToken cancellationToken)
    {
        if (isAsync)
        {
            await stream.WriteAsync(buffer, 0, count, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            stream.Write(buffer, 0, count);
        }
    }

    private static Task FlushAsync(StreamWriter writer, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return writer.FlushAsync(cancellationToken);
#else
        cancellationToken.ThrowIfCancellationRequested(); // StreamWriter.FlushAsync takes no token in netstandard2.0.
        return writer.FlushAsync();
#endif
    }

    private static FileStream? OpenForRead(string? path, bool throwIfMissing, out string fullPath)
    {
        fullPath = PathGuard.FullFilePath(path, nameof(path));
        try
        {
            return new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return throwIfMissing ? throw new FileNotFoundException($"Could not find the file '{fullPath}'.", fullPath, e) : null;
        }
    }

    private static JsonException Malformed(string path, Type type, JsonException e) =>
        new($"The file '{path}' does not contain valid JSON for {type}: {e.Message}", e.Path, e.LineNumber, e.BytePositionInLine, e);

    private static T? Read<T>(string path, bool throwIfMissing, Func<Stream, T?> deserialize, out bool found)
    {
        using var stream = OpenForRead(path, throwIfMissing, out var fullPath);
        found = stream is not null;
        if (stream is null)
        {
            return default;
        }

        try
        {
            return deserialize(stream);
        }
        catch (JsonException e)
        {
            throw Malformed(fullPath, typeof(T), e);
        }
    }

    private static async Task<(bool Found, T? Value)> ReadAsync<T>(string path, bool throwIfMissing, Func<Stream, CancellationToken, ValueTask<T?>> deserialize, CancellationToken cancellationToken)
    {
        using var stream = OpenForRead(path, throwIfMissing, out var fullPath);
        if (stream is null)
        {
            return (false, default);
        }

        try
        {
            return (true, await deserialize(stream, cancellationToken).ConfigureAwait(false));
        }
        catch (JsonException e)
        {
            throw Malformed(fullPath, typeof(T), e);
        }
    }
}
