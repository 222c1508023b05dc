using System.Xml;
using System.Xml.Linq;

namespace SafeWrites.Cli.Loading;

/// <summary>
/// What folder mode reads from a .csproj without evaluating it: the SDK, ImplicitUsings, Using items,
/// PackageReferences and SafeWritesMode, with the nearest Directory.Build.props and Directory.Packages.props
/// filling in what the project leaves unset (MSBuild's own import order). Conditions are not evaluated.
/// </summary>
internal sealed class ProjectFile
{
    private ProjectFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    public string Sdk { get; private set; } = "";

    public bool ImplicitUsings { get; private set; }

    public string? SafeWritesMode { get; private set; }

    /// <summary>Global usings the project adds (Using Include) and removes (Using Remove), as `using` text.</summary>
    public List<string> AddedUsings { get; } = new();

    public List<string> RemovedUsings { get; } = new();

    /// <summary>Package id to version ("" when the project names none and no central version is found).</summary>
    public Dictionary<string, string> PackageReferences { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ProjectFile Read(string path)
    {
        var project = new ProjectFile(path);
        var buildProps = FindAbove(project.Directory, "Directory.Build.props");
        if (buildProps is not null)
        {
            project.Apply(Load(buildProps), centralVersions: null);
        }

        var packagesProps = FindAbove(project.Directory, "Directory.Packages.props");
        var central = packagesProps is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : Elements(Load(packagesProps), "PackageVersion")
                .Where(e => Attr(e, "Include") is not null)
                .GroupBy(e => Attr(e, "Include")!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => Attr(g.Last(), "Version") ?? "", StringComparer.OrdinalIgnoreCase);
        var document = Load(path);
        project.Sdk = Attr(document.Root!, "Sdk") ?? Elements(document, "Sdk").Select(e => Attr(e, "Name")).FirstOrDefault() ?? "";
        project.Apply(document, central);
        return project;
    }

    private void Apply(XDocument document, Dictionary<string, string>? centralVersions)
    {
        var implicitUsings = Property(document, "ImplicitUsings");
        if (implicitUsings is not null)
        {
            ImplicitUsings = implicitUsings.Equals("enable", StringComparison.OrdinalIgnoreCase) || implicitUsings.Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        SafeWritesMode = Property(document, "SafeWritesMode") ?? SafeWritesMode;
        foreach (var item in Elements(document, "Using"))
        {
            if (Attr(item, "Include") is { } include)
            {
                AddedUsings.Add(UsingText(include, Attr(item, "Alias"), Attr(item, "Static")));
            }
            else if (Attr(item, "Remove") is { } remove)
            {
                RemovedUsings.Add(remove);
            }
        }

        foreach (var item in Elements(document, "PackageReference"))
        {
            var id = Attr(item, "Include") ?? Attr(item, "Update");
            if (id is null)
            {
                continue;
            }

            var version = Attr(item, "VersionOverride") ?? Attr(item, "Version") ?? Child(item, "Version");
            if (version is null && centralVersions is not null)
            {
                centralVersions.TryGetValue(id, out version);
            }

            PackageReferences[id] = version ?? "";
        }
    }

    private static string UsingText(string name, string? alias, string? isStatic)
        => alias is not null ? $"{alias} = {name}"
            : string.Equals(isStatic, "true", StringComparison.OrdinalIgnoreCase) ? "static " + name
            : name;

    private static XDocument Load(string path)
    {
        try
        {
            return XDocument.Load(path);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: could not be read as MSBuild XML: {e.Message}");
        }
    }

    private static string? FindAbove(string folder, string fileName)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? Property(XDocument document, string name)
        => Elements(document, "PropertyGroup").SelectMany(g => g.Elements()).LastOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    private static IEnumerable<XElement> Elements(XDocument document, string localName)
        => document.Descendants().Where(e => e.Name.LocalName == localName);

    private static string? Attr(XElement element, string name)
        => element.Attributes().FirstOrDefault(a => a.Name.LocalName == name)?.Value.Trim();

    private static string? Child(XElement element, string name)
        => element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
}
