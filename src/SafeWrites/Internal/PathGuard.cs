using System;
using System.IO;

namespace SafeWrites.Internal;

internal static class PathGuard
{
    /// <summary>Rejects null, empty, whitespace-only paths and embedded NULs before anything touches the disk.</summary>
    internal static string FullPath(string? path, string parameterName)
    {
        if (path is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (path.Length == 0)
        {
            throw new ArgumentException("The path is empty.", parameterName);
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("The path consists only of white space.", parameterName);
        }

        if (path.Contains("\0"))
        {
            throw new ArgumentException("The path contains a NUL character ('\\0').", parameterName);
        }

        return Path.GetFullPath(path);
    }

    /// <summary>A full path that names a file, not a directory ("dir/").</summary>
    internal static string FullFilePath(string? path, string parameterName)
    {
        var full = FullPath(path, parameterName);
        if (Path.GetFileName(full).Length == 0)
        {
            throw new ArgumentException($"The path '{path}' names a directory, not a file.", parameterName);
        }

        return full;
    }
}
