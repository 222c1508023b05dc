using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;

namespace SafeWrites.Cli.Loading;

/// <summary>
/// Project mode: a .csproj, .sln or .slnx loaded with MSBuildWorkspace (MSBuild found by MSBuildLocator), so
/// references, defines, language version and analyzer configs are the project's own. Needs restored projects.
/// </summary>
internal static class ProjectLoader
{
    /// <summary>The user's list of write methods, read by the analyzers as an additional file (in both modes).</summary>
    internal const string ListedMethodsFileName = "SafeWrites.WriteMethods.txt";

    private static readonly object Gate = new();

    public static async Task<LoadedInput> LoadAsync(string path, Terminal terminal, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var isSolution = !full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);
        if (!isSolution)
        {
            RequireRestored(full);
        }

        RegisterMSBuild();
        return await OpenAsync(full, isSolution, terminal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Locates MSBuild once per process (before any MSBuild type loads).</summary>
    private static void RegisterMSBuild()
    {
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return;
            }

            var instance = MSBuildLocator.QueryVisualStudioInstances().OrderByDescending(i => i.Version).FirstOrDefault()
                ?? throw new InputException("project mode needs the .NET SDK (MSBuild), and none was found; install the SDK or point at the folder instead (folder mode needs no build)");
            MSBuildLocator.RegisterInstance(instance);
        }
    }

    // Separate method so that the JIT loads Workspaces.MSBuild only after MSBuildLocator has run.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<LoadedInput> OpenAsync(string full, bool isSolution, Terminal terminal, CancellationToken cancellationToken)
    {
        var workspace = MSBuildWorkspace.Create();
        var loaded = 0;
        var progress = new Progress<ProjectLoadProgress>(p =>
        {
            if (p.Operation == ProjectLoadOperation.Resolve)
            {
                terminal.Progress($"projects loaded: {++loaded} ({Path.GetFileName(p.FilePath)})");
            }
        });
        Solution solution;
        try
        {
            solution = isSolution
                ? await workspace.OpenSolutionAsync(full, progress, cancellationToken).ConfigureAwait(false)
                : (await workspace.OpenProjectAsync(full, progress, cancellationToken).ConfigureAwait(false)).Solution;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InputException($"{full}: could not be loaded: {e.Message}");
        }

        var failures = workspace.Diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Failure).Select(d => d.Message).Distinct().ToList();
        var projects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
        if (projects.Count == 0)
        {
            throw new InputException($"{full}: no C# project could be loaded" + (failures.Count > 0 ? ": " + string.Join("; ", failures) : ""));
        }

        // A project MSBuild could not load is left out of the solution: fail rather than pass on what is left.
        if (failures.Count > 0)
        {
            throw new InputException($"{full}: not every project loaded: {string.Join("; ", failures)}");
        }

        foreach (var project in projects)
        {
            if (project.FilePath is { } projectPath)
            {
                RequireRestored(projectPath);
                if (project.MetadataReferences.Count == 0)
                {
                    throw new InputException($"{projectPath}: loaded without any reference (is its target framework installed? does `dotnet build` work?)");
                }

                solution = WithListedMethods(solution.GetProject(project.Id)!, projectPath).Solution;
            }
        }

        var notes = workspace.Diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Warning).Select(d => "while loading: " + d.Message).Distinct().ToList();
        var root = Path.GetDirectoryName(full)!;
        return new LoadedInput(full, solution, root, IsFolderMode: false, notes);
    }

    /// <summary>
    /// The write-method list in the project folder, as the package picks it up (docs/configuration.md): a project that
    /// does not reference the package is checked with the same list.
    /// </summary>
    private static Project WithListedMethods(Project project, string projectPath)
    {
        var list = Path.Combine(Path.GetDirectoryName(projectPath)!, ListedMethodsFileName);
        if (!File.Exists(list) || project.AdditionalDocuments.Any(d => string.Equals(Path.GetFileName(d.FilePath), ListedMethodsFileName, StringComparison.OrdinalIgnoreCase)))
        {
            return project;
        }

        return project.AddAdditionalDocument(ListedMethodsFileName, SourceText.From(File.ReadAllText(list)), filePath: list).Project;
    }

    /// <summary>A project whose obj/project.assets.json is missing has never been restored: say so rather than analyze it without references.</summary>
    private static void RequireRestored(string projectPath)
    {
        if (!File.Exists(projectPath))
        {
            throw new InputException($"{projectPath}: no such project file");
        }

        var assets = Path.Combine(Path.GetDirectoryName(projectPath)!, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            throw new InputException($"{projectPath}: the project is not restored (no obj/project.assets.json); run `dotnet restore \"{projectPath}\"` first, or scan its folder instead (folder mode needs no restore)");
        }
    }
}
