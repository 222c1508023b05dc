namespace SafeWrites;

/// <summary>A document's value together with the version of the file it was read from (see <see cref="JsonFileStore{T}.ReadVersioned"/>).</summary>
/// <typeparam name="T">The document type.</typeparam>
/// <param name="Value">The value read.</param>
/// <param name="Version">The version of the file the value was read from; pass it to <see cref="JsonFileStore{T}.TryReplace"/>.</param>
public readonly record struct Versioned<T>(T Value, FileVersion Version);
