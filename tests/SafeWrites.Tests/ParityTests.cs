using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using SafeWrites.Tests.Infrastructure;
using Xunit;

namespace SafeWrites.Tests;

/// <summary>AtomicFile.WriteAll* produce byte-for-byte what File.WriteAll* produce.</summary>
public sealed class ParityTests : System.IDisposable
{
    private readonly TestDirectory _dir = new();

    public static TheoryData<string, string> Texts() => new()
    {
        { "ascii", "hello, world\n" },
        { "empty", string.Empty },
        { "unicode", "Grüße, 世界! 🎉 \u00e9\r\n tab\t" },
        { "large", string.Concat(Enumerable.Repeat("0123456789abcdef€ ", 40_000)) },
    };

    public static TheoryData<string> Encodings() => new() { "default", "utf8-bom", "utf16-le-bom", "latin1" };

    [Theory]
    [MemberData(nameof(Texts))]
    public void WriteAllText_default_encoding_matches_File(string name, string text)
    {
        File.WriteAllText(_dir.File("expected"), text);
        AtomicFile.WriteAllText(_dir.File("actual"), text);

        AssertSameBytes(name);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task WriteAllText_with_encoding_matches_File_sync_and_async(string encodingName)
    {
        var text = "Grüße, 世界! 🎉 line\nnext";
        if (encodingName == "default")
        {
            File.WriteAllText(_dir.File("expected"), text);
            AtomicFile.WriteAllText(_dir.File("actual"), text);
            await AtomicFile.WriteAllTextAsync(_dir.File("actual-async"), text);
        }
        else
        {
            var encoding = EncodingFor(encodingName);
            File.WriteAllText(_dir.File("expected"), text, encoding);
            AtomicFile.WriteAllText(_dir.File("actual"), text, encoding);
            await AtomicFile.WriteAllTextAsync(_dir.File("actual-async"), text, encoding);
        }

        AssertSameBytes(encodingName);
        Assert.Equal(File.ReadAllBytes(_dir.File("expected")), File.ReadAllBytes(_dir.File("actual-async")));
    }

    [Fact]
    public void Default_encoding_has_no_byte_order_mark_and_a_bom_encoding_has_one()
    {
        AtomicFile.WriteAllText(_dir.File("plain"), "é");
        AtomicFile.WriteAllText(_dir.File("bom"), "é", Encoding.UTF8);

        Assert.Equal(new byte[] { 0xC3, 0xA9 }, File.ReadAllBytes(_dir.File("plain")));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, 0xC3, 0xA9 }, File.ReadAllBytes(_dir.File("bom")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(3 * 1024 * 1024 + 7)]
    public async Task WriteAllBytes_matches_File_sync_and_async(int length)
    {
        var bytes = new byte[length];
        new System.Random(length).NextBytes(bytes);

        File.WriteAllBytes(_dir.File("expected"), bytes);
        AtomicFile.WriteAllBytes(_dir.File("actual"), bytes);
        await AtomicFile.WriteAllBytesAsync(_dir.File("actual-async"), bytes);

        AssertSameBytes(length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(bytes, File.ReadAllBytes(_dir.File("actual-async")));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task WriteAllLines_matches_File_for_arrays_enumerables_and_async(string encodingName)
    {
        string[] lines = { "first", string.Empty, "Grüße 🎉", "last" };
        IEnumerable<string> Lazy() => lines.Select(l => l);
        if (encodingName == "default")
        {
            File.WriteAllLines(_dir.File("expected"), lines);
            AtomicFile.WriteAllLines(_dir.File("actual"), lines);
            AtomicFile.WriteAllLines(_dir.File("actual-enum"), Lazy());
            await AtomicFile.WriteAllLinesAsync(_dir.File("actual-async"), Lazy());
        }
        else
        {
            var encoding = EncodingFor(encodingName);
            File.WriteAllLines(_dir.File("expected"), lines, encoding);
            AtomicFile.WriteAllLines(_dir.File("actual"), lines, encoding);
            AtomicFile.WriteAllLines(_dir.File("actual-enum"), Lazy(), encoding);
            await AtomicFile.WriteAllLinesAsync(_dir.File("actual-async"), Lazy(), encoding);
        }

        AssertSameBytes(encodingName);
        var expected = File.ReadAllBytes(_dir.File("expected"));
        Assert.Equal(expected, File.ReadAllBytes(_dir.File("actual-enum")));
        Assert.Equal(expected, File.ReadAllBytes(_dir.File("actual-async")));
    }

    [Fact]
    public void WriteAllLines_with_no_lines_matches_File()
    {
        File.WriteAllLines(_dir.File("expected"), System.Array.Empty<string>(), Encoding.UTF8);
        AtomicFile.WriteAllLines(_dir.File("actual"), System.Array.Empty<string>(), Encoding.UTF8);

        AssertSameBytes("no lines");
    }

    public void Dispose() => _dir.Dispose();

    private static Encoding EncodingFor(string name) => name switch
    {
        "utf8-bom" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        "utf16-le-bom" => Encoding.Unicode,
        "latin1" => Encoding.Latin1,
        _ => throw new System.ArgumentOutOfRangeException(nameof(name)),
    };

    private void AssertSameBytes(string because)
    {
        var expected = File.ReadAllBytes(_dir.File("expected"));
        var actual = File.ReadAllBytes(_dir.File("actual"));
        Assert.True(expected.AsSpan().SequenceEqual(actual.AsSpan()), $"{because}: File wrote {expected.Length} bytes, AtomicFile {actual.Length}.");
    }
}
