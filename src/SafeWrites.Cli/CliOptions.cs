using Microsoft.CodeAnalysis;

namespace SafeWrites.Cli;

internal enum OutputFormat
{
    Text,
    Sarif,
    Json,
}

/// <summary>What one `check` or `fix` run was asked to do, after the command line is parsed and validated.</summary>
internal sealed record CliOptions
{
    public IReadOnlyList<string> Paths { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Excludes { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> References { get; init; } = Array.Empty<string>();

    /// <summary>Rule ids to run; empty means every rule.</summary>
    public IReadOnlySet<string> Rules { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lowest severity reported.</summary>
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Info;

    /// <summary>Lowest severity that makes the exit code 1; null: never.</summary>
    public DiagnosticSeverity? FailOn { get; init; } = DiagnosticSeverity.Warning;

    public OutputFormat Format { get; init; } = OutputFormat.Text;

    public string? Output { get; init; }

    public string? Baseline { get; init; }

    public string? WriteBaseline { get; init; }

    public Shard Shard { get; init; } = Shard.All;

    public bool Verbose { get; init; }

    public bool DryRun { get; init; }

    public bool AddRuntimeReference { get; init; }

    /// <summary>Parses error|warning|info|suggestion|hidden|silent (and none, where allowed, as null).</summary>
    public static bool TryParseSeverity(string text, bool allowNone, out DiagnosticSeverity? severity)
    {
        severity = text.ToLowerInvariant() switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            "info" or "suggestion" or "note" => DiagnosticSeverity.Info,
            "hidden" or "silent" => DiagnosticSeverity.Hidden,
            _ => null,
        };
        return severity is not null || (allowNone && text.Equals("none", StringComparison.OrdinalIgnoreCase));
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}

/// <summary>The K-th (1-based) of N deterministic slices of the files; 1/1 is everything.</summary>
internal readonly record struct Shard(int Index, int Count)
{
    public static readonly Shard All = new(1, 1);

    public bool IsAll => Count == 1;

    public static bool TryParse(string text, out Shard shard)
    {
        shard = All;
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var k) && int.TryParse(parts[1], out var n) && n >= 1 && k >= 1 && k <= n)
        {
            shard = new Shard(k, n);
            return true;
        }

        return false;
    }

    /// <summary>Whether a file (by its path relative to the scanned root) is in this slice: a stable hash, so adding a file moves no other.</summary>
    public bool Contains(string relativePath)
    {
        if (IsAll)
        {
            return true;
        }

        // FNV-1a over the normalized path: the same on every machine and .NET version (string.GetHashCode is randomized).
        var hash = 2166136261u;
        foreach (var c in relativePath.Replace('\\', '/'))
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)Count) == Index - 1;
    }
}
