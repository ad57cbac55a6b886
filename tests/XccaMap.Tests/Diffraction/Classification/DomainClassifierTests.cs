using XccaMap.Diffraction.Classification;

namespace XccaMap.Tests.Diffraction.Classification;

public class DomainClassifierTests
{
    private const int Dim = 90;

    private static readonly double[][] ClassPeaks =
    [
        [0, 90, 180, 270],
        [30, 150, 270],
        [60, 240],
        [10, 100, 190, 280],
    ];

    /// <summary>Fingerprints built as the analyzer builds them: √(profile above the noise floor), unit length.</summary>
    private static float[] Fingerprint(Random rng, IEnumerable<(double[] Peaks, double Height)> parts, double noise)
    {
        var v = new float[Dim];
        for (int j = 0; j < Dim; j++)
        {
            double phi = (j + 0.5) * 4;
            double s = noise * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1);
            foreach (var (peaks, height) in parts)
            {
                foreach (double p in peaks)
                {
                    double d = Math.Abs(phi - p) % 360;
                    d = Math.Min(d, 360 - d);
                    s += height * Math.Exp(-0.5 * d * d / 9.0);
                }
            }

            v[j] = (float)Math.Sqrt(Math.Max(0, s - (2 * noise)));
        }

        double n = Math.Sqrt(v.Sum(x => (double)x * x));
        return v.Select(x => (float)(x / n)).ToArray();
    }

    private static (float[] Data, bool[] Signal, int[] Truth) Planted(int[] sizes, int mixed, int empty, int seed, double noise = 1)
    {
        var rng = new Random(seed);
        var rows = new List<float[]>();
        var truth = new List<int>();
        for (int c = 0; c < sizes.Length; c++)
        {
            for (int i = 0; i < sizes[c]; i++)
            {
                rows.Add(Fingerprint(rng, [(ClassPeaks[c], 10 * (0.6 + rng.NextDouble()))], noise));
                truth.Add(c);
            }
        }

        for (int i = 0; i < mixed; i++)
        {
            double share = 0.35 + (0.3 * rng.NextDouble());
            rows.Add(Fingerprint(rng, [(ClassPeaks[0], 10 * share), (ClassPeaks[1], 10 * (1 - share))], noise));
            truth.Add(ClassLabels.Mixed);
        }

        for (int i = 0; i < empty; i++)
        {
            rows.Add(new float[Dim]);
            truth.Add(ClassLabels.Empty);
        }

        // Shuffle so nothing depends on the order.
        var order = Enumerable.Range(0, rows.Count).OrderBy(_ => rng.Next()).ToArray();
        var data = order.SelectMany(i => rows[i]).ToArray();
        var t = order.Select(i => truth[i]).ToArray();
        return (data, t.Select(l => l != ClassLabels.Empty).ToArray(), t);
    }

    [Fact]
    public void RecoversPlantedClasses_MixedAndEmpty()
    {
        var (data, signal, truth) = Planted([400, 250, 120, 60], mixed: 50, empty: 80, seed: 2);
        var result = DomainClassifier.Classify(data, signal, truth.Length, Dim);
        Assert.Equal(4, result.ClassCount);
        var pure = Enumerable.Range(0, truth.Length).Where(i => truth[i] >= 0).ToArray();
        double ari = AdjustedRand.Index(pure.Select(i => truth[i]).ToArray(), pure.Select(i => result.Labels[i]).ToArray());
        Assert.True(ari >= 0.98, $"ARI {ari}");
        Assert.All(Enumerable.Range(0, truth.Length).Where(i => truth[i] == ClassLabels.Empty), i => Assert.Equal(ClassLabels.Empty, result.Labels[i]));
        int mixedFound = Enumerable.Range(0, truth.Length).Count(i => truth[i] == ClassLabels.Mixed && result.Labels[i] == ClassLabels.Mixed);
        Assert.True(mixedFound >= 40, $"{mixedFound} of 50 mixed points found");
        Assert.True(pure.Count(i => result.Labels[i] == ClassLabels.Mixed) <= 0.02 * pure.Length);
        var sizes = result.ClassSizes();
        int[] planted = [400, 250, 120, 60];
        for (int c = 0; c < 4; c++)
        {
            Assert.InRange(sizes[c], planted[c], planted[c] + 10); // + unflagged mixed points
        }
    }

    [Fact]
    public void OneDomain_GivesOneClass()
    {
        var (data, signal, truth) = Planted([500], mixed: 0, empty: 20, seed: 4);
        var result = DomainClassifier.Classify(data, signal, truth.Length, Dim);
        Assert.Equal(1, result.ClassCount);
        Assert.True(result.Labels.Count(l => l == 0) >= 495);
    }

    [Fact]
    public void FixedClassCount_IsHonoured()
    {
        var (data, signal, truth) = Planted([200, 200, 200], mixed: 0, empty: 0, seed: 5);
        var result = DomainClassifier.Classify(data, signal, truth.Length, Dim, new ClassifierOptions { Classes = 2 });
        Assert.Equal(2, result.ClassCount);
    }

    [Fact]
    public void TwoClassFit_OfAnExactMixture_IsPerfect()
    {
        // u ⟂ v, x = (u + v)/√2.
        var fit = TwoClassFit.From(Math.Sqrt(0.5), Math.Sqrt(0.5), 0);
        Assert.Equal(1, fit.Cosine, 9);
        Assert.Equal(0.5, fit.ShareOfSecond, 9);
    }
}
