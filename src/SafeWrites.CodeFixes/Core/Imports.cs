using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafeWrites.CodeFixes.Core;

/// <summary>Adds using directives the way a person would: System ones first, then alphabetical, file header kept on top.</summary>
internal static class Imports
{
    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax root, string namespaceName)
    {
        foreach (var existing in root.Usings)
        {
            if (existing.Alias is null && existing.StaticKeyword.IsKind(SyntaxKind.None) && existing.Name?.ToString() == namespaceName)
            {
                return root;
            }
        }

        var endOfLine = Trivia.EndOfLine(root);
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName).WithLeadingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(endOfLine);

        var usings = root.Usings;
        if (usings.Count == 0)
        {
            // Keep a file header (comments) above the new directive, and a blank line below it.
            var firstToken = root.GetFirstToken(includeZeroWidth: true);
            var header = firstToken.LeadingTrivia;
            directive = directive.WithLeadingTrivia(header).WithTrailingTrivia(endOfLine, endOfLine);
            var newRoot = root.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(SyntaxTriviaList.Empty));
            return newRoot.WithUsings(newRoot.Usings.Add(directive));
        }

        var index = usings.Count;
        for (var i = 0; i < usings.Count; i++)
        {
            var name = usings[i].Name?.ToString();
            if (usings[i].Alias is null && usings[i].StaticKeyword.IsKind(SyntaxKind.None) && usings[i].GlobalKeyword.IsKind(SyntaxKind.None)
                && name is not null && Compare(namespaceName, name) < 0)
            {
                index = i;
                break;
            }

            if (usings[i].Alias is not null || !usings[i].StaticKeyword.IsKind(SyntaxKind.None))
            {
                // Aliases and static usings conventionally come last: insert before them.
                index = i;
                break;
            }
        }

        if (index == 0)
        {
            // Move the file header from the old first directive to the new one.
            var first = usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            usings = usings.Replace(first, first.WithLeadingTrivia(SyntaxTriviaList.Empty));
        }

        return root.WithUsings(usings.Insert(index, directive));
    }

    private static int Compare(string left, string right)
    {
        var leftIsSystem = IsSystem(left);
        var rightIsSystem = IsSystem(right);
        if (leftIsSystem != rightIsSystem)
        {
            return leftIsSystem ? -1 : 1;
        }

        return string.Compare(left, right, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
}
