using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SafeWrites.Cli.Loading;

/// <summary>
/// Folder mode: every .cs under a folder in one loose compilation against the running .NET's reference
/// assemblies, with what the folder's .csproj files say (ImplicitUsings, Using items, packages in the NuGet cache,
/// SafeWritesMode) and its .editorconfig / .globalconfig files. No build, no restore.
/// </summary>
internal static class FolderLoader
{
    /// <summary>The SDK's implicit global usings (Microsoft.NET.Sdk and the two SDKs that add to them).</summary>
    private static readonly string[] BaseUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    private static readonly string[] HostingUsings =
    {
        "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    };

    private static readonly string[] WebUsings =
    {
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
    };

    public static LoadedInput Load(string folder, CliOptions options, bool forFix, ImmutableArray<DiagnosticDescriptor> rules, Terminal terminal)
    {
        var root = Path.GetFullPath(folder);
        var walker = new FileWalker(root, options.Excludes);
        var notes = new List<string>();
        var projects = walker.Find("*.csproj").Select(ProjectFile.Read).ToList();

        var references = new List<string>(References.Framework());
        foreach (var reference in options.References)
        {
            references.AddRange(References.FromOption(reference));
        }

        var referencesPackage = AddPackages(projects, references, notes);
        var hasRuntime = referencesPackage || options.AddRuntimeReference;
        if (forFix && hasRuntime && !references.Any(r => Path.GetFileNameWithoutExtension(r) == "SafeWrites"))
        {
            // The fixes rewrite to AtomicFile/FileLock and are offered only when the compilation can see them.
            references.Add(typeof(AtomicFile).Assembly.Location);
        }

        if (forFix && !hasRuntime)
        {
            notes.Add("fixes that need the SafeWrites runtime (AtomicFile, FileLock) are not applied: no project in the folder references the SafeWrites package; pass --add-runtime-reference to apply them anyway (then add the package to the project)");
        }

        var files = walker.Find("*.cs");
        var documents = new List<DocumentInfo>();
        var projectId = ProjectId.CreateNewId();
        for (var i = 0; i < files.Count; i++)
        {
            if (i % 50 == 0)
            {
                terminal.Progress($"reading files {i}/{files.Count}");
            }

            documents.Add(Document(projectId, files[i], ReadText(files[i])));
        }

        var globalUsings = GlobalUsings(projects);
        if (globalUsings.Length > 0)
        {
            // Not a file on disk: the SDK writes the same into obj/ at build time.
            documents.Add(Document(projectId, Path.Combine(root, "obj", "SafeWrites.Cli.GlobalUsings.g.cs"), SourceText.From(globalUsings, Encoding.UTF8)));
        }

        var configs = ConfigFiles(root, walker)
            .Select(path => Document(projectId, path, ReadText(path)))
            .ToList();
        var mode = projects.Select(p => p.SafeWritesMode).LastOrDefault(m => m is not null);
        if (mode is not null && !mode.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            var preset = Presets.Text(mode, rules) ?? throw new InputException($"SafeWritesMode '{mode}' is not one of: default, recommended, strict, none");
            configs.Add(Document(projectId, Path.Combine(root, "obj", "SafeWrites.Cli." + mode.ToLowerInvariant() + ".globalconfig"), SourceText.From(preset, Encoding.UTF8)));
        }

        // The package picks up a write-method list in the project folder as an additional file; so does the folder.
        var additional = walker.Find(ProjectLoader.ListedMethodsFileName)
            .Select(path => Document(projectId, path, ReadText(path)))
            .ToList();

        var project = ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                Path.GetFileName(root),
                Path.GetFileName(root),
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    allowUnsafe: true,
                    concurrentBuild: true),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: PreprocessorSymbols()),
                documents: documents,
                metadataReferences: references.Distinct(StringComparer.Ordinal).Select(References.Create))
            .WithAnalyzerConfigDocuments(configs)
            .WithAdditionalDocuments(additional);
        var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution.AddProject(project);
        return new LoadedInput(root, solution, root, IsFolderMode: true, notes) { HasRuntime = hasRuntime };
    }

    /// <summary>Adds the cached packages the projects reference; true when one of them is the SafeWrites package.</summary>
    private static bool AddPackages(List<ProjectFile> projects, List<string> references, List<string> notes)
    {
        var cache = References.NuGetCache();
        var referencesSafeWrites = false;
        foreach (var (id, version) in projects.SelectMany(p => p.PackageReferences).DistinctBy(p => p.Key.ToLowerInvariant()))
        {
            referencesSafeWrites |= id.Equals("SafeWrites", StringComparison.OrdinalIgnoreCase);
            var assemblies = References.FromPackage(cache, id, version);
            if (assemblies is null)
            {
                notes.Add($"package {id} {version} is not in the NuGet cache ({cache}): its types stay unresolved");
                continue;
            }

            references.AddRange(assemblies);
        }

        return referencesSafeWrites;
    }

    private static string GlobalUsings(List<ProjectFile> projects)
    {
        var usings = new List<string>();
        foreach (var project in projects)
        {
            if (project.ImplicitUsings)
            {
                usings.AddRange(BaseUsings);
                if (project.Sdk.Contains("Web", StringComparison.OrdinalIgnoreCase))
                {
                    usings.AddRange(WebUsings);
                    usings.AddRange(HostingUsings);
                }
                else if (project.Sdk.Contains("Worker", StringComparison.OrdinalIgnoreCase))
                {
                    usings.AddRange(HostingUsings);
                }
            }

            usings.AddRange(project.AddedUsings);
        }

        var removed = projects.SelectMany(p => p.RemovedUsings).ToHashSet(StringComparer.Ordinal);
        return string.Concat(usings.Distinct(StringComparer.Ordinal).Where(u => !removed.Contains(u)).Select(u => $"global using {Qualify(u)};\n"));
    }

    /// <summary>`global::` in front of the namespace, as the SDK writes it (keeps an alias or `static` in front).</summary>
    private static string Qualify(string usingText)
    {
        var equals = usingText.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            return usingText[..(equals + 1)] + " global::" + usingText[(equals + 1)..].Trim();
        }

        return usingText.StartsWith("static ", StringComparison.Ordinal) ? "static global::" + usingText[7..] : "global::" + usingText;
    }

    /// <summary>.editorconfig files in the folder and above it (up to one that says root = true), and .globalconfig files in and above it.</summary>
    private static IEnumerable<string> ConfigFiles(string root, FileWalker walker)
    {
        var above = new List<string>();
        for (var dir = new DirectoryInfo(root).Parent; dir is not null; dir = dir.Parent)
        {
            var globalConfig = Path.Combine(dir.FullName, ".globalconfig");
            if (File.Exists(globalConfig))
            {
                above.Add(globalConfig);
            }
        }

        for (var dir = new DirectoryInfo(root).Parent; dir is not null; dir = dir.Parent)
        {
            var editorConfig = Path.Combine(dir.FullName, ".editorconfig");
            if (File.Exists(editorConfig))
            {
                above.Add(editorConfig);
                if (File.ReadLines(editorConfig).Any(l => l.Replace(" ", "", StringComparison.Ordinal).Equals("root=true", StringComparison.OrdinalIgnoreCase)))
                {
                    break;
                }
            }
        }

        // An .editorconfig in the folder with root = true makes the ones above irrelevant; Roslyn applies that rule itself.
        return above.Concat(walker.Find(".editorconfig", ".globalconfig"));
    }

    private static string[] PreprocessorSymbols()
    {
        var symbols = new List<string> { "NET", "NETCOREAPP" };
        for (var major = 5; major <= Environment.Version.Major; major++)
        {
            symbols.Add($"NET{major}_0_OR_GREATER");
        }

        return symbols.ToArray();
    }

    private static DocumentInfo Document(ProjectId projectId, string path, SourceText text)
        => DocumentInfo.Create(
            DocumentId.CreateNewId(projectId, path),
            Path.GetFileName(path),
            loader: TextLoader.From(TextAndVersion.Create(text, VersionStamp.Default, path)),
            filePath: path);

    private static SourceText ReadText(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SourceText.From(stream, encoding: null, checksumAlgorithm: SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: could not be read: {e.Message}");
        }
    }
}
