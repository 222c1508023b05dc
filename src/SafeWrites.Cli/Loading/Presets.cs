using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SafeWrites.Cli.Loading;

/// <summary>
/// The package's SafeWritesMode presets for folder mode, where no MSBuild imports the package's .globalconfig:
/// the same mapping the package build writes (recommended, strict, none), below every project config (global_level -1).
/// </summary>
internal static class Presets
{
    public static string? Text(string mode, ImmutableArray<DiagnosticDescriptor> rules)
    {
        Func<DiagnosticSeverity, string>? severity = mode.ToLowerInvariant() switch
        {
            "recommended" => s => s is DiagnosticSeverity.Info or DiagnosticSeverity.Hidden ? "suggestion" : "warning",
            "strict" => _ => "error",
            "none" => _ => "none",
            _ => null,
        };
        if (severity is null)
        {
            return null;
        }

        return "is_global = true\nglobal_level = -1\n\n"
               + string.Concat(rules.Select(r => $"dotnet_diagnostic.{r.Id}.severity = {severity(r.DefaultSeverity)}\n"));
    }
}
