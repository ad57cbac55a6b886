using XccaMap.Reporting;

namespace XccaMap.Tests.Reporting;

public class ColorScaleTests
{
    [Fact]
    public void Log10_PutsDecadesAtEqualSpacing()
    {
        var s = ColorScale.Log10(1, 1000);
        Assert.Equal(0.0, s.Normalize(1), 12);
        Assert.Equal(1.0 / 3, s.Normalize(10), 12);
        Assert.Equal(2.0 / 3, s.Normalize(100), 12);
        Assert.Equal(1.0, s.Normalize(1000), 12);
        Assert.Equal(s.Normalize(20) - s.Normalize(2), s.Normalize(200) - s.Normalize(20), 12);
        Assert.Equal(0.0, s.Normalize(0));       // zero counts: lowest colour, not NaN
        Assert.Equal(0.0, s.Normalize(-5));
        Assert.True(double.IsNaN(s.Normalize(double.NaN)));
        Assert.Equal(100.0, s.ValueAt(2.0 / 3), 9);
    }

    [Fact]
    public void Linear_ClampsAndInverts()
    {
        var s = ColorScale.Linear(-1, 3);
        Assert.Equal(0.25, s.Normalize(0), 12);
        Assert.Equal(0.0, s.Normalize(-10));
        Assert.Equal(1.0, s.Normalize(double.PositiveInfinity));
        Assert.Equal(2.0, s.ValueAt(0.75), 12);
    }

    [Fact]
    public void InvalidLimits_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ColorScale.Log10(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColorScale.Linear(2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColorScale.Linear(double.NaN, 2));
    }

    [Fact]
    public void FromPercentiles_KnownAnswer_NumpyLinearInterpolation()
    {
        // 0..100: numpy.percentile(x, [1, 99.5]) = [1.0, 99.5]
        float[] v = [.. Enumerable.Range(0, 101).Select(i => (float)i).Reverse()];
        var s = ColorScale.FromPercentiles(v);
        Assert.Equal(1.0, s.Min, 6);
        Assert.Equal(99.5, s.Max, 6);
    }

    [Fact]
    public void FromPercentiles_IgnoresNaN_Masked_AndNonPositiveOnLog()
    {
        float[] v = [float.NaN, -5, 0, 10, 100, 1000, 1e9f];
        bool[] mask = [false, false, false, false, false, false, true]; // the hot pixel is masked
        var s = ColorScale.FromPercentiles(v, ColorScaleKind.Log10, 0, 100, mask);
        Assert.Equal((10.0, 1000.0), (s.Min, s.Max));
        Assert.Equal(ColorScaleKind.Log10, s.Kind);
    }

    [Fact]
    public void FromPercentiles_DegenerateData_GivesAUsableRange()
    {
        Assert.Equal(ColorScale.Linear(0, 1), ColorScale.FromPercentiles([float.NaN, float.NaN]));
        Assert.Equal(ColorScale.Log10(1, 10), ColorScale.FromPercentiles([0f, -1f], ColorScaleKind.Log10));
        var flat = ColorScale.FromPercentiles([5f, 5f, 5f]);
        Assert.True(flat.Min < 5 && flat.Max > 5);
    }

    [Fact]
    public void Percentiles_QuickselectMatchesSortedReference()
    {
        var rng = new Random(42);
        foreach (int n in new[] { 1, 2, 17, 1000, 20_001 })
        {
            // Many ties (like zero counts) plus noise.
            float[] data = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.4 ? 0f : (float)rng.Next(0, 50))];
            float[] sorted = [.. data.Order()];
            foreach (double p in new[] { 0, 1, 37.5, 50, 99.5, 100 })
            {
                double pos = p / 100 * (n - 1);
                int k = (int)Math.Floor(pos);
                double expected = k + 1 < n ? sorted[k] + ((sorted[k + 1] - sorted[k]) * (pos - k)) : sorted[k];
                Assert.Equal(expected, Percentiles.Of((float[])data.Clone(), p), 9);
            }
        }
    }

    [Fact]
    public void ColorMapping_NanAndMaskedColours_AndApplyMatchesColorOf()
    {
        var m = new ColorMapping(Colormap.Viridis, ColorScale.Log10(1, 1e4)) { NanColor = Rgba.Transparent, MaskedColor = Rgba.FromRgb(0xFF00FF) };
        float[] v = [float.NaN, 0, 1, 10, 100, 1000, 1e4f, 1e6f, 50];
        bool[] mask = [false, false, false, false, false, false, false, false, true];
        var rgba = new byte[v.Length * 4];
        m.Apply(v, mask, rgba);
        for (int i = 0; i < v.Length; i++)
        {
            var expected = mask[i] ? m.MaskedColor : m.ColorOf(v[i]);
            Assert.Equal(expected, new Rgba(rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2], rgba[(i * 4) + 3]));
        }

        Assert.Equal(Rgba.Transparent, m.ColorOf(double.NaN));
        // Decades land on table levels 0, 64 (≈ 63.75), 128 (127.5 rounds up), 191, 255.
        Assert.Equal(Colormap.Viridis.Table[64], m.ColorOf(10));
        Assert.Equal(Colormap.Viridis.Table[255], m.ColorOf(1e4));
    }
}
