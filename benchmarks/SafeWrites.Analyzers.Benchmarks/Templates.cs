using System;

namespace SafeWrites.Analyzers.Benchmarks;

/// <summary>What a template gets: the random source (for constants) and an id that keeps member names unique in a class.</summary>
public readonly record struct TemplateContext(Random Random, int Id)
{
    private static readonly string[] Words = { "default", "primary", "archive", "draft", "pending", "ledger", "export", "nightly" };

    public int Int(int min, int max) => Random.Next(min, max);

    public string Word() => Words[Random.Next(Words.Length)];
}

/// <summary>A member that must get exactly one diagnostic of <paramref name="RuleId"/>.</summary>
public sealed record Hazard(string RuleId, Func<TemplateContext, string> Write);

/// <summary>
/// The class members the generator draws from, written as a careful developer would: plain code (no file, JSON, clock
/// or reset at all), look-alikes (those APIs used safely: reads, appends, temp-then-rename, Stopwatch waits, a reset
/// after the save), and hazards (the unsafe shapes SafeWrites exists for, one diagnostic each).
/// </summary>
internal static class Templates
{
    public static readonly Func<TemplateContext, string>[] Plain =
    {
        c => $$"""
                public IReadOnlyList<string> TopCustomers{{c.Id}}(IEnumerable<Order> orders, int count)
                {
                    return orders
                        .Where(order => order.Total > {{c.Int(10, 500)}}m && order.Lines.Count > 0)
                        .GroupBy(order => order.Customer)
                        .Select(group => new { Customer = group.Key, Total = group.Sum(order => order.Total) })
                        .OrderByDescending(entry => entry.Total)
                        .ThenBy(entry => entry.Customer, StringComparer.Ordinal)
                        .Take(count)
                        .Select(entry => entry.Customer)
                        .ToList();
                }
            """,
        c => $$"""
                public async Task<int> CountItems{{c.Id}}Async(IOrderSource source, string customer, CancellationToken cancellationToken)
                {
                    var total = 0;
                    await foreach (var order in source.ReadAsync(customer).WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        if (order.Lines.Count == 0)
                        {
                            continue;
                        }

                        foreach (var line in order.Lines)
                        {
                            total += line.Quantity * {{c.Int(1, 4)}};
                        }
                    }

                    return total;
                }
            """,
        c => $$"""
                private readonly Dictionary<string, int> _counts{{c.Id}} = new(StringComparer.OrdinalIgnoreCase);

                public int Increment{{c.Id}}(string key, int by = {{c.Int(1, 9)}})
                {
                    lock (_gate)
                    {
                        _counts{{c.Id}}.TryGetValue(key, out var current);
                        current += by;
                        _counts{{c.Id}}[key] = current;
                        _version++;
                        return current;
                    }
                }
            """,
        c => $$"""
                private readonly ConcurrentDictionary<string, decimal> _prices{{c.Id}} = new(StringComparer.Ordinal);

                public decimal PriceOf{{c.Id}}(string sku, Func<string, decimal> load)
                {
                    if (string.IsNullOrWhiteSpace(sku))
                    {
                        throw new ArgumentException("A SKU is required.", nameof(sku));
                    }

                    return _prices{{c.Id}}.GetOrAdd(sku, key => Math.Round(load(key) * {{c.Int(50, 150)}}m / 100m, 2));
                }
            """,
        c => $$"""
                public static IReadOnlyList<string> Validate{{c.Id}}(AppSettings settings)
                {
                    var errors = new List<string>();
                    if (string.IsNullOrEmpty(settings.Name))
                    {
                        errors.Add("Name is required.");
                    }

                    if (settings.RetryCount is < 0 or > {{c.Int(3, 12)}})
                    {
                        errors.Add($"RetryCount is out of range: {settings.RetryCount}.");
                    }

                    if (settings.Timeout <= TimeSpan.Zero)
                    {
                        errors.Add("Timeout must be positive.");
                    }

                    foreach (var pair in settings.Values)
                    {
                        if (pair.Value.Length > {{c.Int(64, 1024)}})
                        {
                            errors.Add($"Value '{pair.Key}' is too long.");
                        }
                    }

                    return errors;
                }
            """,
        c => $$"""
                public static string Describe{{c.Id}}(Order order) => order switch
                {
                    { Total: < {{c.Int(5, 50)}}m } => "small",
                    { Lines.Count: > {{c.Int(5, 20)}} } => "bulk",
                    { Customer: "" } => "anonymous",
                    _ => "{{c.Word()}}",
                };
            """,
        c => $$"""
                public static string Format{{c.Id}}(IReadOnlyList<OrderLine> lines)
                {
                    var builder = new StringBuilder();
                    for (var i = 0; i < lines.Count; i++)
                    {
                        var line = lines[i];
                        builder.Append(i + {{c.Int(0, 2)}}).Append(". ").Append(line.Sku)
                            .Append(" x").Append(line.Quantity)
                            .Append(" @ ").Append(line.Price.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))
                            .AppendLine();
                    }

                    return builder.ToString();
                }
            """,
        c => $$"""
                public static double[] Smooth{{c.Id}}(double[] values, int window)
                {
                    var result = new double[values.Length];
                    for (var i = 0; i < values.Length; i++)
                    {
                        var sum = 0.0;
                        var count = 0;
                        for (var j = Math.Max(0, i - window); j <= Math.Min(values.Length - 1, i + window); j++)
                        {
                            sum += values[j] * {{c.Int(1, 5)}};
                            count++;
                        }

                        result[i] = count == 0 ? 0 : sum / count;
                    }

                    return result;
                }
            """,
        c => $$"""
                public static int ParseQuantity{{c.Id}}(string? text)
                {
                    if (int.TryParse(text, out var quantity) && quantity >= 0)
                    {
                        return quantity;
                    }

                    try
                    {
                        return checked((int)decimal.Parse(text ?? "0", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    catch (FormatException)
                    {
                        return {{c.Int(0, 10)}};
                    }
                    catch (OverflowException)
                    {
                        return int.MaxValue;
                    }
                }
            """,
        c => $$"""
                private string _label{{c.Id}} = "{{c.Word()}}";

                public string Label{{c.Id}}
                {
                    get => _label{{c.Id}};
                    set => _label{{c.Id}} = string.IsNullOrWhiteSpace(value) ? "{{c.Word()}}" : value.Trim();
                }

                public int Version{{c.Id}} => Volatile.Read(ref _version) + {{c.Int(0, 100)}};
            """,
        c => $$"""
                public static async Task<decimal> TotalOf{{c.Id}}Async(IEnumerable<Order> orders, Func<Order, Task<decimal>> price)
                {
                    var prices = await Task.WhenAll(orders.Select(order => price(order))).ConfigureAwait(false);
                    return prices.Where(p => p > 0).DefaultIfEmpty(0m).Sum() * {{c.Int(50, 150)}} / 100m;
                }
            """,
        c => $$"""
                public static (int Count, decimal Average) Stats{{c.Id}}(IReadOnlyCollection<Order> orders)
                {
                    if (orders.Count == 0)
                    {
                        return (0, 0m);
                    }

                    var (count, sum) = orders.Aggregate((Count: 0, Sum: 0m), Accumulate);
                    return (count, Math.Round(sum / count, {{c.Int(0, 4)}}));

                    static (int Count, decimal Sum) Accumulate((int Count, decimal Sum) acc, Order order)
                        => (acc.Count + 1, acc.Sum + order.Total);
                }
            """,
        c => $$"""
                private readonly SemaphoreSlim _throttle{{c.Id}} = new({{c.Int(1, 8)}});

                public async Task<T> Throttled{{c.Id}}Async<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
                {
                    await _throttle{{c.Id}}.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        return await action(cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _throttle{{c.Id}}.Release();
                    }
                }
            """,
    };

