using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SafeWrites.Internal;

/// <summary>
/// A whole file read into a pooled buffer (return it with <see cref="Dispose"/>). Opened with full sharing so a
/// reader never blocks AtomicFile's rename on Windows. AtomicFile replaces files by rename, so the open file's length is final.
/// </summary>
internal struct DocumentBytes : IDisposable
{
    private byte[]? _buffer;

    private DocumentBytes(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public readonly ReadOnlySpan<byte> Span => _buffer is null ? default : new ReadOnlySpan<byte>(_buffer, 0, Length);

    /// <summary>Reads <paramref name="fullPath"/>; <see langword="false"/> if it (or its directory) does not exist.</summary>
    public static bool TryRead(string fullPath, out DocumentBytes bytes)
    {
#pragma warning disable CA2012 // With isAsync: false nothing is awaited, so the ValueTask has completed.
        var read = TryReadAsync(fullPath, isAsync: false, CancellationToken.None).GetAwaiter().GetResult();
#pragma warning restore CA2012
        bytes = read ?? default;
        return read is not null;
    }

    public static async ValueTask<DocumentBytes?> TryReadAsync(string fullPath, bool isAsync, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Source source;
        try
        {
            source = new Source(fullPath, isAsync);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        using (source)
        {
            var length = source.Length;
            if (length > int.MaxValue - 1024)
            {
                throw new IOException($"The file '{fullPath}' is {length} bytes; a JSON document must be under 2 GiB.");
            }

            // Like File.ReadAllBytes: stop once the length the file had at open is read (no extra read to confirm
            // the end); a length of zero (pseudo-files) reads until the end.
            var buffer = ArrayPool<byte>.Shared.Rent(length > 0 ? (int)length : 4096);
            var total = 0;
            try
            {
                while (true)
                {
                    if (total == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, total);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await source.ReadAsync(buffer, total, isAsync, cancellationToken).ConfigureAwait(false);
                    total += read;
                    if (read == 0 || (length > 0 && total >= length))
                    {
                        return new DocumentBytes(buffer, total);
                    }
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    /// <summary>
    /// The open file: on .NET 8 a bare handle read with RandomAccess at explicit offsets (what File.ReadAllBytes
    /// does, without FileStream's wrapper); on netstandard2.0 an unbuffered FileStream.
    /// </summary>
    private sealed class Source : IDisposable
    {
#if NET8_0_OR_GREATER
        private readonly Microsoft.Win32.SafeHandles.SafeFileHandle _handle;

        public Source(string path, bool isAsync) =>
            _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, isAsync ? FileOptions.Asynchronous : FileOptions.None);

        public long Length => RandomAccess.GetLength(_handle);

        public async ValueTask<int> ReadAsync(byte[] buffer, int offset, bool isAsync, CancellationToken cancellationToken) =>
            isAsync
                ? await RandomAccess.ReadAsync(_handle, buffer.AsMemory(offset), offset, cancellationToken).ConfigureAwait(false)
                : RandomAccess.Read(_handle, buffer.AsSpan(offset), offset);

        public void Dispose() => _handle.Dispose();
#else
        private readonly FileStream _stream;

        public Source(string path, bool isAsync) =>
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, isAsync ? FileOptions.Asynchronous : FileOptions.None);

        public long Length => _stream.Length;

        public async ValueTask<int> ReadAsync(byte[] buffer, int offset, bool isAsync, CancellationToken cancellationToken) =>
            isAsync
                ? await _stream.ReadAsync(buffer, offset, buffer.Length - offset, cancellationToken).ConfigureAwait(false)
                : _stream.Read(buffer, offset, buffer.Length - offset);

        public void Dispose() => _stream.Dispose();
#endif
    }
}
