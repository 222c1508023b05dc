using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SafeWrites.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SafeWrites.Tests;

/// <summary>Processes racing read-modify-write under FileLock lose no update; readers never see a torn file.</summary>
public sealed class RaceTests : IDisposable
{
    private const int Processes = 8;
    private const int Increments = 250;
    private readonly TestDirectory _dir = new();
    private readonly ITestOutputHelper _output;

    public RaceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Eight_processes_times_250_locked_increments_end_at_2000_with_no_torn_reads()
    {
        var data = _dir.File("counter.json");
        var children = Enumerable.Range(0, Processes)
            .Select(_ => Child.Start("counter", data, Increments.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        var reads = 0;
        var torn = new List<string>();
        var done = Task.Run(() =>
        {
            foreach (var child in children)
            {
                Assert.Equal(0, child.WaitForExit(TimeSpan.FromMinutes(3)));
            }
        });

        // An unlocked reader: every read it makes must parse.
        while (!done.IsCompleted)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(data);
            }
            catch (FileNotFoundException)
            {
                continue; // before the first write
            }
            catch (EndOfStreamException e)
            {
                // The file shrank while being read: a torn read.
                reads++;
                torn.Add("read: " + e.Message);
                continue;
            }

            reads++;
            try
            {
                using var document = JsonDocument.Parse(bytes);
                _ = document.RootElement.GetProperty("Value").GetInt32();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                torn.Add($"{bytes.Length} bytes: {e.Message}");
            }

            Thread.Sleep(1); // leave the two cores to the writers
        }

        await done;
        foreach (var child in children)
        {
            child.Dispose();
        }

        using var final = JsonDocument.Parse(File.ReadAllBytes(data));
        var writers = final.RootElement.GetProperty("Writers").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        _output.WriteLine($"final {final.RootElement.GetProperty("Value").GetInt32()}, {reads} unlocked reads, {torn.Count} torn, {writers.Count} writer processes seen");

        Assert.Empty(torn);
        Assert.True(reads > 0, "The reader never managed a read.");
        Assert.Equal(Processes * Increments, final.RootElement.GetProperty("Value").GetInt32());
        Assert.Equal(Processes, writers.Count);
    }

    public void Dispose() => _dir.Dispose();
}
