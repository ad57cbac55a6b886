using XccaMap.Simulation.Noise;

namespace XccaMap.Tests.Simulation;

/// <summary>The counting noise is exactly Poisson, for single deviates and for the tiled frame sampler.</summary>
public sealed class PoissonSamplerTests
{
    [Theory]
    [InlineData(0.02)]
    [InlineData(0.7)]
    [InlineData(3.0)]
    [InlineData(9.99)]
    [InlineData(10.0)]
    [InlineData(37.5)]
    [InlineData(2500.0)]
    public void Deviates_have_the_Poisson_mean_variance_and_distribution(double lambda)
    {
        var rng = new Xoshiro256(5, (long)(lambda * 1000));
        const int n = 200_000;
        var counts = new Dictionary<long, int>();
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++)
        {
            long k = PoissonSampler.Next(ref rng, lambda);
            sum += k;
            sum2 += (double)k * k;
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }

        double mean = sum / n, variance = (sum2 / n) - (mean * mean);
        double se = Math.Sqrt(lambda / n);
        Assert.InRange(mean, lambda - (5 * se), lambda + (5 * se));
        Assert.InRange(variance / lambda, 0.97, 1.03);

        // χ² against the exact pmf over the bins with ≥ 20 expected counts (and their tails pooled).
        double chi2 = 0;
        int dof = 0;
        double tailObserved = n, tailExpected = n;
        for (long k = 0; k < (long)(lambda + (12 * Math.Sqrt(lambda)) + 12); k++)
        {
            double e = n * Math.Exp((k * Math.Log(lambda)) - lambda - PoissonSampler.LogFactorial(k));
            if (e < 20)
            {
                continue;
            }

            double o = counts.GetValueOrDefault(k);
            chi2 += (o - e) * (o - e) / e;
            tailObserved -= o;
            tailExpected -= e;
            dof++;
        }

        if (tailExpected >= 20)
        {
            chi2 += (tailObserved - tailExpected) * (tailObserved - tailExpected) / tailExpected;
            dof++;
        }

        // 99.99 % quantile of χ² with dof degrees of freedom ≈ dof + 3.9√(2·dof) + 8.
        Assert.True(chi2 < dof + (3.9 * Math.Sqrt(2 * dof)) + 8, $"χ² = {chi2:F1} with {dof} bins at λ = {lambda}");
    }

    [Fact]
    public void Tiled_thinning_matches_per_pixel_sampling()
    {
        // A frame mixing empty, thin (max ≤ 1) and dense tiles; per-pixel mean and P(0), P(1) over many frames.
        const int rows = 32, cols = 160, frames = 4000;
        var lambda = new float[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                lambda[(r * cols) + c] = c < 40 ? 0 : c < 100 ? 0.002f + (0.9f * ((r * 7 + c * 3) % 17) / 16f) : 0.5f + (c - 100) * 0.2f;
            }
        }

        var sum = new double[lambda.Length];
        var zeros = new int[lambda.Length];
        var ones = new int[lambda.Length];
        var counts = new uint[lambda.Length];
        for (int f = 0; f < frames; f++)
        {
            Array.Clear(counts);
            var rng = new Xoshiro256(17, f);
            PoissonFrameSampler.Sample(lambda, counts, rows, cols, ref rng);
            for (int p = 0; p < counts.Length; p++)
            {
                sum[p] += counts[p];
                zeros[p] += counts[p] == 0 ? 1 : 0;
                ones[p] += counts[p] == 1 ? 1 : 0;
            }
        }

        for (int p = 0; p < lambda.Length; p++)
        {
            double l = lambda[p];
            double se = Math.Sqrt(Math.Max(l, 1e-3) / frames);
            Assert.True(Math.Abs((sum[p] / frames) - l) < (5.5 * se) + 1e-9, $"pixel {p}: mean {sum[p] / frames} for λ = {l}");
            // P(0) and P(1) where the normal approximation of their counts holds (≥ 20 expected either way).
            foreach (var (observed, prob, what) in new[] { (zeros[p], Math.Exp(-l), "P(0)"), (ones[p], l * Math.Exp(-l), "P(1)") })
            {
                if (prob * frames >= 20 && (1 - prob) * frames >= 20)
                {
                    Assert.True(Math.Abs(((double)observed / frames) - prob) < 5.5 * Math.Sqrt(prob * (1 - prob) / frames), $"pixel {p}: {what} = {(double)observed / frames} for λ = {l}");
                }
            }
        }
    }

    [Fact]
    public void Same_stream_same_counts()
    {
        var lambda = Enumerable.Range(0, 64 * 64).Select(i => (float)(i % 13) * 0.1f).ToArray();
        var a = new uint[lambda.Length];
        var b = new uint[lambda.Length];
        var r1 = new Xoshiro256(3, 42);
        var r2 = new Xoshiro256(3, 42);
        PoissonFrameSampler.Sample(lambda, a, 64, 64, ref r1);
        PoissonFrameSampler.Sample(lambda, b, 64, 64, ref r2);
        Assert.Equal(a, b);
        Assert.Throws<ArgumentException>(() => PoissonFrameSampler.Sample(lambda, new uint[10], 64, 64, ref r1));
    }
}
