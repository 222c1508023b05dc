using Microsoft.CodeAnalysis;
using SafeWrites.Analyzers.Waits;

namespace SafeWrites.Analyzers.Core;

/// <summary>
/// The descriptor table: every <see cref="DiagnosticDescriptor"/> of the package is built here by
/// <see cref="Create"/>, so ids, categories and help links stay consistent. To add a rule: add its id to
/// <see cref="RuleIdentifiers"/>, a field here, a line in AnalyzerReleases.Unshipped.md and a page
/// docs/rules/SWnnnn.md (tests check the last two for every descriptor).
/// </summary>
internal static class Rules
{
    public const string HelpLinkBase = "https://github.com/safewrites/safewrites/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor FileOverwrittenInPlace = Create(
        RuleIdentifiers.FileOverwrittenInPlace,
        title: "File is overwritten in place",
        messageFormat: "'{0}' overwrites the file in place; a crash, a full disk or a second writer leaves it truncated or mixed: write it atomically",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "A whole-file write straight to its destination first truncates the file and then writes the new content. " +
                     "Readers, crashes and concurrent writers in between see an empty, partial or interleaved file. " +
                     "Write to a temporary file beside the destination and rename it over the destination (AtomicFile does this).");

    public static readonly DiagnosticDescriptor JsonSerializedInPlace = Create(
        RuleIdentifiers.JsonSerializedInPlace,
        title: "JSON is serialized straight into the destination file",
        messageFormat: "'{0}' serializes JSON straight into the destination file; a failure mid-way leaves invalid JSON: write it atomically",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Serializing JSON into a file opened in place truncates the file before the serializer runs. " +
                     "An exception in the serializer, a crash or a second writer leaves a truncated or mixed document that no longer parses. " +
                     "Use AtomicFile.WriteJson, which serializes into a temporary file and renames it over the destination.");

    // Temp-then-rename publishing (SW1003–SW1006)
    public static readonly DiagnosticDescriptor TempMovedFromOtherDirectory = Create(
        RuleIdentifiers.TempMovedFromOtherDirectory,
        title: "Temporary file is moved in from another directory",
        messageFormat: "'{0}' brings a file from the temporary directory over the destination; the temp directory is often another volume, where a move is a copy, not an atomic rename: create the temporary file beside the destination (AtomicFile)",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "A file written under Path.GetTempPath() (or by Path.GetTempFileName()) and then moved, copied or replaced over a destination elsewhere " +
                     "crosses volumes whenever the temp directory is on another drive or file system: the move becomes a copy that a crash can leave half-done, and File.Replace fails. " +
                     "Create the temporary file in the destination's directory (AtomicFile does this).");

    public static readonly DiagnosticDescriptor DestinationRemovedBeforeMove = Create(
        RuleIdentifiers.DestinationRemovedBeforeMove,
        title: "Destination removed before the replacement is moved in",
        messageFormat: "'{0}' removes the destination before the replacement is moved in; a crash in between leaves no file at all: move over it in one step (File.Move(…, overwrite: true) or File.Replace)",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "Deleting the destination (or moving it away to a backup name) and then moving the new file in leaves a moment in which the file does not exist. " +
                     "A crash, a power cut or a reader at that moment finds nothing, and the program starts from defaults. " +
                     "File.Move(tmp, dest, overwrite: true) and File.Replace(tmp, dest, backup) replace the file in one atomic step.");

    public static readonly DiagnosticDescriptor RenamedWithoutFlush = Create(
        RuleIdentifiers.RenamedWithoutFlush,
        title: "Renamed into place without flushing to disk",
        messageFormat: "'{0}' publishes the temporary file {1}; after a power loss the destination can be empty or full of zeros: flush it to disk (Flush(flushToDisk: true)) and close it before the rename, or use AtomicFile",
        RuleCategories.Reliability,
        DiagnosticSeverity.Info,
        description: "A rename is atomic in the directory, but the file's content may still sit in the operating system's cache. " +
                     "After a power loss the new name can point at an empty or zero-filled file. " +
                     "Flush the temporary file to disk (FileStream.Flush(true), RandomAccess.FlushToDisk or FileOptions.WriteThrough) and close it before renaming it over the destination (AtomicFile does this).");

    public static readonly DiagnosticDescriptor FixedTempFileName = Create(
        RuleIdentifiers.FixedTempFileName,
        title: "Fixed temporary file name",
        messageFormat: "'{0}' is a fixed temporary file name for the destination; two writers share it and can publish each other's partial content{1}: use a unique temporary name (AtomicFile)",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "A temporary file named after its destination plus a constant suffix (path + \".tmp\") or placed under a fixed name is shared by every writer of that destination: " +
                     "two instances of the program, or two threads, write into the same temporary file and one of them renames the other's half-written content over the destination. " +
                     "Give each write its own temporary file beside the destination (AtomicFile does this).");

    // Clocks and waits (SW2001, SW2002)
    public static readonly DiagnosticDescriptor WallClockTimeout = Create(
        RuleIdentifiers.WallClockTimeout,
        title: "Wall-clock time used for a timeout",
        messageFormat: "'{0}' measures a timeout on the wall clock; when the clock jumps (NTP, daylight saving, manual change) the wait ends early or never: use a monotonic clock (Stopwatch)",
        RuleCategories.Concurrency,
        DiagnosticSeverity.Warning,
        description: "A waiting or retrying loop decides when to give up by comparing DateTime.Now/UtcNow, DateTimeOffset.Now/UtcNow or TimeProvider.GetUtcNow() " +
                     "with a start time or a deadline. The wall clock is adjusted while the program runs, so the timeout fires early or never. " +
                     "Measure elapsed time with Stopwatch (or TimeProvider.GetTimestamp/GetElapsedTime).");

    public static readonly DiagnosticDescriptor HandRolledLockFile = Create(
        RuleIdentifiers.HandRolledLockFile,
        title: "Hand-rolled lock file",
        messageFormat: "This loop takes a lock by opening '{0}' exclusively and retrying on IOException; the lock goes stale when its holder dies: use FileLock",
        RuleCategories.Concurrency,
        DiagnosticSeverity.Warning,
        description: "A loop that opens a lock file with FileMode.CreateNew or FileShare.None, catches IOException and sleeps before the next try " +
                     "builds a lock that the operating system does not release when the holder crashes, that busy-polls, and that usually times out on the wall clock. " +
                     "SafeWrites.FileLock takes an OS lock on the file that is released when its process dies.");

    public static readonly DiagnosticDescriptor InProcessLockGuardsSharedFile = Create(
        RuleIdentifiers.InProcessLockGuardsSharedFile,
        title: "In-process lock guards a shared file",
        messageFormat: "'{0}' keeps out this process's threads only, but the file '{1}' written under it is shared: another process (a second instance, a CLI run) still races; take a FileLock around the write",
        RuleCategories.Concurrency,
        DiagnosticSeverity.Info,
        description: "A lock statement, Monitor, SemaphoreSlim, ReaderWriterLockSlim or an unnamed Mutex serialises the threads of one process. " +
                     "A file written under it is still written concurrently by other processes: a second instance of the program, a command-line tool, a worker. " +
                     "Their read-modify-write cycles interleave and updates are lost. Take a cross-process lock (SafeWrites.FileLock, or JsonFileStore for one JSON document) around the write.");

    // Saves (SW3001)
    public static readonly DiagnosticDescriptor StateResetBeforeSave = Create(
        RuleIdentifiers.StateResetBeforeSave,
        title: "State is reset before the save succeeds",
        messageFormat: "'{0}' is reset before the save succeeds; if the save fails, the pending changes are marked saved and lost: reset it after the save",
        RuleCategories.Reliability,
        DiagnosticSeverity.Warning,
        description: "A pending-changes marker (a dirty flag, a modification counter, a queue of unsaved items) is cleared before, or regardless of, the save that persists those changes. " +
                     "When the save throws, the marker already says \"saved\": nothing retries, and the changes are silently lost on the next restart. " +
                     "Reset the marker only after the save has succeeded.");

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    /// <summary>The one factory every descriptor goes through.</summary>
    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description,
        bool isEnabledByDefault = true)
        => new(
            id,
            title,
            messageFormat,
            category,
            defaultSeverity,
            isEnabledByDefault,
            description,
            HelpLink(id));
}
