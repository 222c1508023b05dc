using System;
using System.Globalization;

namespace SafeWrites;

/// <summary>
/// The version of a document file as a <see cref="JsonFileStore{T}"/> sees it: a 64-bit hash of the file's
/// bytes, or <see cref="Missing"/> when the file does not exist. Derived from the file itself, so a write by
/// a program that does not use the store changes it too; identical content is the same version.
/// </summary>
/// <remarks>The hash detects changes; it is not cryptographic and does not defend against crafted collisions.</remarks>
public readonly struct FileVersion : IEquatable<FileVersion>
{
    private readonly ulong _hash;
    private readonly bool _exists;

    internal FileVersion(ulong hash)
    {
        _hash = hash;
        _exists = true;
    }

    /// <summary>The version of a file that does not exist (also the <see langword="default"/> value).</summary>
    public static FileVersion Missing => default;

    /// <summary>Whether the file existed when this version was taken.</summary>
    public bool Exists => _exists;

    /// <summary>Whether two versions are the same.</summary>
    /// <param name="left">A version.</param>
    /// <param name="right">Another version.</param>
    /// <returns><see langword="true"/> if both are missing, or both hash the same bytes.</returns>
    public static bool operator ==(FileVersion left, FileVersion right) => left.Equals(right);

    /// <summary>Whether two versions differ.</summary>
    /// <param name="left">A version.</param>
    /// <param name="right">Another version.</param>
    /// <returns><see langword="true"/> if the versions differ.</returns>
    public static bool operator !=(FileVersion left, FileVersion right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(FileVersion other) => _exists == other._exists && _hash == other._hash;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FileVersion other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _exists ? (int)_hash ^ (int)(_hash >> 32) : -1;

    /// <summary>The hash as 16 hexadecimal digits, or <c>missing</c>.</summary>
    /// <returns>A short description for logs.</returns>
    public override string ToString() => _exists ? _hash.ToString("x16", CultureInfo.InvariantCulture) : "missing";
}
