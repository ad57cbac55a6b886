using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Tests.Diffraction.Rings;

public class RingFinderTests
{
    private const double Step = 0.0006;

    /// <summary>
    /// A scan-averaged profile like design.md §4.3: a q^−3.5 diffuse SAXS background, a broad membrane ring, fcc SL
    /// rings (a = <paramref name="a"/>) and two rock-salt AL rings, with 0.3 % noise.
    /// </summary>
    internal static (double[] Q, double[] I, double[] SlQ, double[] AlQ) Profile(double a = 150, double aAl = 5.936, int seed = 1)
    {
        var rng = new Random(seed);
        int n = (int)(2.4 / Step);
        var q = Enumerable.Range(0, n).Select(i => 0.02 + (i * Step)).ToArray();
        var sl = new[] { 3, 4, 8, 11, 12 }.Select(m => FccReflections.Q(m, a)).ToArray();
        var al = new[] { 3, 4 }.Select(m => FccReflections.Q(m, aAl)).ToArray();
        double[] slHeight = [0.6, 1.0, 0.5, 0.4, 0.15];
        var intensity = q.Select(x =>
        {
            double bg = (50 * Math.Pow(x / 0.05, -3.5)) + (0.02 * Math.Exp(-0.5 * Math.Pow((x - 1.5) / 0.25, 2))) + 0.002;
            double v = bg;
            for (int k = 0; k < sl.Length; k++)
            {
                v += slHeight[k] * bg * Math.Exp(-0.5 * Math.Pow((x - sl[k]) / 0.0013, 2));
            }

            foreach (double c in al)
            {
                v += 0.012 * Math.Exp(-0.5 * Math.Pow((x - c) / 0.037, 2));
            }

            return v * (1 + (0.003 * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)));
        }).ToArray();
        return (q, intensity, sl, al);
    }

    [Theory]
    [InlineData(150.0, 5.936)]
    [InlineData(121.0, 5.5)]
    public void FindsInjectedRings_WithinABin(double a, double aAl)
    {
        var (q, intensity, sl, al) = Profile(a, aAl);
        var rings = RingFinder.Find(q, intensity);
        Assert.Equal(sl.Length, rings.Superlattice.Count);
        for (int k = 0; k < sl.Length; k++)
        {
            Assert.InRange(rings.Superlattice[k].Q, sl[k] - Step, sl[k] + Step);
        }

        Assert.Equal(al.Length, rings.AtomicLattice.Count);
        for (int k = 0; k < al.Length; k++)
        {
            Assert.InRange(rings.AtomicLattice[k].Q, al[k] - (2 * Step), al[k] + (2 * Step));
        }

        // Windows never reach the neighbour's window.
        for (int k = 1; k < rings.Superlattice.Count; k++)
        {
            Assert.True(rings.Superlattice[k - 1].UpperBand.Max <= rings.Superlattice[k].QMin + 1e-12);
        }

        var ix = FccIndexer.Index(rings.Superlattice.Select(r => r.Q).ToList());
        Assert.InRange(ix.MeanA, a * 0.99, a * 1.01);
    }

    [Fact]
    public void SmoothBackground_HasNoRings()
    {
        var q = Enumerable.Range(0, 3000).Select(i => 0.02 + (i * Step)).ToArray();
        var intensity = q.Select(x => (50 * Math.Pow(x / 0.05, -3.5)) + 0.002).ToArray();
        var rings = RingFinder.Find(q, intensity);
        Assert.Empty(rings.Superlattice);
        Assert.Empty(rings.AtomicLattice);
    }

    [Fact]
    public void ConfiguredRings_ReplaceTheSearch()
    {
        var (q, intensity, sl, _) = Profile();
        var options = new RingFinderOptions { Superlattice = [new RingOverride(sl[1]), new RingOverride(sl[3], 0.002)] };
        var rings = RingFinder.Find(q, intensity, default, options);
        Assert.Equal(2, rings.Superlattice.Count);
        Assert.All(rings.Superlattice, r => Assert.True(r.FromConfig));
        Assert.Equal(sl[1], rings.Superlattice[0].Q, 9);
        Assert.Equal(0.002, rings.Superlattice[1].HalfWidth, 9);
    }

    [Fact]
    public void Snip_KeepsAStraightLine_AndClipsAPeak()
    {
        var y = Enumerable.Range(0, 200).Select(i => (0.5 * i) + (i == 100 ? 40.0 : 0.0)).ToArray();
        var b = SnipBackground.Estimate(y, 10);
        Assert.Equal(50.0, b[100], 6);
        Assert.Equal(y[20], b[20], 9);
    }
}
