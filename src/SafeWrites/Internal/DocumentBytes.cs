using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SafeWrites.Internal;

/// <summary>
/// A whole file read into a pooled buffer (return it with <see cref="Dispose"/>). Opened with full sharing so a
/// reader never blocks AtomicFile's rename on Windows; read to the end even if the file grew since its length was taken.
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
        FileStream stream;
        try
        {
            stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, isAsync ? FileOptions.Asynchronous : FileOptions.None);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        using (stream)
        {
            var length = stream.Length;
            if (length > int.MaxValue - 1024)
            {
                throw new IOException($"The file '{fullPath}' is {length} bytes; a JSON document must be under 2 GiB.");
            }

            // One byte spare, so the common case (the file did not grow) ends with a zero-length read into the same buffer.
            var buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
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

                    var read = isAsync
                        ? await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false)
                        : stream.Read(buffer, total, buffer.Length - total);
                    if (read == 0)
                    {
                        return new DocumentBytes(buffer, total);
                    }

                    total += read;
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
}
