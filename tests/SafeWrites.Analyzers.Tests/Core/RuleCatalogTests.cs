using System;
using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeWrites.Analyzers.Tests.Infrastructure;
using Xunit;

namespace SafeWrites.Analyzers.Tests.Core;

/// <summary>
/// Checks every descriptor and code fix the assemblies ship (found by reflection): help links point at an
/// existing docs/rules page, every rule is in the release tracking files, and fixers are shaped for the IDE
/// and <c>dotnet format analyzers</c>.
/// </summary>
public class RuleCatalogTests
{
    public static IEnumerable<object[]> DescriptorIds => AnalyzerCatalog.Descriptors.Select(descriptor => new object[] { descriptor.Id });

    public static IEnumerable<object[]> CodeFixTypeNames => AnalyzerCatalog.CodeFixTypes.Select(type => new object[] { type.Name });

    [Fact]
    public void Every_shipped_rule_is_found()
        => Assert.Equal(new[] { "SW1001", "SW1002" }, AnalyzerCatalog.Descriptors.Select(descriptor => descriptor.Id).Where(id => id is "SW1001" or "SW1002"));

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_is_well_formed(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Matches(@"^SW[1-3]\d{3}$", descriptor.Id);
        Assert.Contains(descriptor.Category, new[] { "Reliability", "Concurrency" });
        Assert.Equal(descriptor.Id.StartsWith("SW2", StringComparison.Ordinal) ? "Concurrency" : "Reliability", descriptor.Category);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(descriptor.Title.ToString().EndsWith(".", StringComparison.Ordinal), "titles do not end with a period");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Help_link_points_at_an_existing_rule_page(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Equal($"https://github.com/safewrites/safewrites/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        var page = Path.Combine(AnalyzerCatalog.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}:", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Rule_is_in_the_release_tracking_files_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptor(id);
        var directory = Path.Combine(AnalyzerCatalog.RepositoryRoot, "src", "SafeWrites.Analyzers");
        var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(directory, file)))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && cells[0] == id)
            .ToList();

        Assert.NotEmpty(rows);
        Assert.Contains(rows, cells => cells[1] == descriptor.Category && cells[2] == descriptor.DefaultSeverity.ToString());
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Rule_is_in_the_README_rules_table(string id)
    {
        var readme = File.ReadAllText(Path.Combine(AnalyzerCatalog.RepositoryRoot, "README.md"));
        Assert.Matches(new Regex(@"^\|\s*\[?" + id + @"\b", RegexOptions.Multiline), readme);
    }

    [Theory]
    [MemberData(nameof(CodeFixTypeNames))]
    public void Code_fix_is_exported_shared_and_fixes_a_shipped_rule(string typeName)
    {
        var type = AnalyzerCatalog.CodeFixTypes.Single(candidate => candidate.Name == typeName);
        var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
        Assert.NotNull(export);
        Assert.Contains(LanguageNames.CSharp, export!.Languages);
        Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));

        var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
        Assert.NotNull(fixer.GetFixAllProvider());
        Assert.NotEmpty(fixer.FixableDiagnosticIds);
        foreach (var id in fixer.FixableDiagnosticIds)
        {
            Assert.Contains(AnalyzerCatalog.Descriptors, descriptor => descriptor.Id == id);
        }
    }

    private static DiagnosticDescriptor Descriptor(string id) => AnalyzerCatalog.Descriptors.Single(descriptor => descriptor.Id == id);
}
