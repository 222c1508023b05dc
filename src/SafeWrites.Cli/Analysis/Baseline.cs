using System.Text.Json;
using SafeWrites.Cli.Loading;

namespace SafeWrites.Cli.Analysis;

/// <summary>
/// Today's findings, recorded so a gate can be adopted on an old code base: a finding is known when its key
/// (rule, file, containing member, normalized line text) is in the file, so lines added above it change nothing.
/// Keys are counted: a second identical line in the same member is a new finding.
/// </summary>
internal static class Baseline
{
    private sealed record Entry(string Rule, string File, string Member, string Text);

    private sealed record Document(int Version, List<Entry> Findings);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static void Write(string path, IEnumerable<Finding> findings)
    {
        var entries = findings.Select(f => new Entry(f.RuleId, f.RelativePath, f.Member, f.LineText)).ToList();
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new Document(1, entries), Json) + "\n");
    }

    /// <summary>Splits findings into new ones and the count of known ones.</summary>
    public static (List<Finding> New, int Known) Apply(string path, IReadOnlyList<Finding> findings)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InputException($"--baseline {path}: could not be read: {e.Message}");
        }

        if (document?.Findings is null)
        {
            throw new InputException($"--baseline {path}: not a safewrites baseline (no findings list)");
        }

        var remaining = document.Findings.GroupBy(e => Finding.Key(e.Rule, e.File, e.Member, e.Text)).ToDictionary(g => g.Key, g => g.Count());
        var fresh = new List<Finding>();
        var known = 0;
        foreach (var finding in findings)
        {
            if (remaining.TryGetValue(finding.BaselineKey, out var count) && count > 0)
            {
                remaining[finding.BaselineKey] = count - 1;
                known++;
            }
            else
            {
                fresh.Add(finding);
            }
        }

        return (fresh, known);
    }
}
