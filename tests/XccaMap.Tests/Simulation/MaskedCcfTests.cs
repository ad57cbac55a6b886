using XccaMap.Diffraction.Ccf;

namespace XccaMap.Tests.Simulation;

/// <summary>Known answers of the masked CCF (design.md §4.7, S.I. eqs. 1–3) on analytic Gaussian profiles.</summary>
public sealed class MaskedCcfTests
{
    private const int N = 360;

    private static double[] Peaks(double sigma, params double[] centres)
    {
        var p = new double[N];
        for (int i = 0; i < N; i++)
        {
            double phi = i + 0.5;
            foreach (double c in centres)
            {
                double d = ((phi - c) % 360 + 540) % 360 - 180;
                p[i] += Math.Exp(-d * d / (2 * sigma * sigma));
            }
        }

        return p;
    }

    private static double[] Ones() => Enumerable.Repeat(1.0, N).ToArray();

    private static List<int> Maxima(double[] c, double min) =>
        Enumerable.Range(0, N).Where(j => c[j] >= min && c[j] >= c[(j + N - 1) % N] && c[j] > c[(j + 1) % N]).ToList();

    [Fact]
    public void Single_peaks_correlate_at_their_angle_difference()
    {
        var c = MaskedCcf.ComputeScaled(Peaks(3, 30), Ones(), Peaks(5, 75), Ones());
        Assert.Equal(45, Array.IndexOf(c, c.Max()));
        Assert.Equal(1.0, c.Max(), 12);
        Assert.Equal(0.0, c.Min(), 12);
    }

    [Fact]
    public void Fourfold_against_twofold_gives_peaks_every_90_degrees_offset_by_the_shift()
    {
        // I1: four peaks 90° apart from 10°; I2: two peaks at 55° and 235° → C peaks at Δ = 45 + k·90.
        var c = MaskedCcf.ComputeScaled(Peaks(4, 10, 100, 190, 280), Ones(), Peaks(6, 55, 235), Ones());
        Assert.Equal([45, 135, 225, 315], Maxima(c, 0.5));
    }

    [Fact]
    public void Mask_overlap_normalisation_removes_the_window_bias()
    {
        // Flat rings seen through a 90° window (like WAXS) and a gapped SAXS ring: with the overlap normalisation
        // every Δ sees the same mean product, so C is flat (eq. 3 alone would follow the overlap instead).
        var w1 = Ones();
        for (int i = 130; i < 140; i++)
        {
            w1[i] = 0; // holder arm
        }

        var w2 = new double[N];
        for (int i = 270; i < 360; i++)
        {
            w2[i] = 1;
        }

        var i1 = Enumerable.Repeat(2.0, N).ToArray();
        var i2 = Enumerable.Repeat(3.0, N).ToArray();
        i1[135] = 1e9; // under the mask: must not leak in
        var c = MaskedCcf.Compute(i1, w1, i2, w2);
        Assert.All(c, v => Assert.Equal(6.0, v, 12));
    }

    [Fact]
    public void A_peak_inside_a_partial_window_is_still_found()
    {
        var w2 = new double[N];
        for (int i = 280; i < 360; i++)
        {
            w2[i] = 1;
        }

        var c = MaskedCcf.ComputeScaled(Peaks(3, 200), Ones(), Peaks(5, 320), w2);
        Assert.Equal(120, Array.IndexOf(c, c.Max()));
    }

    [Fact]
    public void No_overlap_gives_NaN_and_bad_input_throws()
    {
        var w1 = new double[N];
        var c = MaskedCcf.Compute(Ones(), w1, Ones(), Ones());
        Assert.All(c, v => Assert.True(double.IsNaN(v)));
        Assert.All(MaskedCcf.ScaleToUnit(c), v => Assert.True(double.IsNaN(v)));
        Assert.Throws<ArgumentException>(() => MaskedCcf.Compute(Ones(), Ones(), Ones(), new double[10]));
        var negative = Ones();
        negative[3] = -1;
        Assert.Throws<ArgumentException>(() => MaskedCcf.Compute(Ones(), negative, Ones(), Ones()));
    }
}
