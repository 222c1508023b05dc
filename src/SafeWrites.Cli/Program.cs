using System.CommandLine;
using Microsoft.CodeAnalysis;
using SafeWrites.Cli.Loading;

namespace SafeWrites.Cli;

/// <summary>The command line: `safewrites check|fix [paths] [options]` (docs: cli.md, docs/ci.md).</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, Terminal.FromConsole());

    internal static async Task<int> RunAsync(string[] args, Terminal terminal)
    {
        var paths = new Argument<string[]>("paths") { Description = "Folders, .csproj, .sln or .slnx files (default: a solution in the current folder, else a project, else the folder)", Arity = ArgumentArity.ZeroOrMore };
        var exclude = new Option<string[]>("--exclude") { Description = "Glob of files or folders to skip (repeatable), e.g. **/Generated/**", AllowMultipleArgumentsPerToken = false };
        var reference = new Option<string[]>("--reference") { Description = "Folder mode: a .dll or a folder of them to reference (repeatable)" };
        var rules = new Option<string[]>("--rules") { Description = "Only these rules, e.g. SW1001,SW2001" };
        var severity = new Option<string>("--severity") { Description = "Lowest severity reported: error, warning, info, hidden", DefaultValueFactory = _ => "info" };
        var shard = new Option<string>("--shard") { Description = "Analyze the K-th of N deterministic slices of the files (K/N), for CI matrices", DefaultValueFactory = _ => "1/1" };
        var verbose = new Option<bool>("--verbose") { Description = "Print projects, files, compiler errors and the analysis / compile time ratio" };

        var failOn = new Option<string>("--fail-on") { Description = "Lowest severity that makes the exit code 1: error, warning, info, hidden, none", DefaultValueFactory = _ => "warning" };
        var format = new Option<string>("--format") { Description = "text, sarif or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "sarif", "json");
        var output = new Option<string>("--output", "-o") { Description = "Write the report to this file instead of standard output" };
        var baseline = new Option<string>("--baseline") { Description = "Report and fail only on findings not in this baseline file" };
        var writeBaseline = new Option<string>("--write-baseline") { Description = "Record today's findings in this file (exit code 0)" };

        var dryRun = new Option<bool>("--dry-run") { Description = "Print a unified diff of the fixes and change no file" };
        var addRuntime = new Option<bool>("--add-runtime-reference") { Description = "Folder mode: apply fixes that need the SafeWrites runtime even though no project references the package" };

        var check = new Command("check", "Report unsafe writes (exit 0: none at or above --fail-on, 1: findings, 2: input not readable or loadable)")
        {
            paths, exclude, reference, rules, severity, shard, verbose, failOn, format, output, baseline, writeBaseline,
        };
        var fix = new Command("fix", "Apply the code fixes (Fix All per document) and report what could not be fixed")
        {
            paths, exclude, reference, rules, severity, shard, verbose, dryRun, addRuntime,
        };
        var root = new RootCommand("safewrites: finds and fixes file writes that crashes, full disks and concurrent writers can tear") { check, fix };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                terminal.Error.WriteLine("error: " + error.Message);
            }

            terminal.Error.WriteLine("run `safewrites --help` for usage");
            return CheckCommand.InputError;
        }

        if (parse.CommandResult.Command != check && parse.CommandResult.Command != fix)
        {
            // --help, --version, or no command (System.CommandLine prints help for those).
            return await parse.InvokeAsync(new InvocationConfiguration { Output = terminal.Output, Error = terminal.Error }).ConfigureAwait(false) == 0 && parse.CommandResult.Command == root && args.Length == 0
                ? CheckCommand.InputError
                : 0;
        }

        CliOptions options;
        try
        {
            options = new CliOptions
            {
                Paths = parse.GetValue(paths) ?? Array.Empty<string>(),
                Excludes = parse.GetValue(exclude) ?? Array.Empty<string>(),
                References = parse.GetValue(reference) ?? Array.Empty<string>(),
                Rules = ParseRules(parse.GetValue(rules)),
                Severity = ParseSeverity("--severity", parse.GetValue(severity)!, allowNone: false) ?? DiagnosticSeverity.Info,
                FailOn = ParseSeverity("--fail-on", parse.GetValue(failOn) ?? "warning", allowNone: true),
                Format = Enum.Parse<OutputFormat>(parse.GetValue(format) ?? "text", ignoreCase: true),
                Output = parse.GetValue(output),
                Baseline = parse.GetValue(baseline),
                WriteBaseline = parse.GetValue(writeBaseline),
                Shard = Shard.TryParse(parse.GetValue(shard)!, out var s) ? s : throw new InputException($"--shard {parse.GetValue(shard)}: expected K/N with 1 <= K <= N"),
                Verbose = parse.GetValue(verbose),
                DryRun = parse.GetValue(dryRun),
                AddRuntimeReference = parse.GetValue(addRuntime),
            };
        }
        catch (InputException e)
        {
            terminal.Error.WriteLine("error: " + e.Message);
            return CheckCommand.InputError;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return parse.CommandResult.Command == check
                ? await CheckCommand.RunAsync(options, terminal, cancel.Token).ConfigureAwait(false)
                : await FixCommand.RunAsync(options, terminal, cancel.Token).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            terminal.EndProgress();
            terminal.Error.WriteLine("error: " + e.Message);
            return CheckCommand.InputError;
        }
    }

    private static IReadOnlySet<string> ParseRules(string[]? values)
    {
        var ids = (values ?? Array.Empty<string>())
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToUpperInvariant())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var known = Analysis.RuleCatalog.Load().Rules.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = ids.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InputException($"--rules: unknown rule {string.Join(", ", unknown)}; the rules are {string.Join(", ", known.Order(StringComparer.Ordinal))}");
        }

        return ids;
    }

    private static DiagnosticSeverity? ParseSeverity(string option, string text, bool allowNone)
        => CliOptions.TryParseSeverity(text, allowNone, out var severity)
            ? severity
            : throw new InputException($"{option} {text}: expected error, warning, info or hidden{(allowNone ? " (or none)" : "")}");
}
