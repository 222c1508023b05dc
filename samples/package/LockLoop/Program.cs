using LockLoop;

// Usage: LockLoop [folder]   (writes counter.txt there; default: a new temporary folder)
var folder = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("lock-loop-").FullName;
var path = Path.Combine(folder, "counter.txt");

// Eight threads add 25 each; the lock makes every read-increment-write whole.
Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
{
    for (var i = 0; i < 25; i++)
    {
        Counter.Increment(path, TimeSpan.FromSeconds(30));
    }
});
Console.WriteLine($"counter={File.ReadAllText(path)}");
