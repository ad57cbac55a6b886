using System.Globalization;
using XccaMap.Reporting;

namespace XccaMap.Tests.Reporting;

public class ColormapTests
{
    [Fact]
    public void Viridis_Endpoints_MatchThePublishedMap()
    {
        Assert.Equal(new Rgba(68, 1, 84), Colormap.Viridis.Map(0));
        Assert.Equal(new Rgba(253, 231, 37), Colormap.Viridis.Map(1));
        Assert.Equal(new Rgba(33, 145, 140), Colormap.Viridis.Map(0.5), new RgbaTolerance(2)); // matplotlib: (33, 145, 140)
    }

    [Fact]
    public void Magma_Endpoints_MatchThePublishedMap()
    {
        Assert.Equal(new Rgba(0, 0, 4), Colormap.Magma.Map(0));
        Assert.Equal(new Rgba(252, 253, 191), Colormap.Magma.Map(1));
    }

    [Theory]
    [InlineData("viridis")]
    [InlineData("magma")]
    [InlineData("gray")]
    public void Lightness_IncreasesMonotonically(string name)
    {
        // 8-bit rounding alone can dip L* by a few hundredths between neighbouring levels (the
        // published 8-bit viridis table dips by 0.03 at level 94), so neighbours may fall by at
        // most 0.1 while every 4-level step must rise.
        var table = Colormap.ByName(name).Table;
        for (int i = 1; i < table.Length; i++)
        {
            double drop = CieLightness(table[i - 1]) - CieLightness(table[i]);
            Assert.True(drop < 0.1, $"{name}: L* falls by {drop:F3} at level {i}");
        }

        for (int i = 4; i < table.Length; i += 4)
        {
            Assert.True(CieLightness(table[i]) > CieLightness(table[i - 4]), $"{name}: L* does not rise from level {i - 4} to {i}");
        }

        Assert.True(CieLightness(table[^1]) - CieLightness(table[0]) > 60, $"{name}: lightness range too small");
    }

    [Fact]
    public void OutOfRangeAndNaN_AreClampedOrGivenTheNanColour()
    {
        var map = Colormap.Viridis;
        Assert.Equal(map.Map(0), map.Map(-3));
        Assert.Equal(map.Map(1), map.Map(7));
        Assert.Equal(Rgba.LightGray, map.Map(double.NaN, Rgba.LightGray));
        Assert.Equal(map.Map(0), map.Reversed().Map(1));
        Assert.Throws<ArgumentException>(() => Colormap.ByName("jet"));
    }

    [PythonFact("matplotlib")]
    public void Tables_StayWithin2Of255_OfMatplotlib()
    {
        foreach (var map in new[] { Colormap.Viridis, Colormap.Magma })
        {
            var (code, stdout, stderr) = Python.Run(
                "import sys, matplotlib; lut = matplotlib.colormaps[sys.argv[1]].colors; " +
                "print('\\n'.join(' '.join(str(round(v * 255)) for v in c[:3]) for c in lut))",
                map.Name);
            Assert.True(code == 0, stderr);
            string[] lines = stdout.Trim().Split('\n');
            Assert.Equal(Colormap.Levels, lines.Length);
            int worst = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                int[] rgb = [.. lines[i].Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
                var c = map.Table[i];
                worst = Math.Max(worst, new[] { Math.Abs(c.R - rgb[0]), Math.Abs(c.G - rgb[1]), Math.Abs(c.B - rgb[2]) }.Max());
            }

            Assert.True(worst <= 2, $"{map.Name}: worst channel difference {worst}/255");
        }
    }

    [Fact]
    public void CategoricalPalette_ReservedLabels_AndDistinctClasses()
    {
        var p = CategoricalPalette.OkabeIto;
        Assert.Equal(Rgba.White, p.ColorOf(ClassMap.Empty));
        Assert.Equal(Rgba.FromRgb(0xA0A0A0), p.ColorOf(ClassMap.Mixed));
        Assert.Equal(Rgba.FromRgb(0x0072B2), p.ColorOf(0));
        var colours = Enumerable.Range(0, 16).Select(p.ColorOf).Append(p.MixedColor).Append(p.EmptyColor).ToList();
        Assert.Equal(colours.Count, colours.Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => p.ColorOf(-3));
    }

    [Fact]
    public void Rgba_ParsesAndFormatsHex()
    {
        Assert.Equal(new Rgba(0x12, 0xAB, 0xEF), Rgba.Parse("#12abef"));
        Assert.Equal(new Rgba(1, 2, 3, 4), Rgba.Parse("01020304"));
        Assert.Equal("#12abef", new Rgba(0x12, 0xAB, 0xEF).ToHex());
        Assert.Throws<FormatException>(() => Rgba.Parse("#12"));
    }

    /// <summary>CIE 1976 L* of an sRGB colour (D65).</summary>
    private static double CieLightness(Rgba c)
    {
        static double Lin(byte v)
        {
            double s = v / 255.0;
            return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        double y = (0.2126 * Lin(c.R)) + (0.7152 * Lin(c.G)) + (0.0722 * Lin(c.B));
        return y > 216.0 / 24389 ? (116 * Math.Cbrt(y)) - 16 : y * 24389 / 27;
    }

    private sealed class RgbaTolerance(int tolerance) : IEqualityComparer<Rgba>
    {
        public bool Equals(Rgba a, Rgba b) =>
            Math.Abs(a.R - b.R) <= tolerance && Math.Abs(a.G - b.G) <= tolerance && Math.Abs(a.B - b.B) <= tolerance && a.A == b.A;

        public int GetHashCode(Rgba obj) => 0;
    }
}
