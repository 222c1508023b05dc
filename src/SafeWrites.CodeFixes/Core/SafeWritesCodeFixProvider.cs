using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using SafeWrites.Analyzers.Core;

namespace SafeWrites.CodeFixes.Core;

/// <summary>
/// Base of every SafeWrites code fix. A rule's fixer only plans (<see cref="TryPlan"/>): it looks at one
/// diagnostic and returns the edits that fix it, or null when the shape cannot be fixed safely. This base
/// registers one action per fixable diagnostic (equivalence key = title) only when the compilation references
/// <c>SafeWrites.AtomicFile</c>, applies every plan of a document in one pass (so Fix All handles fixes that
/// touch the same statements, and adds <c>using SafeWrites;</c> once), and formats only the nodes it made.
/// </summary>
public abstract class SafeWritesCodeFixProvider : CodeFixProvider
{
    private protected SafeWritesCodeFixProvider()
    {
    }

    /// <summary>The action title, also its equivalence key.</summary>
    private protected abstract string Title { get; }

    /// <summary>Whether the compilation has what the fix rewrites to (default: <c>SafeWrites.AtomicFile</c>).</summary>
    private protected virtual bool IsAvailable(KnownSymbols symbols) => symbols.HasAtomicFile;

    public sealed override FixAllProvider GetFixAllProvider() => new DocumentFixAllProvider(this);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (semanticModel is null || root is null)
        {
            return;
        }

        var fixContext = new FixContext(semanticModel, root, KnownSymbols.Get(semanticModel.Compilation), context.CancellationToken);
        if (!IsAvailable(fixContext.Symbols))
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (TryPlanSafely(fixContext, diagnostic) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => FixDocumentAsync(document, ImmutableArray.Create(diagnostic), cancellationToken),
                    equivalenceKey: Title),
                diagnostic);
        }
    }

    /// <summary>The edits that fix <paramref name="diagnostic"/>, or null when its shape has no safe fix.</summary>
    private protected abstract FixPlan? TryPlan(FixContext context, Diagnostic diagnostic);

    /// <summary>
    /// No fix for a write through System.IO.Abstractions, a wrapper of the compilation or a user-listed method
    /// (<see cref="SafeWritesAnalyzer.NoFixProperty"/>): rewriting it to <c>AtomicFile</c> would drop the abstraction.
    /// </summary>
    private FixPlan? TryPlanSafely(FixContext context, Diagnostic diagnostic)
        => diagnostic.Location.SourceTree == context.Root.SyntaxTree && !diagnostic.Properties.ContainsKey(SafeWritesAnalyzer.NoFixProperty)
            ? TryPlan(context, diagnostic)
            : null;

    /// <summary>Applies the plans of every diagnostic in one document; plans that overlap an applied one are skipped.</summary>
    internal async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var context = new FixContext(editor.SemanticModel, editor.OriginalRoot, KnownSymbols.Get(editor.SemanticModel.Compilation), cancellationToken);
        if (!IsAvailable(context.Symbols))
        {
            return document;
        }

        var touched = new List<TextSpan>();
        var applied = false;
        var needsImport = false;
        var otherImports = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var plan = TryPlanSafely(context, diagnostic);
            if (plan is null || Overlaps(touched, plan.Spans))
            {
                continue;
            }

            plan.Apply(editor);
            touched.AddRange(plan.Spans);
            applied = true;
            needsImport |= plan.NeedsSafeWritesImport;
            otherImports.UnionWith(plan.OtherImports);
        }

        if (!applied)
        {
            return document;
        }

        var newRoot = editor.GetChangedRoot();
        if (needsImport && newRoot is CompilationUnitSyntax compilationUnit)
        {
            newRoot = Imports.AddUsing(compilationUnit, "SafeWrites");
        }

        foreach (var namespaceName in otherImports)
        {
            if (newRoot is CompilationUnitSyntax unit)
            {
                newRoot = Imports.AddUsing(unit, namespaceName);
            }
        }

        var newDocument = document.WithSyntaxRoot(newRoot);
        return await Formatter.FormatAsync(newDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static bool Overlaps(List<TextSpan> touched, IReadOnlyList<TextSpan> spans)
    {
        foreach (var span in spans)
        {
            foreach (var other in touched)
            {
                if (span.OverlapsWith(other) || span == other)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Fix All: every diagnostic of a document through <see cref="FixDocumentAsync"/>.</summary>
    private sealed class DocumentFixAllProvider : DocumentBasedFixAllProvider
    {
        private readonly SafeWritesCodeFixProvider _provider;

        public DocumentFixAllProvider(SafeWritesCodeFixProvider provider) => _provider = provider;

        protected override string GetFixAllTitle(FixAllContext fixAllContext) => _provider.Title;

        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            // Bottom-up so that an outer statement's plan sees the original inner nodes first.
            var ordered = diagnostics.Sort((a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start));
            return await _provider.FixDocumentAsync(document, ordered, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>The edits that fix one diagnostic.</summary>
internal abstract class FixPlan
{
    /// <summary>The original spans the plan replaces or removes (used to skip overlapping plans in Fix All).</summary>
    public abstract IReadOnlyList<TextSpan> Spans { get; }

    /// <summary>The plan writes <c>AtomicFile</c> where <c>using SafeWrites;</c> is not in scope.</summary>
    public bool NeedsSafeWritesImport { get; set; }

    /// <summary>Other namespaces the plan's code needs imported (<c>System.Diagnostics</c> for <c>Stopwatch</c> …).</summary>
    public List<string> OtherImports { get; } = new();

    public abstract void Apply(DocumentEditor editor);
}
