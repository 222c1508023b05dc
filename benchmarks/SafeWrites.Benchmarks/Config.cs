using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SafeWrites.Benchmarks;

/// <summary>
/// A shortened job (1 launch, 3 warm-ups, 25 measured iterations) so the whole suite runs in minutes on
/// a shared 2-core machine; durable writes are dominated by fsync, so medians and ratios are what to read.
/// </summary>
public class ShortConfig : ManualConfig
{
    public ShortConfig()
        : this(inProcess: false)
    {
    }

    protected ShortConfig(bool inProcess)
    {
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(25).WithId("Short");
        AddJob(inProcess ? job.WithToolchain(InProcessEmitToolchain.Instance) : job);
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}

/// <summary>
/// The short job run inside the benchmark process: no generated project to build, whose two-minute build
/// timeout a heavily loaded machine exceeds. Both sides of each comparison run in the same process either way.
/// </summary>
public sealed class InProcessShortConfig : ShortConfig
{
    public InProcessShortConfig()
        : base(inProcess: true)
    {
    }
}
