using XccaMap.Diffraction.Xcca;
using Xunit.Abstractions;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>Runs the CCF benchmark (timings are printed, never asserted) and checks the engine allocates nothing per frame.</summary>
public sealed class CcfBenchmarkTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Benchmark_prints_per_frame_cost_and_the_engine_does_not_allocate()
    {
        foreach (int n in new[] { 360, 720 })
        {
            var r = CcfBenchmark.Run(n, 0.3);
            output.WriteLine(r.ToString());
            Assert.Equal(0, r.EngineBytesPerFrame);
        }
    }
}
