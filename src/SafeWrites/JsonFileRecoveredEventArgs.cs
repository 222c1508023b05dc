using System;

namespace SafeWrites;

/// <summary>Describes a document that did not parse and was read from its <c>.bak</c> instead (see <see cref="JsonFileStoreOptions{T}.RecoverFromBackup"/>).</summary>
public sealed class JsonFileRecoveredEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="path">The full path of the document that did not parse.</param>
    /// <param name="reason">Why it did not parse (the parser's message, with the position).</param>
    public JsonFileRecoveredEventArgs(string path, string reason)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    /// <summary>The full path of the document that did not parse; its backup is this path plus <c>.bak</c>.</summary>
    public string Path { get; }

    /// <summary>Why the document did not parse (the parser's message, with the position).</summary>
    public string Reason { get; }
}
