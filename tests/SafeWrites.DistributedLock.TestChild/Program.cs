// A child process for the SafeWrites.DistributedLock tests. Modes (first argument):
//   counter <connectionString> <data> <updates> [async]
//                                                increments a JSON counter <updates> times with
//                                                JsonFileStore.Update (or UpdateAsync) through the PostgreSQL lock
//   hold <connectionString> <data>               takes the lock for <data>, prints "locked", holds it until
//                                                killed or until stdin closes
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using Medallion.Threading.Postgres;
using SafeWrites;
using SafeWrites.DistributedLock;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: SafeWrites.DistributedLock.TestChild counter|hold <connectionString> <data> [updates]");
    return 2;
}

var provider = new DistributedLockProvider(new PostgresDistributedSynchronizationProvider(args[1]));
var data = args[2];
switch (args[0])
{
    case "counter":
        var updates = int.Parse(args[3], CultureInfo.InvariantCulture);
        // Not durable: the test is about the lock and torn reads (the rename is atomic either way), and 400 fsyncs
        // on a loaded CI machine would take a minute.
        var store = new JsonFileStore<CounterState>(data, new()
        {
            LockProvider = provider,
            CreateDefault = () => new CounterState(),
            LockTimeout = TimeSpan.FromSeconds(60),
            WriteOptions = new AtomicWriteOptions { Durable = false },
        });
        for (var i = 0; i < updates; i++)
        {
            // A torn document would make the store's read throw and fail the child (exit code != 0).
            if (args.Length > 4 && args[4] == "async")
            {
                await store.UpdateAsync((state, _) => new ValueTask<CounterState>(Increment(state)));
            }
            else
            {
                store.Update(Increment);
            }
        }

        Console.WriteLine("done");
        return 0;
    case "hold":
        using (provider.Acquire(data, TimeSpan.FromSeconds(30)))
        {
            Console.WriteLine("locked");
            Console.Out.Flush();
            Console.In.ReadToEnd();
        }

        return 0;
    default:
        Console.Error.WriteLine("unknown mode " + args[0]);
        return 2;
}

static CounterState Increment(CounterState state)
{
    state.Value++;
    state.Writers.Add(Environment.ProcessId);
    return state;
}

/// <summary>The shared counter. The padding makes each write large, so a torn read would be visible.</summary>
internal sealed class CounterState
{
    public int Value { get; set; }

    public HashSet<int> Writers { get; set; } = new();

    public string Padding { get; set; } = new string('x', 64 * 1024);
}
