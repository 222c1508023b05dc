using Xunit;

namespace SafeWrites.Analyzers.Benchmarks.Tests;

public class ReportTests
{
    [Fact]
    public void NoisyButFlatCostPerLineIsLinear()
        => Assert.StartsWith("scaling safewrites: linear", Report.LinearityLine("safewrites", new[] { 2.49, 1.78, 2.47, 1.90 }));

    [Fact]
    public void RisingCostPerLineIsNotLinear()
        => Assert.StartsWith("scaling safewrites: NOT linear", Report.LinearityLine("safewrites", new[] { 1.0, 1.4, 2.1, 3.0 }));
}