    public static readonly Func<TemplateContext, string>[] LookAlikes =
    {
        c => $$"""
                public static AppSettings LoadSettings{{c.Id}}(string path)
                {
                    if (!File.Exists(path))
                    {
                        return new AppSettings();
                    }

                    var json = File.ReadAllText(path);
                    return JsonSerializer.Deserialize<AppSettings>(json) ?? new AppSettings();
                }
            """,
        c => $$"""
                public static void AppendAudit{{c.Id}}(string logPath, string user, string action)
                {
                    var line = $"{DateTime.UtcNow:O}\t{user}\t{action}";
                    File.AppendAllText(logPath, line + Environment.NewLine);
                }
            """,
        c => $$"""
                public static void SaveReport{{c.Id}}(string path, IEnumerable<string> rows)
                {
                    var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                    using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                    using (var writer = new StreamWriter(stream))
                    {
                        foreach (var row in rows)
                        {
                            writer.WriteLine(row);
                        }
                    }

                    File.Move(temp, path, overwrite: true);
                }
            """,
        c => $$"""
                public static bool WaitUntilReady{{c.Id}}(IOrderSource source, TimeSpan timeout)
                {
                    var stopwatch = Stopwatch.StartNew();
                    while (!source.IsReady)
                    {
                        if (stopwatch.Elapsed > timeout)
                        {
                            return false;
                        }

                        Thread.Sleep({{c.Int(10, 200)}});
                    }

                    return true;
                }
            """,
        c => $$"""
                public static string ToJson{{c.Id}}(AppSettings settings)
                    => JsonSerializer.Serialize(settings, new JsonSerializerOptions { WriteIndented = {{(c.Int(0, 2) == 0 ? "true" : "false")}} });
            """,
        c => $$"""
                public DateTime LastTouched{{c.Id}} { get; private set; }

                public void Touch{{c.Id}}()
                {
                    LastTouched{{c.Id}} = DateTime.UtcNow;
                    Interlocked.Increment(ref _version);
                }
            """,
        c => $$"""
                private bool _dirty{{c.Id}};
                private string _draft{{c.Id}} = "";

                public void Edit{{c.Id}}(string text)
                {
                    _draft{{c.Id}} = text;
                    _dirty{{c.Id}} = true;
                }

                public void Save{{c.Id}}(string path)
                {
                    if (_dirty{{c.Id}})
                    {
                        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                        {
                            stream.Write(Encoding.UTF8.GetBytes(_draft{{c.Id}}));
                        }

                        File.Move(temp, path, overwrite: true);
                        _dirty{{c.Id}} = false;
                    }
                }
            """,
        c => $$"""
                public static int CountLines{{c.Id}}(string path)
                {
                    using var reader = new StreamReader(File.OpenRead(path));
                    var count = 0;
                    while (reader.ReadLine() is not null)
                    {
                        count++;
                    }

                    return count + {{c.Int(0, 2)}};
                }
            """,
        c => $$"""
                public static void AppendCsv{{c.Id}}(string path, Order order)
                {
                    using var writer = new StreamWriter(path, append: true);
                    writer.WriteLine($"{order.Id},{order.Customer},{order.Total}");
                }
            """,
    };

