using XccaMap.Diffraction.Features;

namespace XccaMap.Tests.Diffraction.Features;

public class AngularPeakFinderTests
{
    private static (float[] Net, float[] Sigma, bool[] Valid) Profile(int n, double[] phis, double width, double height, int seed, double noise = 1)
    {
        var rng = new Random(seed);
        var net = new float[n];
        double step = 360.0 / n;
        for (int j = 0; j < n; j++)
        {
            double phi = (j + 0.5) * step;
            double v = 0;
            foreach (double p in phis)
            {
                double d = AngularPeakFinder.AngularDistance(phi, p);
                v += height * Math.Exp(-0.5 * d * d / (width * width));
            }

            net[j] = (float)(v + (noise * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)));
        }

        return (net, Enumerable.Repeat((float)noise, n).ToArray(), Enumerable.Repeat(true, n).ToArray());
    }

    [Fact]
    public void FindsPeaks_IncludingAcrossZero()
    {
        var (net, sigma, valid) = Profile(180, [1.0, 91.0, 181.0, 271.0, 137.0], 2.5, 20, 1);
        var peaks = new List<AngularPeak>();
        AngularPeakFinder.Find(net, sigma, valid, 1.0, 2.0, new AngularPeakOptions(), peaks);
        Assert.Equal(5, peaks.Count);
        foreach (double expected in new[] { 1.0, 91.0, 181.0, 271.0, 137.0 })
        {
            Assert.Contains(peaks, p => AngularPeakFinder.AngularDistance(p.Phi, expected) < 1.0);
        }
    }

    [Fact]
    public void PureNoise_HasNoPeaks()
    {
        var (net, sigma, valid) = Profile(180, [], 2, 0, 7);
        var peaks = new List<AngularPeak>();
        AngularPeakFinder.Find(net, sigma, valid, 1.0, 2.0, new AngularPeakOptions(), peaks);
        Assert.Empty(peaks);
    }

    [Fact]
    public void InvalidBins_AreIgnored_AndDoNotJoinTheEnds()
    {
        var (net, sigma, valid) = Profile(180, [100.0], 3, 30, 3);
        for (int j = 0; j < 180; j++)
        {
            valid[j] = j >= 30 && j < 75; // a 90° arc, as on a WAXS ring
        }

        net[0] = 500; // outside the arc: must be ignored
        var peaks = new List<AngularPeak>();
        AngularPeakFinder.Find(net, sigma, valid, 1.0, 2.0, new AngularPeakOptions(), peaks);
        var single = Assert.Single(peaks);
        Assert.InRange(single.Phi, 99, 101);
    }
}
