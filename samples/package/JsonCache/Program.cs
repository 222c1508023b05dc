using JsonCache;

// Usage: JsonCache [folder]   (writes cache.json there; default: a new temporary folder)
var folder = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("json-cache-").FullName;
var path = Path.Combine(folder, "cache.json");
var cache = new ResultCache(path);

// Four workers ask for overlapping keys; each value is computed once and saved.
var keys = Enumerable.Range(0, 40).Select(i => $"item-{i % 20}").ToArray();
Parallel.ForEach(keys, new ParallelOptions { MaxDegreeOfParallelism = 4 }, key => cache.GetOrAdd(key, k => k.Length * 10));

var reloaded = new ResultCache(path);
var total = Enumerable.Range(0, 20).Sum(i => reloaded.GetOrAdd($"item-{i}", _ => throw new InvalidOperationException("not cached")));
Console.WriteLine($"all 20 entries reloaded from cache.json, total={total}");
