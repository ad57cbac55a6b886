using XccaMap.Diffraction.Features;

namespace XccaMap.Tests.Diffraction.Features;

public class GaussianPeakFitTests
{
    [Fact]
    public void NoiseFree_RecoversAllParameters()
    {
        var x = Enumerable.Range(0, 60).Select(i => 0.130 + (i * 0.0005)).ToArray();
        var y = x.Select(v => (40 * Math.Exp(-0.5 * Math.Pow((v - 0.1431) / 0.0021, 2))) + 12 - (300 * (v - 0.145))).ToArray();
        var fit = GaussianPeakFit.Fit(x, y);
        Assert.True(fit.Converged);
        Assert.Equal(0.1431, fit.Centre, 7);
        Assert.Equal(0.0021, fit.Sigma, 7);
        Assert.Equal(40, fit.Amplitude, 4);
        Assert.Equal(-300, fit.Slope, 2);
        Assert.Equal(fit.Evaluate(0.14), y[20], 4);
    }

    [Fact]
    public void PoissonNoise_CentreWithinItsError()
    {
        var rng = new Random(11);
        var x = Enumerable.Range(0, 80).Select(i => 1.90 + (i * 0.005)).ToArray();
        double centre = 2.117;
        var mean = x.Select(v => (200 * Math.Exp(-0.5 * Math.Pow((v - centre) / 0.03, 2))) + 400 + (50 * (v - 2.1))).ToArray();
        var y = mean.Select(m => (double)MathNet.Numerics.Distributions.Poisson.Sample(rng, m)).ToArray();
        var sigma = y.Select(v => Math.Sqrt(Math.Max(v, 1))).ToArray();
        var fit = GaussianPeakFit.Fit(x, y, sigma);
        Assert.True(fit.Converged);
        Assert.True(fit.CentreError is > 0 and < 0.003);
        Assert.InRange(fit.Centre, centre - (4 * fit.CentreError), centre + (4 * fit.CentreError));
        Assert.True(fit.Significance > 10);
    }

    [Fact]
    public void FlatNoise_IsNotSignificant()
    {
        var rng = new Random(5);
        var x = Enumerable.Range(0, 40).Select(i => (double)i).ToArray();
        var y = x.Select(_ => (double)MathNet.Numerics.Distributions.Poisson.Sample(rng, 100)).ToArray();
        var fit = GaussianPeakFit.Fit(x, y, y.Select(v => Math.Sqrt(v)).ToArray());
        Assert.True(fit.Significance < 5);
    }
}
