using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

public class DecayFitterTests
{
    [Fact]
    public void Recovers_bulk_amplitude_and_length_with_honest_errors()
    {
        var random = new Random(7);
        const double b = 0.0838, c = 0.065, l = 0.6, sigma = 3e-5;
        var d = Enumerable.Range(0, 60).Select(i => i * 0.05).ToArray();
        var y = d.Select(x => (b * (1 + (c * Math.Exp(-x / l)))) + (sigma * SyntheticMaps.Gauss(random))).ToArray();
        var fit = DecayFitter.FitScaled(d, y, Enumerable.Repeat(sigma, d.Length).ToArray());
        Assert.True(fit.Converged);
        Assert.Equal(b, fit.Bulk, 4 * fit.BulkError);
        Assert.Equal(c, fit.Amplitude, Math.Max(4 * fit.AmplitudeError, 1e-9));
        Assert.Equal(l, fit.DecayLength, 4 * fit.DecayLengthError);
        Assert.InRange(fit.AmplitudeError, 1e-5, 3e-3);
        Assert.InRange(fit.ReducedChiSquare, 0.5, 1.6);
    }

    [Fact]
    public void Rejects_a_wrong_peak()
    {
        var d = Enumerable.Range(0, 40).Select(i => i * 0.1).ToArray();
        var y = d.Select(x => 1 + (0.08 * Math.Exp(-x / 0.8))).ToArray();
        y[3] = 0.97; // another reflection caught by the window
        var fit = DecayFitter.FitScaled(d, y);
        Assert.Equal(1, fit.Rejected);
        Assert.Equal(0.08, fit.Amplitude, 1e-6);
        Assert.Equal(0.8, fit.DecayLength, 1e-5);
    }

    [Fact]
    public void Compression_model_has_no_bulk_parameter()
    {
        var d = Enumerable.Range(0, 30).Select(i => i * 0.1).ToArray();
        var c = d.Select(x => 0.1 * Math.Exp(-x / 0.5)).ToArray();
        var fit = DecayFitter.FitCompression(d, c);
        Assert.Equal(1.0, fit.Bulk);
        Assert.Equal(0.1, fit.Amplitude, 1e-7);
        Assert.Equal(0.5, fit.DecayLength, 1e-6);
    }

    [Fact]
    public void Too_few_points_fail_cleanly()
    {
        var fit = DecayFitter.FitScaled([0.1, 0.2, 0.3], [1.0, 1.0, 1.0]);
        Assert.False(fit.Converged);
        Assert.True(double.IsNaN(fit.Amplitude));
    }
}
