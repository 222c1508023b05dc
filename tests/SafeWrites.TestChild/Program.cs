// A child process for the runtime tests. Modes (first argument):
//   crash-writer <destination> <documentA> <documentB>  alternately writes the two JSON documents with
//                                                       AtomicFile.WriteJson until it is killed
//   counter <data> <increments>                         FileLock + ReadJson + WriteJson increments of one counter
//   hold <lockPath>                                     takes the FileLock, prints "locked <pid>", waits until killed
//                                                       or stdin closes
//   store-update <data> <updates>                       JsonFileStore.Update increments of one counter
//   store-optimistic <data> <increments>                ReadVersioned + TryReplace increments, retried on conflict;
//                                                       prints "conflicts <n>"
//   no-reflection <data>                                 with reflection-based JSON turned off (as trimmed/AOT apps
//                                                       have it): prints what a store without and with TypeInfo does
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using SafeWrites;

switch (args.Length > 0 ? args[0] : string.Empty)
{
    case "crash-writer":
        return CrashWriter(args[1], args[2], args[3]);
    case "counter":
        return Counter(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    case "hold":
        return Hold(args[1]);
    case "store-update":
        return StoreUpdate(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    case "no-reflection":
        return NoReflection(args[1]);
    case "store-optimistic":
        return StoreOptimistic(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    default:
        Console.Error.WriteLine("usage: SafeWrites.TestChild crash-writer|counter|hold|store-update|store-optimistic ...");
        return 2;
}

static int CrashWriter(string destination, string documentA, string documentB)
{
    using var a = JsonDocument.Parse(File.ReadAllBytes(documentA));
    using var b = JsonDocument.Parse(File.ReadAllBytes(documentB));
    var next = a.RootElement;
    for (var i = 0; ; i++)
    {
        AtomicFile.WriteJson(destination, next);
        if (i == 0)
        {
            Console.WriteLine("ready");
            Console.Out.Flush();
        }

        next = i % 2 == 0 ? b.RootElement : a.RootElement;
    }
}

static int Counter(string data, int increments)
{
    var lockPath = FileLock.PathFor(data);
    for (var i = 0; i < increments; i++)
    {
        using var held = FileLock.Acquire(lockPath, TimeSpan.FromSeconds(60));
        var state = AtomicFile.TryReadJson<CounterState>(data, out var current) && current is not null ? current : new CounterState();
        state.Value++;
        state.Writers.Add(Environment.ProcessId);
        AtomicFile.WriteJson(data, state);
    }

    return 0;
}

static JsonFileStore<CounterState> CounterStore(string data) =>
    new(data, new JsonFileStoreOptions<CounterState> { CreateDefault = () => new CounterState(), LockTimeout = TimeSpan.FromSeconds(60) });

static int StoreUpdate(string data, int updates)
{
    var store = CounterStore(data);
    for (var i = 0; i < updates; i++)
    {
        store.Update(state =>
        {
            state.Value++;
            state.Writers.Add(Environment.ProcessId);
            return state;
        });
    }

    return 0;
}

static int StoreOptimistic(string data, int increments)
{
    var store = CounterStore(data);
    var conflicts = 0;
    for (var i = 0; i < increments; i++)
    {
        while (true)
        {
            var (state, version) = store.ReadVersioned();
            state.Value++; // the "slow computation", outside the lock
            state.Writers.Add(Environment.ProcessId);
            if (store.TryReplace(state, version))
            {
                break;
            }

            conflicts++;
        }
    }

    Console.WriteLine("conflicts " + conflicts.ToString(System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

static int NoReflection(string data)
{
    // Must run before System.Text.Json reads the switch (its first use in this process).
    AppContext.SetSwitch("System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault", false);
    try
    {
        _ = new JsonFileStore<CounterState>(data);
        Console.WriteLine("without TypeInfo: constructed");
    }
    catch (InvalidOperationException e)
    {
        Console.WriteLine("without TypeInfo: " + e.Message);
    }

    var store = new JsonFileStore<CounterState>(data, new JsonFileStoreOptions<CounterState>
    {
        TypeInfo = ChildJson.Default.CounterState,
        CreateDefault = () => new CounterState(),
    });
    var written = store.Update(state =>
    {
        state.Value++;
        return state;
    });
    Console.WriteLine("with TypeInfo: value " + written.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

static int Hold(string lockPath)
{
    using var held = FileLock.Acquire(lockPath, TimeSpan.FromSeconds(30));
    Console.WriteLine("locked " + Environment.ProcessId);
    Console.Out.Flush();

    // Until the test kills us, or closes our stdin to let us release normally.
    Console.In.ReadToEnd();
    return 0;
}

/// <summary>The shared counter. The padding makes each write large, so a torn read would be visible.</summary>
internal sealed class CounterState
{
    public int Value { get; set; }

    public HashSet<int> Writers { get; set; } = new();

    public string Padding { get; set; } = new string('x', 256 * 1024);
}

/// <summary>Source-generated metadata, for the no-reflection mode.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(CounterState))]
internal sealed partial class ChildJson : System.Text.Json.Serialization.JsonSerializerContext
{
}
