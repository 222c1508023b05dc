using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SafeWrites.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SafeWrites.Tests;

/// <summary>Processes sharing one JsonFileStore document lose no update, and unlocked readers never see a torn file.</summary>
public sealed class StoreRaceTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly ITestOutputHelper _output;

    public StoreRaceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Eight_processes_times_150_Updates_end_at_1200_while_an_unlocked_reader_parses_every_read()
    {
        const int Processes = 8;
        const int Updates = 150;
        var data = _dir.File("counter.json");
        var children = StartAll(Processes, "store-update", data, Updates);
        var done = Task.Run(() => children.ForEach(c => Assert.Equal(0, c.WaitForExit(TimeSpan.FromMinutes(4)))));

        // Readers use the same store type, unlocked: every read must parse.
        var reader = new JsonFileStore<Counter>(data, new JsonFileStoreOptions<Counter> { CreateDefault = () => new Counter() });
        var reads = 0;
        var torn = new List<string>();
        var last = 0;
        while (!done.IsCompleted)
        {
            try
            {
                var value = reader.Read().Value;
                reads++;
                if (value < last)
                {
                    torn.Add($"went back from {last} to {value}");
                }

                last = value;
            }
            catch (JsonException e)
            {
                reads++;
                torn.Add(e.Message);
            }

            Thread.Sleep(1); // leave the two cores to the writers
        }

        await done;
        children.ForEach(c => c.Dispose());
        var final = reader.Read();
        _output.WriteLine($"final {final.Value}, {reads} unlocked reads, {torn.Count} torn, {final.Writers.Count} writer processes seen");

        Assert.Empty(torn);
        Assert.True(reads > 0, "The reader never managed a read.");
        Assert.Equal(Processes * Updates, final.Value);
        Assert.Equal(Processes, final.Writers.Count);
        Assert.Empty(_dir.TempFiles());
    }

    [Fact]
    public async Task Four_processes_times_100_optimistic_TryReplace_loops_end_at_400()
    {
        const int Processes = 4;
        const int Increments = 100;
        var data = _dir.File("counter.json");
        var children = StartAll(Processes, "store-optimistic", data, Increments);
        var conflicts = await Task.Run(() => children.Select(c =>
        {
            var line = c.ReadLine(TimeSpan.FromMinutes(4));
            Assert.Equal(0, c.WaitForExit(TimeSpan.FromMinutes(1)));
            Assert.StartsWith("conflicts ", line, StringComparison.Ordinal);
            return int.Parse(line["conflicts ".Length..], CultureInfo.InvariantCulture);
        }).ToList());
        children.ForEach(c => c.Dispose());

        var final = new JsonFileStore<Counter>(data).Read();
        _output.WriteLine($"final {final.Value}, conflicts retried per process: {string.Join(", ", conflicts)}");
        Assert.Equal(Processes * Increments, final.Value);
        Assert.Equal(Processes, final.Writers.Count);
    }

    public void Dispose() => _dir.Dispose();

    private static List<Child> StartAll(int processes, string mode, string data, int count) =>
        Enumerable.Range(0, processes)
            .Select(_ => Child.Start(mode, data, count.ToString(CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The child's document (its padding is read and ignored).</summary>
    public sealed class Counter
    {
        public int Value { get; set; }

        public HashSet<int> Writers { get; set; } = new();
    }
}
