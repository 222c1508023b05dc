using BenchmarkDotNet.Running;

// All benchmark classes in one run; each class has its own baseline, so the Ratio column compares like with like.
//   dotnet run -c Release --project benchmarks/SafeWrites.Benchmarks -- --filter '*'
// `-- paired` instead runs the durable comparison as interleaved pairs (see Paired.cs);
// `-- store-paired` the JsonFileStore comparisons (see StoreBenchmarks.cs).
if (args.Length == 1 && args[0] == "paired")
{
    SafeWrites.Benchmarks.Paired.Run();
}
else if (args.Length == 1 && args[0] == "store-paired")
{
    SafeWrites.Benchmarks.StorePaired.Run();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(SafeWrites.Benchmarks.DurableWriteBenchmarks).Assembly).Run(args);
}
