using SafeWrites.Analyzers.Waits;

namespace SafeWrites.Analyzers.Core;

/// <summary>Every diagnostic id of SafeWrites, in one place.</summary>
/// <remarks>SW1xxx write safety, SW2xxx locking and time, SW3xxx state and durability of saves.</remarks>
internal static class RuleIdentifiers
{
    public const string FileOverwrittenInPlace = "SW1001";
    public const string JsonSerializedInPlace = "SW1002";

    // Temp-then-rename publishing (SW1003–SW1006)
    public const string TempMovedFromOtherDirectory = "SW1003";
    public const string DestinationRemovedBeforeMove = "SW1004";
    public const string RenamedWithoutFlush = "SW1005";
    public const string FixedTempFileName = "SW1006";

    // Clocks and waits (SW2001, SW2002)
    public const string WallClockTimeout = "SW2001";
    public const string HandRolledLockFile = "SW2002";
    public const string InProcessLockGuardsSharedFile = "SW2003";
    // Saves (SW3001)
    public const string StateResetBeforeSave = "SW3001";
}

/// <summary>Diagnostic categories (rules.md: Reliability for SW1/SW3, Concurrency for SW2).</summary>
internal static class RuleCategories
{
    public const string Reliability = "Reliability";
    public const string Concurrency = "Concurrency";
}
