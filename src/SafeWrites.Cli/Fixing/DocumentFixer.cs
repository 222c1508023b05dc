using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SafeWrites.Cli.Analysis;

namespace SafeWrites.Cli.Fixing;

/// <summary>The outcome for one document: its fixed text (or none), what was fixed and what was not, and why.</summary>
internal sealed record DocumentFix(Document Original, Document? Fixed, IReadOnlyList<Finding> FixedFindings, IReadOnlyList<(Finding Finding, string Reason)> NotFixed);

/// <summary>
/// Fix All per document, through each code fix provider's own FixAllProvider (as the IDE's "Fix all in document"),
/// one provider at a time, re-analyzing the document between providers so their edits never go stale.
/// </summary>
internal sealed class DocumentFixer
{
    private readonly RuleCatalog _catalog;
    private readonly AnalysisRunner _runner;

    public DocumentFixer(RuleCatalog catalog, AnalysisRunner runner)
    {
        _catalog = catalog;
        _runner = runner;
    }

    public async Task<DocumentFix> FixAsync(Document document, IReadOnlyList<Finding> findings, string noFixReason, CancellationToken cancellationToken)
    {
        var notFixed = new List<(Finding, string)>();
        var fixable = new List<Finding>();
        foreach (var finding in findings)
        {
            if (await FirstActionAsync(document, finding.Diagnostic, cancellationToken).ConfigureAwait(false) is null)
            {
                notFixed.Add((finding, noFixReason));
            }
            else
            {
                fixable.Add(finding);
            }
        }

        if (fixable.Count == 0)
        {
            return new DocumentFix(document, null, fixable, notFixed);
        }

        var current = document;
        var fixableKeys = fixable.Select(f => (f.RuleId, f.Line, f.Column)).ToHashSet();
        foreach (var provider in _catalog.Fixers.Where(p => fixable.Any(f => p.FixableDiagnosticIds.Contains(f.RuleId))))
        {
            var diagnostics = (await DiagnosticsAsync(current, cancellationToken).ConfigureAwait(false))
                .Where(d => provider.FixableDiagnosticIds.Contains(d.Id))
                .ToImmutableArray();
            if (diagnostics.IsEmpty)
            {
                continue;
            }

            var action = await FirstActionAsync(current, diagnostics[0], provider, cancellationToken).ConfigureAwait(false);
            var fixAll = provider.GetFixAllProvider();
            if (action is null || fixAll is null)
            {
                continue;
            }

            var context = new FixAllContext(current, provider, FixAllScope.Document, action.EquivalenceKey, provider.FixableDiagnosticIds, new FixedDiagnostics(diagnostics), cancellationToken);
            var fixAllAction = await fixAll.GetFixAsync(context).ConfigureAwait(false);
            if (fixAllAction is null)
            {
                continue;
            }

            foreach (var operation in await fixAllAction.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply && apply.ChangedSolution.GetDocument(current.Id) is { } changed)
                {
                    current = changed;
                }
            }
        }

        // What is still reported after every fix ran was not fixed (a fix that declined its shape once edits were combined).
        var remaining = await DiagnosticsAsync(current, cancellationToken).ConfigureAwait(false);
        var remainingIds = remaining.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        var fixedFindings = new List<Finding>();
        foreach (var finding in fixable.OrderByDescending(f => f.Line))
        {
            if (remainingIds.TryGetValue(finding.RuleId, out var left) && left > 0)
            {
                remainingIds[finding.RuleId] = left - 1;
                notFixed.Add((finding, "the fix did not remove it when applied with the document's other fixes"));
            }
            else
            {
                fixedFindings.Add(finding);
            }
        }

        fixedFindings.Reverse();
        return new DocumentFix(document, current == document ? null : current, fixedFindings, notFixed);
    }

    private async Task<IReadOnlyList<Diagnostic>> DiagnosticsAsync(Document document, CancellationToken cancellationToken)
        => await _runner.AnalyzeDocumentAsync(document, cancellationToken).ConfigureAwait(false);

    private async Task<CodeAction?> FirstActionAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        foreach (var provider in _catalog.FixersFor(diagnostic.Id))
        {
            if (await FirstActionAsync(document, diagnostic, provider, cancellationToken).ConfigureAwait(false) is { } action)
            {
                return action;
            }
        }

        return null;
    }

    private static async Task<CodeAction?> FirstActionAsync(Document document, Diagnostic diagnostic, CodeFixProvider provider, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        return actions.FirstOrDefault();
    }

    /// <summary>Hands the Fix All engine the diagnostics of the one document being fixed.</summary>
    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
