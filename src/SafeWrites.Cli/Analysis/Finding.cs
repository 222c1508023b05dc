using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeWrites.Cli.Analysis;

/// <summary>One diagnostic as the tool reports it: where (relative to the scanned root), how severe, and its baseline key.</summary>
internal sealed record Finding(
    Diagnostic Diagnostic,
    string FullPath,
    string RelativePath,
    string Member,
    string LineText)
{
    public string RuleId => Diagnostic.Id;

    public DiagnosticSeverity Severity => Diagnostic.Severity;

    public string Message => Diagnostic.GetMessage(CultureInfo.InvariantCulture);

    public FileLinePositionSpan Span => Diagnostic.Location.GetLineSpan();

    /// <summary>1-based line and column, as compilers print them.</summary>
    public int Line => Span.StartLinePosition.Line + 1;

    public int Column => Span.StartLinePosition.Character + 1;

    public int EndLine => Span.EndLinePosition.Line + 1;

    public int EndColumn => Span.EndLinePosition.Character + 1;

    /// <summary>What identifies the finding across edits elsewhere in its file: rule, file, containing member and the line's text.</summary>
    public string BaselineKey => Key(RuleId, RelativePath, Member, LineText);

    public static string Key(string rule, string file, string member, string text) => string.Join("|", rule, file, member, text);

    public static Finding Create(Diagnostic diagnostic, string root)
    {
        var tree = diagnostic.Location.SourceTree!;
        var fullPath = tree.FilePath;
        var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        var line = tree.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString();
        return new Finding(diagnostic, fullPath, relative, ContainingMember(tree.GetRoot(), diagnostic.Location.SourceSpan.Start), Normalize(line));
    }

    /// <summary>Whitespace runs become one space, ends trimmed: re-indenting a line keeps its key.</summary>
    public static string Normalize(string line) => Regex.Replace(line.Trim(), @"\s+", " ");

    /// <summary>Type and member names around a position, outermost first (e.g. `Store.Save`); empty at top level.</summary>
    private static string ContainingMember(SyntaxNode root, int position)
    {
        var names = new List<string>();
        for (var node = root.FindToken(position).Parent; node is not null; node = node.Parent)
        {
            var name = node switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.Text,
                DelegateDeclarationSyntax d => d.Identifier.Text,
                MethodDeclarationSyntax method => method.Identifier.Text,
                ConstructorDeclarationSyntax => ".ctor",
                DestructorDeclarationSyntax => "Finalize",
                PropertyDeclarationSyntax property => property.Identifier.Text,
                IndexerDeclarationSyntax => "this[]",
                EventDeclarationSyntax e => e.Identifier.Text,
                OperatorDeclarationSyntax op => "operator " + op.OperatorToken.Text,
                ConversionOperatorDeclarationSyntax conversion => "operator " + conversion.Type,
                BaseFieldDeclarationSyntax field => field.Declaration.Variables.FirstOrDefault()?.Identifier.Text,
                LocalFunctionStatementSyntax local => local.Identifier.Text,
                _ => null,
            };
            if (name is not null)
            {
                names.Add(name);
            }
        }

        names.Reverse();
        return string.Join(".", names);
    }
}
