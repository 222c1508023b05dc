using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using SafeWrites.Analyzers.Tests.Infrastructure;
using SafeWrites.Analyzers.Waits;
using Xunit;

namespace SafeWrites.Analyzers.Tests.Waits;

/// <summary>
/// The SW2001/SW2002 fixers run in the IDE on half-typed code too: over every SW2001/SW2002 test source cut at
/// several points (and with a line removed), each diagnostic the analyzers still report is offered to both fixers,
/// whose actions are computed; nothing may throw.
/// </summary>
public class SW2001SW2002CodeFixRobustnessTests
{
    private const int CutsPerSource = 4;

    private static readonly Regex RawString = new("\"\"\"\\r?\\n(?<body>.*?)\\r?\\n[ \\t]*\"\"\"", RegexOptions.Singleline);

    [Fact]
    public async Task Fixers_do_not_throw_on_half_typed_code()
    {
        var failures = new ConcurrentBag<string>();
        var cuts = new List<string>();
        foreach (var source in ClockAndLockSources())
        {
            cuts.Add(source);
            for (var i = 1; i <= CutsPerSource; i++)
            {
                cuts.Add(source.Substring(0, source.Length * i / (CutsPerSource + 1)));
            }

            var lines = source.Split('\n');
            for (var removed = 1; removed < lines.Length - 1; removed += Math.Max(1, lines.Length / 3))
            {
                cuts.Add(string.Join("\n", lines.Where((_, index) => index != removed)));
            }
        }

        var computedActions = 0;
        await Parallel.ForEachAsync(cuts, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (cut, _) =>
        {
            try
            {
                Interlocked.Add(ref computedActions, await FixEverythingAsync(cut));
            }
            catch (Exception exception)
            {
                failures.Add($"{exception}\n--- source ---\n{cut}");
            }
        });

        Assert.Empty(failures);
        Assert.True(computedActions > 20, $"only {computedActions} fix actions were computed: the harness does not reach the fixers");
    }

    private static IEnumerable<string> ClockAndLockSources()
    {
        foreach (var file in Directory.EnumerateFiles(AnalyzerCatalog.TestProjectDirectory, "SW200*.cs", SearchOption.AllDirectories))
        {
            foreach (Match match in RawString.Matches(File.ReadAllText(file)))
            {
                var body = AnalyzerCatalog.RemoveMarkup(match.Groups["body"].Value).Replace("/*SW2001*/", string.Empty).Replace("/*SW2002*/", string.Empty);
                if (body.Contains("class ", StringComparison.Ordinal) && !body.Contains("{{", StringComparison.Ordinal))
                {
                    yield return body;
                }
            }
        }
    }

    private static async Task<int> FixEverythingAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        var document = FixHarness.CreateDocument(workspace, source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new WallClockTimeoutAnalyzer(), new HandRolledLockFileAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var providers = new CodeFixProvider[] { new CodeFixes.Waits.WallClockTimeoutCodeFixProvider(), new CodeFixes.Waits.UseFileLockCodeFixProvider() };
        var computed = 0;
        foreach (var diagnostic in diagnostics)
        {
            foreach (var (_, action) in await FixHarness.ActionsAsync(document, diagnostic, providers))
            {
                await action.GetOperationsAsync(CancellationToken.None);
                computed++;
            }
        }

        return computed;
    }
}
