using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using SafeWrites.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SafeWrites.Tests;

/// <summary>A writer killed with SIGKILL at random moments never leaves a torn destination.</summary>
public sealed class CrashTests : IDisposable
{
    private const int Kills = 100;
    private readonly TestDirectory _dir = new();
    private readonly ITestOutputHelper _output;

    public CrashTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Destination_is_always_one_whole_document_after_SIGKILL()
    {
        var documentA = Document("A", 1_200_000);
        var documentB = Document("B", 1_500_000);
        File.WriteAllBytes(_dir.File("a.json"), documentA);
        File.WriteAllBytes(_dir.File("b.json"), documentB);
        var destination = _dir.File("state.json");
        File.WriteAllBytes(destination, documentA);

        var random = new Random(12345);
        var sawA = 0;
        var sawB = 0;
        var watch = Stopwatch.StartNew();
        for (var kill = 0; kill < Kills; kill++)
        {
            using (var child = Child.Start("crash-writer", destination, _dir.File("a.json"), _dir.File("b.json")))
            {
                Assert.Equal("ready", child.ReadLine(TimeSpan.FromSeconds(30)));

                // A random moment in the write loop: each 1.2-1.5 MB durable write takes a few milliseconds.
                Thread.Sleep(random.Next(0, 40));
                child.Kill();
            }

            var bytes = File.ReadAllBytes(destination);
            using (JsonDocument.Parse(bytes))
            {
                // Parsing is the first check; equality with one of the two documents is the second.
            }

            if (bytes.AsSpan().SequenceEqual(documentA))
            {
                sawA++;
            }
            else if (bytes.AsSpan().SequenceEqual(documentB))
            {
                sawB++;
            }
            else
            {
                Assert.Fail($"After kill {kill + 1} the destination ({bytes.Length} bytes) is neither document A ({documentA.Length}) nor B ({documentB.Length}).");
            }
        }

        var leftovers = _dir.TempFiles().Length;
        _output.WriteLine($"{Kills} kills in {watch.Elapsed.TotalSeconds:0.0} s: destination was A {sawA} times, B {sawB} times; {leftovers} temporary files left by killed writers.");

        // Evidence the kills landed in the middle of the loop, not only before it started.
        Assert.True(sawB > 0, "The writer never got to document B before being killed.");
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>A compact JSON document (as the child's serializer writes it) of about <paramref name="size"/> bytes.</summary>
    private static byte[] Document(string name, int size)
    {
        var items = Enumerable.Range(0, size / 40).Select(i => $"{name}-{i:D8}-{new string(name[0], 20)}").ToArray();
        using var parsed = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(new { name, items }));
        return JsonSerializer.SerializeToUtf8Bytes(parsed.RootElement);
    }
}
