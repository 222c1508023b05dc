using System;
using BenchmarkDotNet.Running;
using SafeWrites.DistributedLock.Benchmarks;
using SafeWrites.DistributedLock.Tests.Infrastructure;

// Uncontended Update through the PostgreSQL lock vs through FileLock (BenchmarkDotNet; the Ratio column):
//   dotnet run -c Release --project benchmarks/SafeWrites.DistributedLock.Benchmarks -- --filter '*'
// `-- paired` instead alternates the two, pair by pair (see Paired.cs).
// Starts a throwaway PostgreSQL server (as the tests do) unless SAFEWRITES_BENCH_PG names one; the benchmark
// processes inherit its connection string.
PostgresServer? server = null;
if (Environment.GetEnvironmentVariable(UpdateLockBenchmarks.ConnectionVariable) is null)
{
    server = PostgresServer.Start();
    Environment.SetEnvironmentVariable(UpdateLockBenchmarks.ConnectionVariable, server.ConnectionString);
}

try
{
    if (args.Length == 1 && args[0] == "paired")
    {
        Paired.Run();
    }
    else
    {
        BenchmarkSwitcher.FromAssembly(typeof(UpdateLockBenchmarks).Assembly).Run(args);
    }
}
finally
{
    server?.Dispose();
}
