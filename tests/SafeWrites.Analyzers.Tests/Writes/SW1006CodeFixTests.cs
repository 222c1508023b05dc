using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Writes.FixedTempFileNameAnalyzer,
    SafeWrites.CodeFixes.Writes.FixedTempFileNameCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1006 fix "Make the temporary name unique": each fixed output compiles and is silent (Fix All included).</summary>
public class SW1006CodeFixTests
{
    [Fact]
    public Task Constant_suffix_gets_a_new_guid_and_System_is_imported()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    // beside the destination
                    var tmp = {|SW1006:path + ".tmp"|};
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """,
            """
            using System;
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    // beside the destination
                    var tmp = path + ".tmp" + "." + Guid.NewGuid().ToString("N");
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task Interpolated_and_ChangeExtension_names_are_fixed_together_by_Fix_All()
        => Verify.VerifyCodeFixAsync(
            """
            using System;
            using System.IO;

            class Settings
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = {|SW1006:$"{path}.tmp"|};
                    File.WriteAllBytes(tmp, data);
                    File.Replace(tmp, path, null);
                }

                public void SaveText(string path, string text)
                {
                    string tmp = {|SW1006:Path.ChangeExtension(path, ".tmp")|};
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """,
            """
            using System;
            using System.IO;

            class Settings
            {
                public void Save(string path, byte[] data)
                {
                    var tmp = $"{path}.tmp" + "." + Guid.NewGuid().ToString("N");
                    File.WriteAllBytes(tmp, data);
                    File.Replace(tmp, path, null);
                }

                public void SaveText(string path, string text)
                {
                    string tmp = Path.ChangeExtension(path, ".tmp") + "." + Guid.NewGuid().ToString("N");
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);

    [Fact]
    public Task A_name_assigned_later_gets_no_fix()
        => Verify.VerifyNoFixAsync("""
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    string tmp;
                    tmp = {|SW1006:path + ".tmp"|};
                    File.WriteAllText(tmp, text);
                    File.Move(tmp, path, true);
                }
            }
            """);
}
