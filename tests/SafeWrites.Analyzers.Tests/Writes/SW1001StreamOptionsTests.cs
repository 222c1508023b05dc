using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Verifier = SafeWrites.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafeWrites.Analyzers.Writes.FileOverwrittenInPlaceAnalyzer>;

namespace SafeWrites.Analyzers.Tests.Writes;

/// <summary>SW1001 — a <c>FileStreamOptions</c> built away from the open counts with the mode it has at the open; unknown is not reported.</summary>
public class SW1001StreamOptionsTests
{
    [Fact]
    public Task Options_in_a_field_or_property_set_to_Create_elsewhere_are_reported()
        => Verify("""
            using System.IO;

            public sealed class Exporter
            {
                private readonly FileStreamOptions _options = new() { Access = FileAccess.Write };
                private static FileStreamOptions Truncating { get; } = new() { Mode = FileMode.Truncate, Access = FileAccess.Write };
                private static FileStreamOptions Fresh => new() { Mode = FileMode.Create, Access = FileAccess.Write };

                public Exporter(long size)
                {
                    _options.Mode = FileMode.Create;
                    _options.PreallocationSize = size;
                }

                public void Export(string path, byte[] data)
                {
                    using var a = {|SW1001:new FileStream(path, _options)|};
                    a.Write(data);
                    using var b = {|SW1001:new FileStream(path, Truncating)|};
                    b.Write(data);
                    using var c = {|SW1001:new FileStream(path, Fresh)|};
                    c.Write(data);
                }
            }
            """);

    [Fact]
    public Task Local_options_whose_mode_is_set_after_the_initializer_are_reported()
        => Verify("""
            using System.IO;

            static class Dump
            {
                public static void Write(string path, byte[] data)
                {
                    var options = new FileStreamOptions { Access = FileAccess.Write };
                    options.Mode = FileMode.Create;
                    using var file = {|SW1001:new FileStream(path, options)|};
                    file.Write(data);
                }
            }
            """);

    [Fact]
    public Task Options_whose_mode_at_the_open_is_unknown_or_appends_are_not_reported()
        => Verify("""
            using System.IO;

            public sealed class Sink
            {
                private readonly FileStreamOptions _options = new() { Mode = FileMode.Append, Access = FileAccess.Write };
                private FileStreamOptions _chosen = new() { Mode = FileMode.CreateNew, Access = FileAccess.Write };

                public void Overwrite() => _chosen = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };

                public void Write(string path, byte[] data, bool fresh)
                {
                    using (var a = new FileStream(path, _options))
                    {
                        a.Write(data);
                    }

                    using (var b = new FileStream(path, _chosen))
                    {
                        b.Write(data);
                    }

                    var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
                    if (fresh)
                    {
                        options.Mode = FileMode.Create;
                    }

                    using var c = new FileStream(path, options);
                    c.Write(data);

                    // Defaults only (Open, Read), set nowhere: not a write.
                    var plain = new FileStreamOptions();
                    using var d = new FileStream(path, plain);
                    d.ReadByte();
                }
            }
            """);

    private static Task Verify(string source) => Verifier.VerifyAnalyzerAsync(source, OutputKind.DynamicallyLinkedLibrary, Sw1001Scope.All);
}
