using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>One C# source file of a corpus: a relative path and its text.</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>
/// The code the analyzers run over: generated (with the number of each hazard planted in it) or read from a folder
/// (<see cref="Planted"/> empty: nobody knows what is in there).
/// </summary>
public sealed class Corpus
{
    public Corpus(string description, IReadOnlyList<SourceFile> files, IReadOnlyDictionary<string, int> planted)
    {
        Description = description;
        Files = files;
        Planted = planted;
        LineCount = files.Sum(file => CountLines(file.Text));
    }

    public string Description { get; }

    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>Rule id → how many diagnostics of it the generator planted (one per hazard).</summary>
    public IReadOnlyDictionary<string, int> Planted { get; }

    public int LineCount { get; }

    /// <summary>Every *.cs file under <paramref name="directory"/> (bin/ and obj/ left out: build output, not source).</summary>
    public static Corpus FromDirectory(string directory)
    {
        var root = System.IO.Path.GetFullPath(directory);
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => System.IO.Path.GetRelativePath(root, path))
            .Where(relative => !IsBuildOutput(relative))
            .OrderBy(relative => relative, StringComparer.Ordinal)
            .Select(relative => new SourceFile(relative, File.ReadAllText(System.IO.Path.Combine(root, relative))))
            .ToList();
        return new Corpus("folder " + root, files, new Dictionary<string, int>());
    }

    /// <summary>Writes the files under <paramref name="directory"/> (to look at a generated corpus, or build it elsewhere).</summary>
    public void WriteTo(string directory)
    {
        foreach (var file in Files)
        {
            var path = System.IO.Path.Combine(directory, file.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }

    public static int CountLines(string text)
    {
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return text.Length > 0 && text[^1] != '\n' ? lines + 1 : lines;
    }

    private static bool IsBuildOutput(string relativePath)
    {
        var parts = relativePath.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
        return parts.Any(part => part is "bin" or "obj");
    }
}
