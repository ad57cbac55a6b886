using XccaMap.Diffraction.Xcca;
using static XccaMap.Tests.Diffraction.Xcca.CcfTestProfiles;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>Mirror axes of CCFs with known symmetry, and their uncertainties.</summary>
public sealed class SymmetryAxisFinderTests
{
    /// <summary>C(Δ) sampled at Δ_j = j·360/N: Gaussians at Δ0 ± d (equal heights), i.e. mirror-symmetric about Δ0.</summary>
    private static double[] Mirror(int n, double axis, params (double Offset, double Amplitude, double Sigma)[] pairs)
    {
        var c = new double[n];
        double step = 360.0 / n;
        for (int j = 0; j < n; j++)
        {
            foreach (var (d, a, s) in pairs)
            {
                foreach (double centre in new[] { axis + d, axis - d })
                {
                    for (int m = -2; m <= 2; m++)
                    {
                        double x = (j * step) - centre + (360 * m);
                        c[j] += a * Math.Exp(-x * x / (2 * s * s));
                    }
                }
            }
        }

        return c;
    }

    [Theory]
    [InlineData(37.3)]
    [InlineData(-12.84)]
    [InlineData(0.3)]
    [InlineData(89.6)]
    public void Finds_an_off_grid_axis_to_a_hundredth_of_a_degree(double axis)
    {
        var c = Mirror(360, axis, (25, 1, 4), (70, 0.6, 6), (150, 0.3, 5));
        var found = SymmetryAxisFinder.Find(c);
        double expected = axis >= 90 ? axis - 180 : axis; // reported in [−90, 90)
        Assert.Equal(360, found.PeriodDeg);
        Assert.Equal(expected, found.AxisDeg, 0.01);
        Assert.True(found.Asymmetry < 1e-6);
    }

    [Fact]
    public void Axis_of_a_fourfold_ccf_is_reported_within_a_quarter_period()
    {
        // A q1 ring with fourfold symmetry makes C 90°-periodic: mirror axes every 45°; report the one nearest 0.
        var c = Mirror(360, 31.7, (12, 1, 4), (78, 1, 4), (102, 1, 4), (168, 1, 4));
        var found = SymmetryAxisFinder.Find(c);
        Assert.Equal(90, found.PeriodDeg);
        Assert.Equal(31.7 - 45, found.AxisDeg, 0.01);
    }

    [Fact]
    public void Asymmetric_ccf_reports_a_large_residual()
    {
        var c = Gaussians(360, (40, 1, 3), (70, 0.5, 9), (200, 0.8, 2));
        var found = SymmetryAxisFinder.Find(c);
        Assert.True(found.Asymmetry > 0.1, $"asymmetry {found.Asymmetry}");
    }

    [Fact]
    public void Flat_ccf_has_no_axis()
    {
        Assert.True(double.IsNaN(SymmetryAxisFinder.Find(Enumerable.Repeat(1.0, 360).ToArray()).AxisDeg));
    }

    [Fact]
    public void Curvature_error_matches_the_scatter_over_noise_realisations()
    {
        var clean = Mirror(360, 12.5, (30, 1, 5), (100, 0.5, 8));
        var rng = new Random(42);
        var axes = new List<double>();
        var errors = new List<double>();
        for (int r = 0; r < 200; r++)
        {
            var c = clean.Select(v => v + (0.02 * Gauss(rng))).ToArray();
            var found = SymmetryAxisFinder.Find(c);
            axes.Add(found.AxisDeg);
            errors.Add(found.ErrorDeg);
        }

        double mean = axes.Average();
        double sd = Math.Sqrt(axes.Sum(a => (a - mean) * (a - mean)) / (axes.Count - 1));
        Assert.Equal(12.5, mean, 3 * sd / Math.Sqrt(axes.Count) + 1e-3);
        Assert.InRange(errors.Average() / sd, 0.7, 1.4);
    }

    [Fact]
    public void Jackknife_error_over_frames_matches_the_scatter_of_repeated_domains()
    {
        const int N = 360;
        var i1 = Gaussians(N, (20, 1, 3), (200, 1, 3));
        var i2 = Gaussians(N, (50, 1, 6), (230, 1, 6)); // C: peaks at 30° and 210°, axes at 30° + k·90°
        var rng = new Random(7);
        var engine = new MaskedCcfEngine(N);
        var axes = new List<double>();
        var errors = new List<double>();
        for (int domain = 0; domain < 40; domain++)
        {
            var acc = new CcfAccumulator(N);
            for (int f = 0; f < 60; f++)
            {
                var n1 = i1.Select(v => v + (0.3 * Gauss(rng))).ToArray();
                var n2 = i2.Select(v => v + (0.3 * Gauss(rng))).ToArray();
                engine.Accumulate(n1, Ones(N), n2, Ones(N), acc, (domain * 1000) + f);
            }

            var result = CcfResult.From(acc, engine);
            Assert.Equal(SymmetryErrorMethod.Jackknife, result.Axis.Method);
            axes.Add(result.Axis.AxisDeg);
            errors.Add(result.Axis.ErrorDeg);
        }

        double mean = axes.Average();
        double sd = Math.Sqrt(axes.Sum(a => (a - mean) * (a - mean)) / (axes.Count - 1));
        Assert.Equal(30, mean, 0.05);
        Assert.InRange(errors.Average() / sd, 0.6, 1.6);
    }

    private static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
