using XccaMap.Crystallography.Ccf;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Simulation;

namespace XccaMap.Tests.Crystallography.Simulation;

public class CcfSimulatorTests
{
    private static readonly AngularPeak[] Saxs = [new(20, 1, 2), new(110, 1, 2), new(200, 1, 2), new(290, 1, 2)];
    private static readonly AngularPeak[] Waxs = [new(65, 0.7, 6), new(335, 0.4, 6)];
    private static readonly double[] Deltas = Enumerable.Range(0, 360).Select(i => (double)i).ToArray();

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"Δ = {Deltas[i]}: {actual[i]:G6} vs {expected[i]:G6}");
        }
    }

    [Fact]
    public void FullRings_MatchTheAnalyticCcf_AfterScaling()
    {
        var sim = new CcfSimulator(720);
        double[] numeric = sim.EvaluateScaled(Saxs, Waxs, Deltas);
        double[] analytic = AnalyticCcf.Normalize(AnalyticCcf.Evaluate(Saxs, Waxs, Deltas));
        AssertClose(analytic, numeric, 2e-3);
    }

    [Fact]
    public void WaxsWindow_MatchesTheAnalyticWindowedCcf_Eq6()
    {
        // With a full SAXS ring the overlap Σ W₁W₂ is constant, so the overlap-normalised CCF is eq. 6 up to a factor.
        var window = new AngularWindow(265, 5);
        var sim = new CcfSimulator(1440, mask2: AngularMask.FromWindow(window, 0.05));
        double[] numeric = sim.EvaluateScaled(Saxs, Waxs, Deltas);
        double[] analytic = AnalyticCcf.Normalize(AnalyticCcf.Evaluate(Saxs, Waxs, Deltas, window));
        AssertClose(analytic, numeric, 5e-3);
    }

    [Fact]
    public void GapOnRingOneWithoutPeaks_LeavesTheScaledCcfUnchanged()
    {
        // Only a spot-free arc of ring 1 is masked: the overlap normalisation removes the bias.
        var phi = Enumerable.Range(0, 360).Select(i => i + 0.5).ToArray();
        var w1 = phi.Select(p => p is > 150 and < 170 ? 0.0 : 1.0).ToArray();
        var masked = new CcfSimulator(720, new AngularMask(phi, w1));
        var full = new CcfSimulator(720);
        AssertClose(full.EvaluateScaled(Saxs, Waxs, Deltas), masked.EvaluateScaled(Saxs, Waxs, Deltas), 1e-9);
    }

    [Fact]
    public void PeakPositions_AreTheAngleDifferences_AndNegativeDeltasWrap()
    {
        var sim = new CcfSimulator(720);
        AngularPeak[] r1 = [new(30, 1, 2)];
        AngularPeak[] r2 = [new(75.5, 1, 3)];
        double[] grid = Enumerable.Range(0, 3600).Select(i => -180 + (i * 0.1)).ToArray();
        double[] c = sim.Evaluate(r1, r2, grid);
        Assert.Equal(45.5, grid[Array.IndexOf(c, c.Max())], 1);
        Assert.Equal(sim.Evaluate(r1, r2, [-314.5])[0], sim.Evaluate(r1, r2, [45.5])[0], 12);
    }

    [Fact]
    public void AngularMask_NearestSampleOnTheCircle()
    {
        var m = new AngularMask([10, 100, 350], [1, 0, 0.5]);
        Assert.Equal(1, m.At(5));
        Assert.Equal(0.5, m.At(359)); // nearer to 350 than to 10? |359−350| = 9, |359−10| = 11
        Assert.Equal(1, m.At(0.5));   // |0.5−10| = 9.5 < |0.5−350| = 10.5
        Assert.Equal(0, m.At(60));
        Assert.True(AngularMask.Full.IsFull);
        Assert.Equal(90.0, AngularMask.FromWindow(new AngularWindow(270, 360), 0.1).Sample(3600).Sum() / 10, 0);
    }

    [Fact]
    public void WrapAround_ProfileOfAPeakAtZero_IsSymmetric()
    {
        var sim = new CcfSimulator(360);
        double[] p = sim.Profile([new AngularPeak(0, 1, 5)]);
        for (int k = 1; k < 30; k++)
        {
            Assert.Equal(p[k], p[360 - k], 12);
        }

        Assert.Equal(1.0, p[0], 12);
        Assert.Equal(Math.Exp(-0.5), p[5], 12);
    }
}
