using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.Analyzers.Tests.Infrastructure;

/// <summary>
/// Every analyzer and code fix the product assemblies ship, found by reflection, and the test sources of this
/// project: generic tests run over these, so a rule added later is covered without touching them.
/// </summary>
internal static class AnalyzerCatalog
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(Rules).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public static ImmutableArray<Type> CodeFixTypes { get; } = typeof(CodeFixes.Writes.FileOverwrittenInPlaceCodeFixProvider).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToImmutableArray();

    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .GroupBy(descriptor => descriptor.Id)
        .Select(group => group.First())
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>The repository root (the folder holding SafeWrites.sln), found from this source file's path.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string TestProjectDirectory => Path.Combine(RepositoryRoot, "tests", "SafeWrites.Analyzers.Tests");

    /// <summary>
    /// The C# sources embedded in this project's tests (raw string literals), markup removed: realistic, varied
    /// input that grows with every test anyone adds.
    /// </summary>
    public static IReadOnlyList<string> TestSources()
    {
        var sources = new List<string>();
        foreach (var file in Directory.EnumerateFiles(TestProjectDirectory, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in RawString.Matches(File.ReadAllText(file)))
            {
                var text = Dedent(match.Groups["body"].Value);
                if (text.Contains("class ", StringComparison.Ordinal) || text.Contains(';', StringComparison.Ordinal))
                {
                    sources.Add(RemoveMarkup(text));
                }
            }
        }

        return sources;
    }

    private static readonly Regex RawString = new("\"\"\"\\r?\\n(?<body>.*?)\\r?\\n[ \\t]*\"\"\"", RegexOptions.Singleline | RegexOptions.Compiled);

    private static readonly Regex Markup = new(@"\{\|(#\d+|[A-Za-z]+\d*):|\|\}|\[\||\|\]", RegexOptions.Compiled);

    public static string RemoveMarkup(string source) => Markup.Replace(source, string.Empty);

    private static string Dedent(string text)
    {
        var lines = text.Split('\n');
        var indent = lines.Where(line => line.Trim().Length > 0).Select(line => line.Length - line.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(line => line.Length >= indent ? line.Substring(indent) : line.TrimStart()));
    }

    private static string FindRepositoryRoot([CallerFilePath] string thisFile = "")
    {
        for (var directory = Path.GetDirectoryName(thisFile); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "SafeWrites.sln")))
            {
                return directory;
            }
        }

        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "SafeWrites.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("SafeWrites.sln not found above " + thisFile);
    }
}
