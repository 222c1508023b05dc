using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SafeWrites.Analyzers.Tests.Infrastructure;
using Xunit;

namespace SafeWrites.Analyzers.Tests;

/// <summary>
/// The docs describe only what is built: every rule id named in the README, docs/, the samples and the package's
/// build files is a rule the analyzers declare (the live catalog, so a rule added with its page passes), and every
/// relative link in the docs points at a file that exists.
/// </summary>
public class DocsCatalogTests
{
    private static readonly Regex RuleId = new(@"\bSW\d{4}\b", RegexOptions.Compiled);

    private static readonly Regex Fence = new(@"^[ \t]*```.*?^[ \t]*```", RegexOptions.Compiled | RegexOptions.Singleline | RegexOptions.Multiline);

    private static readonly Regex CodeSpan = new(@"`[^`\n]*`", RegexOptions.Compiled);

    private static readonly Regex InlineLink = new(@"!?\[[^\]\n]*\]\(\s*<?(?<target>[^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)", RegexOptions.Compiled);

    private static readonly Regex ReferenceLink = new(@"^[ \t]*\[[^\]\n]+\]:[ \t]*<?(?<target>[^\s>]+)", RegexOptions.Compiled | RegexOptions.Multiline);

    [Fact]
    public void Every_rule_id_named_in_docs_samples_and_package_files_is_a_declared_rule()
    {
        var declared = AnalyzerCatalog.Descriptors.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);
        var named = NamingFiles().SelectMany(file => RuleIds(File.ReadAllText(file)).Select(hit => (File: Relative(file), hit.Line, hit.Id))).ToList();

        // The scan must see the rules it is about, or it proves nothing.
        Assert.Contains(named, hit => hit.File == "README.md");
        Assert.Contains(named, hit => hit.File.StartsWith("samples/", StringComparison.Ordinal));
        Assert.Contains(named, hit => hit.File.StartsWith("docs/rules/", StringComparison.Ordinal));

        var unknown = named.Where(hit => !declared.Contains(hit.Id)).Select(hit => $"{hit.File}:{hit.Line}: {hit.Id}").ToList();
        Assert.True(unknown.Count == 0,
            $"Rule ids that no analyzer declares (declared: {string.Join(", ", declared)}):\n{string.Join("\n", unknown)}");
    }

    [Fact]
    public void Every_relative_link_in_the_docs_resolves()
    {
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var file in MarkdownFiles())
        {
            foreach (var (line, target) in Links(File.ReadAllText(file)))
            {
                if (Regex.IsMatch(target, @"^[a-zA-Z][a-zA-Z0-9+.-]*:"))
                {
                    continue; // https:, mailto: and other absolute links
                }

                checkedLinks++;
                var hash = target.IndexOf('#');
                var path = hash < 0 ? target : target.Substring(0, hash);
                var anchor = hash < 0 ? null : target.Substring(hash + 1);
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{Relative(file)}:{line}: {target} (no such file)");
                }
                else if (anchor is { Length: > 0 } && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Anchors(File.ReadAllText(resolved)).Contains(anchor))
                {
                    broken.Add($"{Relative(file)}:{line}: {target} (no heading #{anchor})");
                }
            }
        }

        Assert.True(checkedLinks > 0, "no relative links found: the scan proves nothing");
        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    // No semicolon in the text: it stays out of the C# sources AnalyzerCatalog.TestSources collects.
    [Fact]
    public void The_scanners_find_ids_and_links_outside_code_and_skip_links_inside_code()
    {
        const string text = """
            See [SW1001](rules/SW1001.md) and ![chart](img/a.png "title").
            `[not](a-link.md)` is code, SW9999 is named wherever it is.
            ```csharp
            x = a[0](1) // [nor](this.md)
            ```
            [ref]: other.md
            """;
        Assert.Equal(new[] { (1, "SW1001"), (1, "SW1001"), (2, "SW9999") }, RuleIds(text));
        Assert.Equal(new[] { (1, "rules/SW1001.md"), (1, "img/a.png"), (6, "other.md") }, Links(text));
        Assert.Contains("docs-describe-only-whats-built-sw1001", Anchors("## Docs describe only what's built: SW1001\n"));
    }

    /// <summary>README.md, docs/**, samples/** and nuget/** (sources, not build output or restored packages).</summary>
    private static IEnumerable<string> NamingFiles() =>
        new[] { Path.Combine(AnalyzerCatalog.RepositoryRoot, "README.md") }
            .Concat(SourceFiles("docs", "*.md"))
            .Concat(SourceFiles("samples", "*"))
            .Concat(SourceFiles("nuget", "*"));

    private static IEnumerable<string> MarkdownFiles() =>
        new[] { Path.Combine(AnalyzerCatalog.RepositoryRoot, "README.md") }
            .Concat(SourceFiles("docs", "*.md"))
            .Concat(SourceFiles("nuget", "*.md"))
            .Concat(SourceFiles("samples", "*.md"));

    private static IEnumerable<string> SourceFiles(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(AnalyzerCatalog.RepositoryRoot, folder), pattern, SearchOption.AllDirectories)
            .Where(file => !Relative(file).Split('/').Any(part => part is "bin" or "obj" or ".packages"))
            .Where(file => Path.GetExtension(file) is ".md" or ".cs" or ".csproj" or ".props" or ".targets" or ".globalconfig" or ".editorconfig" or ".json" or ".config")
            .OrderBy(file => file, StringComparer.Ordinal);

    private static List<(int Line, string Id)> RuleIds(string text) =>
        RuleId.Matches(text).Select(match => (LineOf(text, match.Index), match.Value)).ToList();

    /// <summary>Markdown link targets (inline, image and reference style) with their line, code blocks and spans left out.</summary>
    private static List<(int Line, string Target)> Links(string text)
    {
        // Blank the code out with spaces so line numbers and offsets stay as they are.
        var prose = CodeSpan.Replace(Fence.Replace(text, Blank), Blank);
        return InlineLink.Matches(prose).Concat(ReferenceLink.Matches(prose))
            .OrderBy(match => match.Index)
            .Select(match => (LineOf(prose, match.Index), match.Groups["target"].Value))
            .ToList();
    }

    private static string Blank(Match match) => Regex.Replace(match.Value, @"[^\n]", " ");

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        Regex.Matches(Fence.Replace(markdown, Blank), @"^#{1,6}[ \t]+(?<title>.+?)[ \t#]*$", RegexOptions.Multiline)
            .Select(match => Regex.Replace(match.Groups["title"].Value.Trim().ToLowerInvariant(), @"[^\p{L}\p{N} _-]", "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    private static int LineOf(string text, int index) => 1 + text.Take(index).Count(c => c == '\n');

    private static string Relative(string file) => Path.GetRelativePath(AnalyzerCatalog.RepositoryRoot, file).Replace('\\', '/');
}
