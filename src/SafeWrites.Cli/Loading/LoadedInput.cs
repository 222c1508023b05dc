using Microsoft.CodeAnalysis;

namespace SafeWrites.Cli.Loading;

/// <summary>One input path, loaded: its projects in a solution, the folder it stands for, and what the user should know about it.</summary>
internal sealed record LoadedInput(
    string Path,
    Solution Solution,
    string Root,
    bool IsFolderMode,
    IReadOnlyList<string> Notes)
{
    /// <summary>Folder mode only: whether the compilation has the SafeWrites runtime (the folder's projects reference the package, or --add-runtime-reference).</summary>
    public bool HasRuntime { get; init; }
}
