using XccaMap.Diffraction.Disorder;

namespace XccaMap.Tests.Diffraction.Disorder;

/// <summary>The small LM solver on problems with certified answers.</summary>
public sealed class LevenbergMarquardtTests
{
    [Fact]
    public void Straight_line_fit_gives_the_least_squares_solution_and_covariance()
    {
        double[] x = [0, 1, 2, 3, 4, 5];
        double[] y = [1.1, 2.9, 5.2, 6.8, 9.1, 11.0];
        double[] s = [1, 1, 1, 1, 1, 1];
        var fit = LevenbergMarquardt.Fit((p, i, g) =>
        {
            g[0] = 1;
            g[1] = x[i];
            return p[0] + (p[1] * x[i]);
        }, y, s, [0, 0]);

        // Closed form: slope = Sxy/Sxx, intercept = ȳ − slope·x̄; cov = σ̂²·(XᵀX)⁻¹.
        double xm = x.Average(), ym = y.Average();
        double sxx = x.Sum(v => (v - xm) * (v - xm)), sxy = x.Select((v, i) => (v - xm) * (y[i] - ym)).Sum();
        double slope = sxy / sxx, icpt = ym - (slope * xm);
        double rss = x.Select((v, i) => Math.Pow(y[i] - icpt - (slope * v), 2)).Sum();
        double s2 = rss / (x.Length - 2);
        Assert.True(fit.Converged);
        Assert.Equal(slope, fit.Parameters[1], 10);
        Assert.Equal(icpt, fit.Parameters[0], 10);
        Assert.Equal(Math.Sqrt(s2 / sxx), fit.Error(1), 10);
        Assert.Equal(Math.Sqrt(s2 * ((1.0 / x.Length) + (xm * xm / sxx))), fit.Error(0), 10);
    }

    [Fact]
    public void Exponential_decay_from_a_poor_start()
    {
        var x = Enumerable.Range(0, 40).Select(i => i * 0.25).ToArray();
        var y = x.Select(v => (5 * Math.Exp(-0.7 * v)) + 0.3).ToArray();
        var s = y.Select(_ => 0.01).ToArray();
        var fit = LevenbergMarquardt.Fit((p, i, g) =>
        {
            double e = Math.Exp(-p[1] * x[i]);
            g[0] = e;
            g[1] = -p[0] * x[i] * e;
            g[2] = 1;
            return (p[0] * e) + p[2];
        }, y, s, [1, 3, 0]);
        Assert.Equal(5, fit.Parameters[0], 8);
        Assert.Equal(0.7, fit.Parameters[1], 8);
        Assert.Equal(0.3, fit.Parameters[2], 8);
    }
}
