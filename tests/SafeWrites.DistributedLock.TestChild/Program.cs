// A child process for the SafeWrites.DistributedLock tests. Modes (first argument):
//   counter <connectionString> <data> <updates>  increments a JSON counter <updates> times, each a
//                                                read-modify-write under the PostgreSQL lock; prints "done"
//   hold <connectionString> <data>               takes the lock for <data>, prints "locked", holds it until
//                                                killed or until stdin closes
using System;
using System.Collections.Generic;
using System.Globalization;
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
        for (var i = 0; i < updates; i++)
        {
            using (provider.Acquire(data, TimeSpan.FromSeconds(60)))
            {
                // A torn document would throw here and fail the child (exit code != 0).
                var state = AtomicFile.TryReadJson<CounterState>(data, out var current) && current is not null ? current : new CounterState();
                state.Value++;
                state.Writers.Add(Environment.ProcessId);
                AtomicFile.WriteJson(data, state);
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

/// <summary>The shared counter. The padding makes each write large, so a torn read would be visible.</summary>
internal sealed class CounterState
{
    public int Value { get; set; }

    public HashSet<int> Writers { get; set; } = new();

    public string Padding { get; set; } = new string('x', 64 * 1024);
}