    /// <summary>Planted round-robin in this order, so a small corpus gets every rule before any rule twice.</summary>
    public static readonly Hazard[] Hazards =
    {
        new("SW1001", c => $$"""
                public static void SaveCustomers{{c.Id}}(string directory, IEnumerable<Order> orders)
                {
                    var path = Path.Combine(directory, "customers.cfg");
                    var names = orders.Select(order => order.Customer).Distinct(StringComparer.Ordinal).OrderBy(name => name, StringComparer.Ordinal);
                    File.WriteAllText(path, string.Join(Environment.NewLine, names));
                }
            """),
        new("SW1002", c => $$"""
                public static void SaveSettings{{c.Id}}(string path, AppSettings settings)
                {
                    settings.Values["savedBy"] = "{{c.Word()}}";
                    File.WriteAllText(path, JsonSerializer.Serialize(settings));
                }
            """),
        new("SW2001", c => $$"""
                public static void WaitForSource{{c.Id}}(IOrderSource source, int timeoutSeconds)
                {
                    var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
                    while (!source.IsReady)
                    {
                        if (DateTime.UtcNow > deadline)
                        {
                            throw new TimeoutException("The order source did not become ready.");
                        }

                        Thread.Sleep({{c.Int(10, 200)}});
                    }
                }
            """),
        new("SW2002", c => $$"""
                public static FileStream AcquireLock{{c.Id}}(string lockPath)
                {
                    while (true)
                    {
                        try
                        {
                            return new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                        }
                        catch (IOException)
                        {
                            Thread.Sleep({{c.Int(10, 200)}});
                        }
                    }
                }
            """),
        new("SW3001", c => $$"""
                private bool _pending{{c.Id}};
                private readonly List<string> _entries{{c.Id}} = new();

                public void Add{{c.Id}}(string entry)
                {
                    _entries{{c.Id}}.Add(entry);
                    _pending{{c.Id}} = true;
                }

                public void Persist{{c.Id}}(string path)
                {
                    if (_pending{{c.Id}})
                    {
                        _pending{{c.Id}} = false;
                        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                        {
                            stream.Write(Encoding.UTF8.GetBytes(string.Join("\n", _entries{{c.Id}})));
                        }

                        File.Move(temp, path, overwrite: true);
                    }
                }
            """),
        new("SW1001", c => $$"""
                public static void WriteSnapshot{{c.Id}}(string directory, IReadOnlyList<OrderLine> lines)
                {
                    var path = Path.Combine(directory, "snapshot.dat");
                    using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
                    using var writer = new StreamWriter(stream, Encoding.UTF8);
                    foreach (var line in lines)
                    {
                        writer.WriteLine($"{line.Sku};{line.Quantity};{line.Price}");
                    }
                }
            """),
        new("SW1002", c => $$"""
                public static async Task SaveOrders{{c.Id}}Async(string path, IReadOnlyList<Order> orders, CancellationToken cancellationToken)
                {
                    await using var stream = File.Create(path);
                    await JsonSerializer.SerializeAsync(stream, orders, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            """),
        new("SW1003", c => $$"""
                public static void PublishCatalog{{c.Id}}(string path, string text)
                {
                    var temp = Path.GetTempFileName();
                    using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                    {
                        stream.Write(Encoding.UTF8.GetBytes(text));
                    }

                    File.Move(temp, path, overwrite: true);
                }
            """),
        new("SW1004", c => $$"""
                public static void ReplaceLedger{{c.Id}}(string path, string text)
                {
                    var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                    using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                    {
                        stream.Write(Encoding.UTF8.GetBytes(text));
                    }

                    if (File.Exists(path))
                    {
                        File.Delete(path);
                    }

                    File.Move(temp, path);
                }
            """),
        new("SW1005", c => $$"""
                public static void StoreQuote{{c.Id}}(string path, byte[] data)
                {
                    var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                    File.WriteAllBytes(temp, data);
                    File.Move(temp, path, overwrite: true);
                }
            """),
        new("SW1006", c => $$"""
                public static void SaveBasket{{c.Id}}(string path, string text)
                {
                    var temp = path + ".{{c.Word()}}.tmp";
                    using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                    {
                        stream.Write(Encoding.UTF8.GetBytes(text));
                    }

                    File.Move(temp, path, overwrite: true);
                }
            """),
        new("SW2003", c => $$"""
                private static readonly object CounterGate{{c.Id}} = new();

                public static void RecordVisitor{{c.Id}}(string path, string visitor)
                {
                    lock (CounterGate{{c.Id}})
                    {
                        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
                        {
                            stream.Write(Encoding.UTF8.GetBytes(visitor));
                        }

                        File.Move(temp, path, overwrite: true);
                    }
                }
            """),
    };
}
