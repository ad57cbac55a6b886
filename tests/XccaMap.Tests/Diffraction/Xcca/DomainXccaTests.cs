using System.Diagnostics;
using XccaMap.Diffraction.Disorder;
using XccaMap.Diffraction.Rings;
using XccaMap.Diffraction.Xcca;
using Xunit.Abstractions;
using static XccaMap.Tests.Diffraction.Xcca.CcfTestProfiles;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>The per-domain entry point on synthetic ring profiles: ring choice, domain separation, sums.</summary>
public sealed class DomainXccaTests(ITestOutputHelper output)
{
    private const int N = 180;

    /// <summary>Rings of an fcc SL (200, 220, 311) and a rock-salt AL (111, 200, 220; not indexed, as process leaves them).</summary>
    private static readonly Ring[] AllRings =
    [
        new(RingKind.Superlattice, 0.0837, 0.081, 0.086, 0.002, 5) { Hkl = "200" },
        new(RingKind.Superlattice, 0.1184, 0.116, 0.121, 0.002, 2) { Hkl = "220" },
        new(RingKind.Superlattice, 0.1388, 0.136, 0.141, 0.002, 3) { Hkl = "311" },
        new(RingKind.AtomicLattice, 1.8333, 1.80, 1.87, 0.087, 1),
        new(RingKind.AtomicLattice, 2.1170, 2.08, 2.15, 0.087, 1),
        new(RingKind.AtomicLattice, 2.9939, 2.96, 3.03, 0.087, 0.3),
    ];

    /// <summary>Frames of two domains (and frames of none), with noise; domain 0's strongest SL ring is 311, domain 1's is 200.</summary>
    private sealed class Source(int frames, int seed) : IRingProfileSource
    {
        private readonly double[][][] _i = Build(frames, seed);

        public int Frames => frames;

        public int PhiCount => N;

        public IReadOnlyList<Ring> Rings => AllRings;

        public static int DomainOf(int frame) => frame % 5 == 4 ? -1 : frame % 2;

        public bool TryRead(int frame, int ring, Span<double> intensity, Span<double> weight)
        {
            _i[frame][ring].CopyTo(intensity);
            for (int j = 0; j < N; j++)
            {
                // WAXS rings seen over 90° only; a holder arm across the SAXS rings.
                weight[j] = ring >= 3 ? (j >= 135 ? 1 : 0) : (j is 60 or 61 ? 0 : 1);
            }

            return frame != 7; // one frame without data
        }

        private static double[][][] Build(int frames, int seed)
        {
            var rng = new Random(seed);
            var result = new double[frames][][];
            for (int f = 0; f < frames; f++)
            {
                int d = DomainOf(f);
                double rot = d == 1 ? 30 : 0;
                result[f] = new double[AllRings.Length][];
                for (int r = 0; r < AllRings.Length; r++)
                {
                    double amp = (d, r) switch { (0, 2) => 3, (1, 0) => 3, (_, < 3) => 1, (_, 4) => 2, _ => 0.5 };
                    var p = Gaussians(N, (10 + rot + (20 * r), amp, 4), (100 + rot + (20 * r), amp, 4), (190 + rot + (20 * r), amp, 4), (280 + rot + (20 * r), amp, 4));
                    result[f][r] = p.Select(v => v + (0.05 * (rng.NextDouble() - 0.5))).ToArray();
                }
            }

            return result;
        }
    }

    [Fact]
    public void Each_domain_correlates_its_strongest_SL_ring_with_AL_200()
    {
        var source = new Source(200, 1);
        var labels = Enumerable.Range(0, source.Frames).Select(Source.DomainOf).ToArray();
        var results = DomainXcca.Compute(source, labels);
        Assert.Equal([0, 1], results.Select(r => r.Domain));
        Assert.Equal("sl_311", results[0].Pair.Q1Label);
        Assert.Equal("sl_200", results[1].Pair.Q1Label);
        Assert.All(results, r => Assert.Equal("al_q2.1170", r.Pair.Q2Label));
        Assert.All(results, r => Assert.Contains("2/√3", r.PairSource, StringComparison.Ordinal));
        Assert.Equal(labels.Count(l => l == 0), results[0].Frames);
        Assert.Equal(labels.Count(l => l == 1) - 1, results[1].Frames); // frame 7 has no data
    }

