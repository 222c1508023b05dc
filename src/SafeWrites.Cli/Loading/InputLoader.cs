using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SafeWrites.Cli.Loading;

/// <summary>Turns the command line's paths into loaded inputs: a folder, a project or a solution each.</summary>
internal static class InputLoader
{
    public static async Task<IReadOnlyList<LoadedInput>> LoadAsync(
        CliOptions options, bool forFix, ImmutableArray<DiagnosticDescriptor> rules, Terminal terminal, CancellationToken cancellationToken)
    {
        var paths = options.Paths.Count > 0 ? options.Paths : new[] { DefaultInput(Directory.GetCurrentDirectory()) };
        var inputs = new List<LoadedInput>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                inputs.Add(FolderLoader.Load(path, options, forFix, rules, terminal));
            }
            else if (File.Exists(path) && IsProjectOrSolution(path))
            {
                inputs.Add(await ProjectLoader.LoadAsync(path, terminal, cancellationToken).ConfigureAwait(false));
            }
            else if (File.Exists(path))
            {
                throw new InputException($"{path}: not a folder, .csproj, .sln or .slnx");
            }
            else
            {
                throw new InputException($"{path}: no such file or folder");
            }
        }

        return inputs;
    }

    /// <summary>No path: a solution in the folder, else a project, else the folder itself.</summary>
    internal static string DefaultInput(string folder)
    {
        foreach (var patterns in new[] { new[] { "*.sln", "*.slnx" }, new[] { "*.csproj" } })
        {
            var found = patterns.SelectMany(p => Directory.GetFiles(folder, p)).ToList();
            if (found.Count == 1)
            {
                return found[0];
            }

            if (found.Count > 1)
            {
                throw new InputException($"{folder} holds several of {string.Join(", ", found.Select(Path.GetFileName))}: name the one to check");
            }
        }

        return folder;
    }

    private static bool IsProjectOrSolution(string path)
        => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
           || path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)
           || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder that every input's root is under (paths in the output are relative to it).</summary>
    public static string CommonRoot(IReadOnlyList<LoadedInput> inputs)
    {
        var root = inputs[0].Root;
        foreach (var input in inputs.Skip(1))
        {
            while (!IsUnder(input.Root, root))
            {
                root = Path.GetDirectoryName(root) ?? root;
            }
        }

        return root;
    }

    private static bool IsUnder(string path, string folder)
        => !Path.GetRelativePath(folder, path).StartsWith("..", StringComparison.Ordinal);
}
