using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace SafeWrites.Cli.Loading;

/// <summary>Metadata references of folder mode: the running .NET's reference assemblies, --reference DLLs and NuGet-cache packages.</summary>
internal static class References
{
    /// <summary>
    /// The reference pack matching the running runtime (dotnet/packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/netX.Y),
    /// else the runtime's own assemblies (a runtime-only install has no packs).
    /// </summary>
    public static IReadOnlyList<string> Framework()
    {
        var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var version = Environment.Version;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        if (Directory.Exists(packs))
        {
            var tfm = $"net{version.Major}.{version.Minor}";
            var pack = Directory.EnumerateDirectories(packs)
                .Where(d => Directory.Exists(Path.Combine(d, "ref", tfm)))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
                .FirstOrDefault();
            if (pack is not null)
            {
                return Directory.GetFiles(Path.Combine(pack, "ref", tfm), "*.dll");
            }
        }

        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.StartsWith(runtimeDir, StringComparison.Ordinal))
            .ToArray();
    }

    /// <summary>The DLLs a --reference names: a file, or every .dll in a folder.</summary>
    public static IReadOnlyList<string> FromOption(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return Directory.GetFiles(full, "*.dll");
        }

        if (File.Exists(full))
        {
            return new[] { full };
        }

        throw new InputException($"--reference {path}: no such file or folder");
    }

    /// <summary>The NuGet global packages folder (NUGET_PACKAGES, else ~/.nuget/packages).</summary>
    public static string NuGetCache()
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// The compile assemblies of a package in the cache: the named version, else the newest there; its ref/ or lib/
    /// folder for the best target this runtime can use. Null when the package is not in the cache. Its own
    /// dependencies are not followed.
    /// </summary>
    public static IReadOnlyList<string>? FromPackage(string cache, string id, string version)
    {
        var packageDir = Path.Combine(cache, id.ToLowerInvariant());
        if (!Directory.Exists(packageDir))
        {
            return null;
        }

        var exact = Path.Combine(packageDir, version.Trim('[', ']', ' ').ToLowerInvariant());
        var versionDir = version.Length > 0 && Directory.Exists(exact)
            ? exact
            : Directory.EnumerateDirectories(packageDir)
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
                .FirstOrDefault();
        if (versionDir is null)
        {
            return null;
        }

        foreach (var kind in new[] { "ref", "lib" })
        {
            var folder = Path.Combine(versionDir, kind);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var best = Directory.EnumerateDirectories(folder)
                .Select(d => (Dir: d, Rank: Rank(Path.GetFileName(d))))
                .Where(t => t.Rank > 0)
                .OrderByDescending(t => t.Rank)
                .FirstOrDefault();
            if (best.Dir is not null)
            {
                return Directory.GetFiles(best.Dir, "*.dll");
            }
        }

        return Array.Empty<string>();
    }

    /// <summary>Higher is better for this runtime; 0 is unusable (e.g. .NET Framework only).</summary>
    private static int Rank(string tfm)
    {
        var runtimeMajor = Environment.Version.Major;
        if (tfm.StartsWith("netstandard", StringComparison.OrdinalIgnoreCase))
        {
            return tfm.EndsWith("2.1", StringComparison.Ordinal) ? 20 : tfm.EndsWith("2.0", StringComparison.Ordinal) ? 19 : 10;
        }

        if (tfm.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase))
        {
            return 30;
        }

        if (tfm.StartsWith("net", StringComparison.OrdinalIgnoreCase) && tfm.Contains('.', StringComparison.Ordinal)
            && int.TryParse(tfm.AsSpan(3, tfm.IndexOf('.', StringComparison.Ordinal) - 3), out var major) && major >= 5 && major <= runtimeMajor)
        {
            return 100 + major;
        }

        return 0;
    }

    public static MetadataReference Create(string path) => MetadataReference.CreateFromFile(path);
}