    [Fact]
    public void Domain_sums_equal_a_direct_accumulation_of_its_frames()
    {
        var source = new Source(120, 2);
        var labels = Enumerable.Range(0, source.Frames).Select(Source.DomainOf).ToArray();
        var results = DomainXcca.Compute(source, labels, new DomainXccaOptions { Q1 = 0.0837, Q2 = 2.11 });
        var engine = new MaskedCcfEngine(N);
        foreach (var r in results)
        {
            Assert.Equal("sl_200", r.Pair.Q1Label);
            Assert.Equal("configured", r.PairSource.Split(';')[0].Split(": ")[1]);
            var acc = new CcfAccumulator(N);
            var auto = new CcfAccumulator(N);
            double[] i1 = new double[N], w1 = new double[N], i2 = new double[N], w2 = new double[N];
            for (int f = 0; f < source.Frames; f++)
            {
                if (labels[f] == r.Domain && source.TryRead(f, 0, i1, w1) && source.TryRead(f, 4, i2, w2))
                {
                    engine.Accumulate(i1, w1, i2, w2, acc, f);
                    engine.Accumulate(i2, w2, i2, w2, auto, f);
                }
            }

            Assert.Equal(acc.Frames, r.Frames);
            Assert.True(MaxAbsDifference(CcfResult.From(acc).Raw, r.Ccf.Raw) < 1e-12);
            Assert.True(MaxAbsDifference(CcfResult.From(auto).Raw, r.AutoQ2!.Raw) < 1e-12);
            Assert.Equal(N / 2 + 1, r.Ccf.Fourier.Length);
            Assert.Equal(SymmetryErrorMethod.Jackknife, r.Ccf.Axis.Method);
        }
    }

    [Fact]
    public void Disorder_is_fitted_for_domains_with_a_peak_patch()
    {
        var source = new Source(40, 3);
        var labels = Enumerable.Range(0, source.Frames).Select(Source.DomainOf).ToArray();
        var q = Enumerable.Range(0, 40).Select(i => 2.02 + (i * 0.005)).ToArray();
        var phi = Enumerable.Range(0, 360).Select(j => j + 0.5).ToArray();
        var model = new PeakModel(5, 2.117, 0.037, 300, 6.5, 1, 0, 0, 2.12, 300);
        var y = q.SelectMany(qq => phi.Select(p => model.Evaluate(qq, p))).ToArray();
        var s = y.Select(v => 0.01 * Math.Sqrt(v)).ToArray();
        var results = DomainXcca.Compute(source, labels, null, new Dictionary<int, PeakPatch> { [1] = new(q, phi, y, s) });
        Assert.Null(results[0].Disorder);
        Assert.True(results[1].Disorder!.Success);
        Assert.Equal(2.3548200450309493 * 6.5, results[1].Disorder!.FwhmAzDeg.Value, 1e-6);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Throughput_for_a_121_by_121_scan()
    {
        var source = new Source(121 * 121, 4);
        var labels = Enumerable.Range(0, source.Frames).Select(Source.DomainOf).ToArray();
        DomainXcca.Compute(source, labels.Take(100).ToArray());
        var sw = Stopwatch.StartNew();
        var results = DomainXcca.Compute(source, labels);
        output.WriteLine($"DomainXcca: {source.Frames} frames, {results.Sum(r => r.Frames)} in domains, N = {N}: {sw.Elapsed.TotalSeconds:F2} s wall ({sw.Elapsed.TotalMilliseconds * 1000 / source.Frames:F1} µs/frame incl. ring choice, cross + 2 autocorrelations)");
    }
}
