using XccaMap.Crystallography.Ccf;
using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tests.Crystallography;

public class AnalyticCcfTests
{
    // Brute-force ∮ I₁(φ) I₂(φ+Δ) W(φ+Δ) dφ on a fine grid, with periodic Gaussians (eq. 4–6).
    private static double NumericCcf(AngularPeak[] r1, AngularPeak[] r2, double delta, AngularWindow? w)
    {
        static double Ring(AngularPeak[] peaks, double phi) => peaks.Sum(p =>
            Enumerable.Range(-2, 5).Sum(m =>
            {
                double d = phi - p.PhiDeg - (360.0 * m);
                return p.Amplitude * Math.Exp(-(d * d) / (2 * p.SigmaDeg * p.SigmaDeg));
            }));

        const int n = 36000;
        double h = 360.0 / n, sum = 0;
        for (int i = 0; i < n; i++)
        {
            double phi = (i + 0.5) * h;
            double psi = phi + delta;
            if (w is { } win && !win.Contains(psi))
            {
                continue;
            }

            sum += Ring(r1, phi) * Ring(r2, psi) * h;
        }

        return sum;
    }

    [Fact]
    public void TwoGaussians_PeakAtDifference_WidthsAddInQuadrature()
    {
        AngularPeak[] saxs = [new(10, 2.0, 3.0)];
        AngularPeak[] waxs = [new(70, 0.5, 4.0)];
        double[] grid = AnalyticCcf.DeltaGrid(-180, 0.1, 3600);
        double[] c = AnalyticCcf.Evaluate(saxs, waxs, grid);
        int argmax = Array.IndexOf(c, c.Max());
        Assert.Equal(60, grid[argmax], 6);
        // Width √(3² + 4²) = 5°: one σ away the CCF falls to e^(−1/2).
        Assert.Equal(Math.Exp(-0.5), AnalyticCcf.Evaluate(saxs, waxs, 65) / AnalyticCcf.Evaluate(saxs, waxs, 60), 12);
        Assert.Equal(Math.Exp(-0.5), AnalyticCcf.Evaluate(saxs, waxs, 55) / AnalyticCcf.Evaluate(saxs, waxs, 60), 12);
        Assert.Equal(2.0 * 0.5 * Math.Sqrt(2 * Math.PI) * 12 / 5, AnalyticCcf.Evaluate(saxs, waxs, 60), 12);
    }

    [Fact]
    public void PeaksAcrossZero_WrapOn360()
    {
        AngularPeak[] r1 = [new(355, 1, 2)];
        AngularPeak[] r2 = [new(5, 1, 2)];
        Assert.Equal(AnalyticCcf.Evaluate(r1, r2, 10), AnalyticCcf.Evaluate(r1, r2, 370), 12);
        Assert.True(AnalyticCcf.Evaluate(r1, r2, 10) > 100 * AnalyticCcf.Evaluate(r1, r2, 0));
    }

    [Fact]
    public void FourFoldAndTwoFold_GiveFourCorrelationPeaks()
    {
        AngularPeak[] saxs = [new(0, 1, 4), new(180, 1, 4)];
        AngularPeak[] waxs = [new(45, 1, 6), new(135, 1, 6), new(225, 1, 6), new(315, 1, 6)];
        double[] grid = AnalyticCcf.DeltaGrid(0, 1, 360);
        double[] c = AnalyticCcf.Normalize(AnalyticCcf.Evaluate(saxs, waxs, grid));
        foreach (int peak in new[] { 45, 135, 225, 315 })
        {
            Assert.Equal(1.0, c[peak], 9);
        }

        Assert.Equal(0.0, c.Min(), 12);
        Assert.True(c[0] < 0.01 && c[90] < 0.01);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(300.0, 30.0)] // a 90° WAXS window crossing 0°, as on the corner-beam detector
    [InlineData(20.0, 110.0)]
    public void Analytic_MatchesBruteForceIntegral(double? start, double? end)
    {
        AngularWindow? w = start is null ? null : new AngularWindow(start.Value, end!.Value);
        AngularPeak[] saxs = [new(12, 1.0, 5), new(192, 0.8, 5), new(100, 0.3, 9)];
        AngularPeak[] waxs = [new(57, 2.0, 7), new(147, 1.0, 6), new(350, 0.5, 20)];
        foreach (double delta in new[] { -170.0, -45, 0, 33, 45, 90, 135.5, 179 })
        {
            double expected = NumericCcf(saxs, waxs, delta, w);
            Assert.Equal(expected, AnalyticCcf.Evaluate(saxs, waxs, delta, w), 6);
        }
    }

    [Fact]
    public void Window_RemovesPeaksOutsideTheDetector()
    {
        AngularPeak[] saxs = [new(0, 1, 3)];
        AngularPeak[] waxs = [new(45, 1, 3), new(225, 1, 3)];
        var window = new AngularWindow(0, 90);
        double[] grid = AnalyticCcf.DeltaGrid(-180, 1, 360);
        double[] c = AnalyticCcf.Evaluate(saxs, waxs, grid, window);
        Assert.True(c[180 + 45] > 0.99 * AnalyticCcf.Evaluate(saxs, [waxs[0]], 45));
        Assert.True(c[180 - 135] < 1e-12); // Δ = −135 would correlate with the 225° peak, outside the window
        Assert.True(window.Contains(45) && !window.Contains(225) && new AngularWindow(300, 30).Contains(10));
        Assert.Equal(90, new AngularWindow(300, 30).WidthDeg, 12);
    }

    [Fact]
    public void Normalize_ScalesToUnitRange_AndConstantToZero()
    {
        double[] n = AnalyticCcf.Normalize([2.0, 4.0, 3.0]);
        Assert.Equal([0.0, 1.0, 0.5], n);
        Assert.Equal([0.0, 0.0], AnalyticCcf.Normalize([5.0, 5.0]));
        Assert.Empty(AnalyticCcf.Normalize([]));
        Assert.Equal(0, Angles.Wrap360(360), 12);
    }
}
