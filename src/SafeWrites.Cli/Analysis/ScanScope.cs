using Microsoft.CodeAnalysis;

namespace SafeWrites.Cli.Analysis;

/// <summary>
/// The compilation's per-file options with the SafeWrites rules suppressed in the files outside the scan. The
/// analyzer driver skips an analyzer on a file where every diagnostic it supports is suppressed, so one
/// whole-compilation pass analyzes only the scanned files; the other files are still bound for their symbols.
/// </summary>
internal sealed class ScanScope : SyntaxTreeOptionsProvider
{
    private readonly SyntaxTreeOptionsProvider? _inner;
    private readonly HashSet<SyntaxTree> _scanned;
    private readonly HashSet<string> _ruleIds;

    public ScanScope(SyntaxTreeOptionsProvider? inner, IEnumerable<SyntaxTree> scanned, IEnumerable<string> ruleIds)
    {
        _inner = inner;
        _scanned = scanned.ToHashSet();
        _ruleIds = ruleIds.ToHashSet(StringComparer.Ordinal);
    }

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
        => _inner?.IsGenerated(tree, cancellationToken) ?? GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        if (!_scanned.Contains(tree) && _ruleIds.Contains(diagnosticId))
        {
            severity = ReportDiagnostic.Suppress;
            return true;
        }

        severity = ReportDiagnostic.Default;
        return _inner?.TryGetDiagnosticValue(tree, diagnosticId, cancellationToken, out severity) ?? false;
    }

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = ReportDiagnostic.Default;
        return _inner?.TryGetGlobalDiagnosticValue(diagnosticId, cancellationToken, out severity) ?? false;
    }
}
