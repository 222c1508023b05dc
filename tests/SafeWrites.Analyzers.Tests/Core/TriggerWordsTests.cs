using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SafeWrites.Analyzers.Core;
using Xunit;

namespace SafeWrites.Analyzers.Tests.Core;

/// <summary>The families' cheapest filter finds exactly the parser's tokens, wherever the text holds the word.</summary>
public class TriggerWordsTests
{
    private const string Source = """
        // WriteAllText in a comment
        class C
        {
            string s = "WriteAllText in a string";
            int WriteAllTextCount;
            void M(string @WriteAllText)
            {
                System.IO.File.WriteAllText("a", "b");
                var wait = WaitOne() + WaitAll() + 0L + 10 + 1.0;
                var e = "";
            }
        }
        """;

    private static SyntaxTree Tree() => CSharpSyntaxTree.ParseText(Source);

    private static string[] Found(TriggerWords words, SyntaxTree tree)
        => words.In(tree).TokensIn(tree.GetRoot().FullSpan).Select(t => t.Text).ToArray();

    [Fact]
    public void A_word_is_found_as_a_token_only()
    {
        var tree = Tree();
        Assert.Equal(new[] { "@WriteAllText", "WriteAllText" }, Found(new TriggerWords(new[] { "WriteAllText" }), tree));
    }

    [Fact]
    public void A_keyword_and_a_missing_word()
    {
        var tree = Tree();
        Assert.Equal(new[] { "class" }, Found(new TriggerWords(new[] { "class", "NotThere" }), tree));
        Assert.False(new TriggerWords(new[] { "NotThere" }).AnyIn(tree.GetRoot()));
    }

    [Fact]
    public void Prefixes_find_tokens_that_begin_with_them()
    {
        var tree = Tree();
        var waits = new TriggerWords(new string[0], new[] { "Wait" }, token => token.ValueText != "WaitAll");
        Assert.Equal(new[] { "WaitOne" }, Found(waits, tree));

        var zeros = new TriggerWords(new string[0], new[] { "0", "\"\"" }, _ => true);
        Assert.Equal(new[] { "0L", "\"\"" }, Found(zeros, tree));
    }

    [Fact]
    public void Each_tree_is_searched_on_its_own()
    {
        var words = new TriggerWords(new[] { "Other" });
        var other = CSharpSyntaxTree.ParseText("class Other { }");
        Assert.True(words.AnyIn(other.GetRoot()));
        Assert.False(words.AnyIn(Tree().GetRoot()));
    }

    [Fact]
    public void Methods_naming_a_word_in_their_body_are_found_once_each()
    {
        var tree = CSharpSyntaxTree.ParseText("""
            class D
            {
                void InSignature(Flush f) { }
                void Twice() { Flush(); Flush(); }
                int Arrow() => Flush();
                void Local() { void Inner() => Flush(); }
                void Comment() { /* Flush */ }
                int Flush() => 0;
            }
            """);
        var names = new TriggerWords(new[] { "Flush" }).MethodsNaming(new[] { tree }).Select(m => m.Method.Identifier.Text).ToArray();
        Assert.Equal(new[] { "Twice", "Arrow", "Local" }, names);
    }
}
