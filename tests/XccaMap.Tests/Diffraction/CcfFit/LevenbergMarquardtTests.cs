using XccaMap.Diffraction.CcfFit;

namespace XccaMap.Tests.Diffraction.CcfFit;

public class LevenbergMarquardtTests
{
    [Fact]
    public void ExponentialDecay_KnownAnswer_FromAPoorStart()
    {
        double[] x = Enumerable.Range(0, 40).Select(i => i * 0.25).ToArray();
        double[] y = x.Select(t => (3.0 * Math.Exp(-0.7 * t)) + 0.5).ToArray();
        var lm = new LevenbergMarquardt();
        var r = lm.Minimize(p => x.Select((t, i) => (p[0] * Math.Exp(-p[1] * t)) + p[2] - y[i]).ToArray(), [1, 0.1, 0], [1e-6, 1e-6, 1e-6]);
        Assert.True(r.Converged, r.Reason);
        Assert.Equal(3.0, r.Parameters[0], 6);
        Assert.Equal(0.7, r.Parameters[1], 6);
        Assert.Equal(0.5, r.Parameters[2], 6);
        Assert.True(r.Rss < 1e-12);
    }

    [Fact]
    public void StraightLine_StandardErrorsEqualOrdinaryLeastSquares()
    {
        var rng = new Random(5);
        double[] x = Enumerable.Range(0, 50).Select(i => i / 10.0).ToArray();
        double[] y = x.Select(t => 2 + (0.5 * t) + (0.1 * ((rng.NextDouble() * 2) - 1))).ToArray();
        var r = new LevenbergMarquardt().Minimize(p => x.Select((t, i) => p[0] + (p[1] * t) - y[i]).ToArray(), [0, 0], [1e-4, 1e-4]);

        // Closed form: slope SE = s/√Σ(x − x̄)², intercept SE = s·√(1/n + x̄²/Σ(x − x̄)²).
        int n = x.Length;
        double mx = x.Average(), sxx = x.Sum(t => (t - mx) * (t - mx));
        double slope = x.Zip(y).Sum(v => (v.First - mx) * (v.Second - y.Average())) / sxx;
        double icpt = y.Average() - (slope * mx);
        double s = Math.Sqrt(x.Zip(y).Sum(v => Math.Pow(v.Second - icpt - (slope * v.First), 2)) / (n - 2));
        Assert.Equal(icpt, r.Parameters[0], 9);
        Assert.Equal(slope, r.Parameters[1], 9);
        Assert.Equal(s / Math.Sqrt(sxx), r.StandardErrors[1], 6);
        Assert.Equal(s * Math.Sqrt((1.0 / n) + (mx * mx / sxx)), r.StandardErrors[0], 6);
        Assert.Equal(n - 2, r.DegreesOfFreedom);
    }

    [Fact]
    public void Bounds_AreRespected_AndAParameterOnABoundHasNoError()
    {
        // Minimum at p = 5, but the box stops at 3.
        var r = new LevenbergMarquardt().Minimize(p => [p[0] - 5, 0.1 * (p[1] - 1)], [0, 0], [1e-4, 1e-4], [-10, -10], [3, 10]);
        Assert.Equal(3, r.Parameters[0]);
        Assert.Equal(1, r.Parameters[1], 6);
        Assert.True(double.IsNaN(r.StandardErrors[0]));
    }

    [Fact]
    public void UnconstrainedDirection_GetsAnInfiniteError()
    {
        // r depends on p0 + p1 only.
        var r = new LevenbergMarquardt().Minimize(p => [p[0] + p[1] - 2, p[0] + p[1] - 2.2, p[0] + p[1] - 1.9], [0, 0], [1e-4, 1e-4]);
        Assert.Equal(2.033333, r.Parameters[0] + r.Parameters[1], 5);
        Assert.True(double.IsPositiveInfinity(r.StandardErrors[0]));
    }

    [Fact]
    public void LinearBlockFit_KeepsAmplitudesNonNegative()
    {
        double[] a = [1, 0, 0, 1, 0], b = [0, 1, 0, 0, 1];
        double[] y = [3, -1, 1, 3, -1]; // b would need a negative amplitude
        double[] coef = LinearBlockFit.Solve([a, b], y);
        Assert.Equal(0, coef[2]);
        Assert.True(coef[1] > 0);
        double[] exact = LinearBlockFit.Solve([a], [3, 1, 1, 3, 1]);
        Assert.Equal(1, exact[0], 9);
        Assert.Equal(2, exact[1], 9);
    }
}
