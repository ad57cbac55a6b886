using XccaMap.Diffraction.Xcca;
using static XccaMap.Tests.Diffraction.Xcca.CcfTestProfiles;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>The domain average C̄ = Σ num / Σ den and why it was chosen over the mean of per-frame ratios.</summary>
public sealed class CcfAccumulatorTests
{
    private const int N = 360;

    private static (double[] I1, double[] I2) Frame(Random rng, double scale)
    {
        var i1 = Gaussians(N, (20, 1, 3), (110, 1, 3), (200, 1, 3), (290, 1, 3));
        var i2 = Gaussians(N, (275, 1, 7), (5, 1, 7));
        for (int k = 0; k < N; k++)
        {
            i1[k] = Poisson(rng, scale * (i1[k] + 0.2)) / scale;
            i2[k] = Poisson(rng, scale * (i2[k] + 0.1)) / scale;
        }

        return (i1, i2);
    }

    private static double Poisson(Random rng, double mean)
    {
        // Normal approximation is enough here (means ≥ ~10).
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Max(0, mean + (Math.Sqrt(mean) * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2)));
    }

    [Fact]
    public void With_identical_masks_the_ratio_of_sums_is_the_mean_of_the_frame_ccfs()
    {
        var rng = new Random(3);
        var w1 = Ones(N);
        w1[135] = 0;
        var w2 = Arc(N, 250, 95);
        var engine = new MaskedCcfEngine(N);
        var acc = new CcfAccumulator(N);
        var mean = new double[N];
        var c = new double[N];
        const int Frames = 25;
        for (int f = 0; f < Frames; f++)
        {
            var (i1, i2) = Frame(rng, 50 * (1 + f % 3)); // frames of different brightness
            engine.Compute(i1, w1, i2, w2, c);
            for (int j = 0; j < N; j++)
            {
                mean[j] += c[j] / Frames;
            }

            engine.Accumulate(i1, w1, i2, w2, acc, f);
        }

        var result = CcfResult.From(acc, engine);
        Assert.Equal(Frames, result.Frames);
        Assert.True(MaxAbsDifference(result.Raw, mean) <= 1e-12 * Range(mean));
        // Mean overlap Σ W1·W2(·+Δ): the 95 bins of the arc, one fewer for the 95 lags that bring the masked W1 bin into it.
        Assert.Equal(95, result.Overlap.Count(o => Math.Abs(o - 94) < 1e-9));
        Assert.Equal(N - 95, result.Overlap.Count(o => Math.Abs(o - 95) < 1e-9));
    }

    [Fact]
    public void Frames_with_little_overlap_weigh_less_so_the_ratio_of_sums_is_closer_to_the_truth()
    {
        // Half of the frames see the WAXS ring through a 4° slit only: their per-frame ratio is noisy at every Δ.
        // Σ num / Σ den weighs each (frame, φ) pair once; the mean of ratios gives the slit frames full weight.
        var rng = new Random(11);
        var engine = new MaskedCcfEngine(N);
        var acc = new CcfAccumulator(N);
        var meanOfRatios = new double[N];
        var c = new double[N];
        var w1 = Ones(N);
        var wide = Arc(N, 250, 95);
        var slit = Arc(N, 270, 4);
        const int Frames = 200;
        for (int f = 0; f < Frames; f++)
        {
            var (i1, i2) = Frame(rng, 20);
            var w2 = f % 2 == 0 ? wide : slit;
            engine.Compute(i1, w1, i2, w2, c);
            for (int j = 0; j < N; j++)
            {
                meanOfRatios[j] += c[j] / Frames;
            }

            engine.Accumulate(i1, w1, i2, w2, acc, f);
        }

        // Truth: the noise-free rings through the same masks, each frame as often (the expected ratio of sums).
        var (t1, t2) = (Gaussians(N, (20, 1, 3), (110, 1, 3), (200, 1, 3), (290, 1, 3)).Select(v => v + 0.2).ToArray(),
            Gaussians(N, (275, 1, 7), (5, 1, 7)).Select(v => v + 0.1).ToArray());
        var truthAcc = new CcfAccumulator(N);
        engine.Accumulate(t1, w1, t2, wide, truthAcc, 0);
        engine.Accumulate(t1, w1, t2, slit, truthAcc, 1);
        var truth = CcfResult.From(truthAcc, engine).Scaled;
        double rSums = Pearson(CcfResult.From(acc, engine).Scaled, truth);
        double rRatios = Pearson(XccaMap.Diffraction.Ccf.MaskedCcf.ScaleToUnit(meanOfRatios), truth);
        Assert.True(rSums > 0.99, $"ratio of sums r = {rSums}");
        Assert.True(1 - rSums < 0.5 * (1 - rRatios), $"ratio of sums r = {rSums}, mean of ratios r = {rRatios}");
    }

    [Fact]
    public void Merged_thread_sums_equal_one_sum()
    {
        var rng = new Random(5);
        var engine = new MaskedCcfEngine(N);
        var all = new CcfAccumulator(N);
        var a = new CcfAccumulator(N);
        var b = new CcfAccumulator(N);
        for (int f = 0; f < 40; f++)
        {
            var (i1, i2) = Frame(rng, 30);
            engine.Accumulate(i1, Ones(N), i2, Arc(N, 0, 100), all, f);
            engine.Accumulate(i1, Ones(N), i2, Arc(N, 0, 100), f < 17 ? a : b, f);
        }

        a.Merge(b);
        Assert.Equal(all.Frames, a.Frames);
        for (int g = 0; g < all.Groups; g++)
        {
            Assert.Equal(all.FramesInGroup(g), a.FramesInGroup(g));
        }

        Assert.True(MaxAbsDifference(CcfResult.From(all).Raw, CcfResult.From(a).Raw) < 1e-12);
    }

    [Fact]
    public void Jackknife_groups_spread_consecutive_frames()
    {
        var acc = new CcfAccumulator(N);
        var counts = new int[acc.Groups];
        for (long f = 0; f < 1000; f++)
        {
            counts[acc.GroupOf(f)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 70, 130));
        var row = new int[acc.Groups];
        for (long f = 0; f < 121 * 40; f += 121)
        {
            row[acc.GroupOf(f)]++; // a column of a 121-wide raster
        }

        Assert.True(row.Count(c => c > 0) >= 8);
    }
}
