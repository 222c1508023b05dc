using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SafeWrites.Internal;

/// <summary>
/// A fast 64-bit hash of a file's bytes for <see cref="FileVersion"/>: eight bytes per step (little-endian on
/// every host) and a final avalanche. Detects changes; not cryptographic.
/// </summary>
internal static class ContentHash
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;

    internal static ulong Compute(ReadOnlySpan<byte> data)
    {
        var hash = Prime1 ^ ((ulong)data.Length * Prime2);
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var raw in words)
        {
            var word = BitConverter.IsLittleEndian ? raw : BinaryPrimitives.ReverseEndianness(raw);
            hash = RotateLeft(hash ^ (word * Prime2), 31) * Prime1;
        }

        for (var i = words.Length * sizeof(ulong); i < data.Length; i++)
        {
            hash = RotateLeft(hash ^ (data[i] * Prime1), 11) * Prime2;
        }

        // MurmurHash3's finaliser: every input bit affects every output bit.
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return hash;
    }

    private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));
}
