using System.Threading.Tasks;
using Xunit;
using Verify = SafeWrites.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SafeWrites.Analyzers.Writes.TempMovedFromOtherDirectoryAnalyzer,
    SafeWrites.CodeFixes.Writes.TempMovedFromOtherDirectoryCodeFixProvider>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1003 fix "Create the temporary file beside the destination": each fixed output compiles and is silent (Fix All included).</summary>
public class SW1003CodeFixTests
{
    [Fact]
    public Task Temp_file_moves_beside_a_parameter_destination()
        => Verify.VerifyCodeFixAsync(
            """
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var temp = Path.GetTempFileName(); // scratch file
                    File.WriteAllText(temp, text);
                    {|SW1003:File.Move(temp, path, true)|};
                }
            }
            """,
            """
            using System.IO;

            class Settings
            {
                public void Save(string path, string text)
                {
                    var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)), Path.GetRandomFileName()); // scratch file
                    File.WriteAllText(temp, text);
                    File.Move(temp, path, true);
                }
            }
            """);

    [Fact]
    public Task Field_destinations_in_a_nullable_context_get_the_suppression_and_Fix_All_fixes_both()
        => Verify.VerifyCodeFixAsync(
            """
            #nullable enable
            using System.IO;

            class Store
            {
                private readonly string _path = "store.json";

                public void Save(byte[] data)
                {
                    string temp = Path.GetTempFileName();
                    File.WriteAllBytes(temp, data);
                    {|SW1003:File.Replace(temp, _path, null)|};
                }

                public void SaveLines(string[] lines, string target)
                {
                    var temp = Path.GetTempFileName();
                    File.WriteAllLines(temp, lines);
                    {|SW1003:File.Move(temp, target, true)|};
                }
            }
            """,
            """
            #nullable enable
            using System.IO;

            class Store
            {
                private readonly string _path = "store.json";

                public void Save(byte[] data)
                {
                    string temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_path))!, Path.GetRandomFileName());
                    File.WriteAllBytes(temp, data);
                    File.Replace(temp, _path, null);
                }

                public void SaveLines(string[] lines, string target)
                {
                    var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, Path.GetRandomFileName());
                    File.WriteAllLines(temp, lines);
                    File.Move(temp, target, true);
                }
            }
            """);

    [Fact]
    public Task A_destination_computed_at_the_move_gets_no_fix()
        => Verify.VerifyNoFixAsync("""
            using System.IO;

            class Settings
            {
                public void Save(string folder, string text)
                {
                    var temp = Path.GetTempFileName();
                    File.WriteAllText(temp, text);
                    {|SW1003:File.Move(temp, Path.Combine(folder, "settings.json"), true)|};
                }
            }
            """);

    [Fact]
    public Task A_temp_file_appended_to_gets_no_fix()
        => Verify.VerifyNoFixAsync("""
            using System.IO;

            class Journal
            {
                public void Save(string path, string text)
                {
                    var temp = Path.GetTempFileName();
                    File.AppendAllText(temp, text);
                    {|SW1003:File.Move(temp, path, true)|};
                }
            }
            """);
}
