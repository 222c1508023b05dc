using System.Text;
using System.Text.RegularExpressions;

namespace SafeWrites.Cli.Loading;

/// <summary>Walks a folder the way folder mode sees it: skips bin/, obj/, .git/ and what the --exclude globs name.</summary>
internal sealed class FileWalker
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git" };
    private readonly string _root;
    private readonly Regex[] _excludes;

    public FileWalker(string root, IEnumerable<string> excludeGlobs)
    {
        _root = root;
        _excludes = excludeGlobs.Select(GlobToRegex).ToArray();
    }

    /// <summary>Files under the root whose name matches one of <paramref name="patterns"/> (e.g. *.cs), sorted by path.</summary>
    public IReadOnlyList<string> Find(params string[] patterns)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(_root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var pattern in patterns)
            {
                found.AddRange(Directory.EnumerateFiles(folder, pattern).Where(f => !IsExcluded(f)));
            }

            foreach (var child in Directory.EnumerateDirectories(folder))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child)) && !IsExcluded(child))
                {
                    pending.Push(child);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private bool IsExcluded(string path)
    {
        var relative = Path.GetRelativePath(_root, path).Replace('\\', '/');
        return _excludes.Any(r => r.IsMatch(relative));
    }

    /// <summary>
    /// A glob as gitignore reads it: `*` and `?` stay within one path segment, `**` spans segments, and a glob
    /// without a slash matches a file or folder name at any depth (so `Generated` or `*.g.cs` work as expected).
    /// </summary>
    internal static Regex GlobToRegex(string glob)
    {
        var text = glob.Replace('\\', '/').Trim();
        var anchored = text.Contains('/', StringComparison.Ordinal);
        text = text.Trim('/');
        var pattern = new StringBuilder(anchored ? "^" : "(^|/)");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slashAfter = i + 2 < text.Length && text[i + 2] == '/';
                pattern.Append(slashAfter ? "(.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*')
            {
                pattern.Append("[^/]*");
            }
            else if (c == '?')
            {
                pattern.Append("[^/]");
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        pattern.Append("$");
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant | (OperatingSystem.IsWindows() ? RegexOptions.IgnoreCase : RegexOptions.None));
    }
}
