using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Resets.StateResetBeforeSaveAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Resets;

/// <summary>
/// SW3001 for every marker kind (rules.md: false, 0, 0L, null, string.Empty, "", default, Clear(), = new(), = [],
/// a property, a reset-only method) in every reported shape, and the same kinds left alone where the reset waits
/// for the save.
/// </summary>
public class SW3001MarkerKindsAndShapesTests
{
    /// <summary>Marker kind: its declaration, how a change raises it, the reset, and a guard that exits while it is empty.</summary>
    private static readonly Dictionary<string, (string Declaration, string Raise, string Reset, string Guard)> Kinds = new()
    {
        ["false"] = ("private bool _m;", "_m = true;", "_m = false;", "if (!_m) return;"),
        ["0"] = ("private int _m;", "_m++;", "_m = 0;", "if (_m == 0) return;"),
        ["0L"] = ("private long _m;", "_m += s.Length;", "_m = 0L;", "if (_m <= 0) return;"),
        ["null"] = ("private string? _m;", "_m = s;", "_m = null;", "if (_m is null) return;"),
        ["string.Empty"] = ("private string _m = \"\";", "_m += s;", "_m = string.Empty;", "if (_m.Length == 0) return;"),
        ["\"\""] = ("private string _m = \"\";", "_m += s;", "_m = \"\";", "if (string.IsNullOrEmpty(_m)) return;"),
        ["default"] = ("private DateTime? _m;", "_m ??= DateTime.UtcNow;", "_m = default;", "if (_m == null) return;"),
        ["Clear()"] = ("private readonly List<string> _m = new();", "_m.Add(s);", "_m.Clear();", "if (_m.Count == 0) return;"),
        ["= new()"] = ("private List<string> _m = new();", "_m.Add(s);", "_m = new();", "if (_m.Count == 0) return;"),
        ["= []"] = ("private List<string> _m = new();", "_m.Add(s);", "_m = [];", "if (!_m.Any()) return;"),
        ["property"] = ("private bool M { get; set; }", "M = true;", "M = false;", "if (M == false) return;"),
        ["MarkClean()"] = ("private int _m; private void MarkClean() { _m = 0; }", "_m += 1;", "MarkClean();", "if (_m < 1) return;"),
    };

    /// <summary>Reported shapes: <c>RESET</c> is where the marked reset goes, <c>SAVE</c> the save.</summary>
    private static readonly Dictionary<string, string> ReportedShapes = new()
    {
        ["reset then save"] = "RESET\n        SAVE",
        ["reset then awaited save in try"] = "RESET\n        try { await SAVEASYNC; } catch (IOException) { throw; }",
        ["reset in finally"] = "try { SAVE } finally { RESET }",
        ["reset after swallowing catch"] = "try { SAVE } catch (IOException e) { Console.WriteLine(e); }\n        RESET",
        ["reset in swallowing catch"] = "try { SAVE } catch (IOException) { RESET }",
    };

    /// <summary>Shapes left alone.</summary>
    private static readonly Dictionary<string, string> QuietShapes = new()
    {
        ["reset after the save in try"] = "try { SAVE RESET } catch (IOException e) { Console.WriteLine(e); }",
        ["reset after a try whose catch rethrows"] = "try { SAVE } catch (IOException) { throw; }\n        RESET",
        ["reset after the awaited save"] = "await SAVEASYNC;\n        RESET",
        ["reset with exit before the save"] = "if (DateTime.Now.Year > 3000) { RESET return; }\n        SAVE",
    };

    public static IEnumerable<object[]> ReportedCases => Kinds.Keys.SelectMany(kind => ReportedShapes.Keys.Select(shape => new object[] { kind, shape }));

    public static IEnumerable<object[]> QuietCases => Kinds.Keys.SelectMany(kind => QuietShapes.Keys.Select(shape => new object[] { kind, shape }));

    [Theory]
    [MemberData(nameof(ReportedCases))]
    public Task Every_marker_kind_is_reported_in_every_shape(string kind, string shape)
        => Verify.VerifyAnalyzerAsync(Source(Kinds[kind], ReportedShapes[shape], markReset: true));

    [Theory]
    [MemberData(nameof(QuietCases))]
    public Task Every_marker_kind_is_left_alone_when_the_reset_waits_for_the_save(string kind, string shape)
        => Verify.VerifyAnalyzerAsync(Source(Kinds[kind], QuietShapes[shape], markReset: false));

    private static string Source((string Declaration, string Raise, string Reset, string Guard) kind, string shape, bool markReset)
    {
        var body = shape
            .Replace("RESET", markReset ? "{|SW3001:" + kind.Reset + "|}" : kind.Reset)
            .Replace("SAVEASYNC", "File.WriteAllTextAsync(\"state.txt\", _data)")
            .Replace("SAVE", "File.WriteAllText(\"state.txt\", _data);");
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            public sealed class Store
            {
                private string _data = "";
                {{kind.Declaration}}

                public void Change(string s)
                {
                    _data = s;
                    {{kind.Raise}}
                }

                public async Task PersistAsync()
                {
                    {{kind.Guard}}
                    {{body}}
                }
            }
            """;
    }
}
