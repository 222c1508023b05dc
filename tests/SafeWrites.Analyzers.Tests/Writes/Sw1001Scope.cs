namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>The two values of SW1001's scope option as <c>.globalconfig</c> texts, for tests that set it.</summary>
internal static class Sw1001Scope
{
    /// <summary>Every in-place write (the strict preset's choice): tests of API coverage and of the fix use it, since they are about the write, not about which files are state.</summary>
    public const string All = "is_global = true\nsafewrites.sw1001.scope = all\n";

    /// <summary>Only files shown to be kept state (the default, written out).</summary>
    public const string State = "is_global = true\nsafewrites.sw1001.scope = state\n";
}
