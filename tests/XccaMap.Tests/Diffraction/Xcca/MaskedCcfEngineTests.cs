using XccaMap.Crystallography.Ccf;
using XccaMap.Diffraction.Xcca;
using static XccaMap.Tests.Diffraction.Xcca.CcfTestProfiles;
using Reference = XccaMap.Diffraction.Ccf.MaskedCcf;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>
/// The FFT path of the masked CCF (design.md §4.7, S.I. eqs. 1–3): against the O(N²) reference twin
/// (<see cref="Reference"/>), the analytic CCF of Gaussian peaks (<see cref="AnalyticCcf"/>) and masked rings.
/// </summary>
public sealed class MaskedCcfEngineTests
{
    public static TheoryData<int, int> Cases() => new() { { 360, 1 }, { 360, 2 }, { 720, 3 }, { 180, 4 }, { 100, 5 }, { 77, 6 }, { 7, 7 }, { 2, 8 } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fft_path_equals_the_reference_to_1e9_of_the_range(int n, int seed)
    {
        var rng = new Random(seed);
        double[] i1 = new double[n], w1 = new double[n], i2 = new double[n], w2 = new double[n];
        for (int k = 0; k < n; k++)
        {
            i1[k] = 1000 * rng.NextDouble();
            i2[k] = 3 * rng.NextDouble();
            w1[k] = rng.NextDouble() < 0.2 ? 0 : rng.NextDouble() < 0.5 ? 1 : rng.NextDouble(); // gaps and partly covered bins
            w2[k] = k < Math.Max(1, n / 4) ? rng.NextDouble() : 0;                                 // a quarter ring (WAXS)
        }

        var expected = Reference.Compute(i1, w1, i2, w2);
        var actual = new double[n];
        new MaskedCcfEngine(n).Compute(i1, w1, i2, w2, actual);
        Assert.True(MaxAbsDifference(actual, expected) <= 1e-9 * Range(expected), $"N = {n}");
    }

    [Fact]
    public void Lags_without_overlap_are_NaN_in_both_paths()
    {
        const int N = 360;
        var i = Gaussians(N, (5, 1, 3), (105, 2, 3));
        var w1 = Arc(N, 0, 10);
        var w2 = Arc(N, 100, 10);
        var expected = Reference.Compute(i, w1, i, w2);
        var actual = new double[N];
        new MaskedCcfEngine(N).Compute(i, w1, i, w2, actual);
        Assert.Equal(expected.Count(double.IsNaN), actual.Count(double.IsNaN));
        Assert.Equal(N - 19, actual.Count(double.IsNaN)); // overlap only for Δ = 91 … 109
        Assert.True(MaxAbsDifference(actual, expected) <= 1e-9 * Range(expected));
    }

    [Fact]
    public void Unmasked_rings_give_the_analytic_ccf_with_widths_in_quadrature()
    {
        // C(Δ)·360° = ∮ I1 I2(·+Δ) dφ (eq. 1 × 2π): peak at the angle difference 75 − 30 = 45°, σ = √(3² + 4²) = 5°.
        const int N = 360;
        AngularPeak[] ring1 = [new(30, 2, 3)], ring2 = [new(75, 5, 4)];
        var c = new double[N];
        new MaskedCcfEngine(N).Compute(Gaussians(N, (30, 2, 3)), Ones(N), Gaussians(N, (75, 5, 4)), Ones(N), c);
        var deltas = AnalyticCcf.DeltaGrid(0, 1, N);
        var analytic = AnalyticCcf.Evaluate(ring1, ring2, deltas);
        for (int j = 0; j < N; j++)
        {
            Assert.Equal(analytic[j], c[j] * 360, 1e-9 * analytic.Max());
        }

        double peak = 2 * 5 * Math.Sqrt(2 * Math.PI) * 3 * 4 / 5;
        for (int j = 0; j < N; j++)
        {
            double d = ((j - 45 + 540) % 360) - 180;
            Assert.Equal(peak * Math.Exp(-d * d / (2 * 25.0)), c[j] * 360, 1e-9 * peak);
        }
    }

    [Fact]
    public void Several_peaks_give_the_analytic_ccf_and_peaks_at_all_angle_differences()
    {
        const int N = 720;
        AngularPeak[] ring1 = [new(10, 1, 2.5), new(100, 0.7, 2.5), new(190, 1, 2.5), new(280, 0.7, 2.5)];
        AngularPeak[] ring2 = [new(47, 3, 6), new(227, 3, 6)];
        var c = new double[N];
        new MaskedCcfEngine(N).Compute(Gaussians(N, ring1.Select(p => (p.PhiDeg, p.Amplitude, p.SigmaDeg)).ToArray()), Ones(N),
            Gaussians(N, ring2.Select(p => (p.PhiDeg, p.Amplitude, p.SigmaDeg)).ToArray()), Ones(N), c);
        var analytic = AnalyticCcf.Evaluate(ring1, ring2, AnalyticCcf.DeltaGrid(0, 0.5, N));
        for (int j = 0; j < N; j++)
        {
            Assert.Equal(analytic[j], c[j] * 360, 1e-9 * analytic.Max());
        }

        var scaled = Reference.ScaleToUnit(c);
        var maxima = Enumerable.Range(0, N).Where(j => scaled[j] > 0.5 && scaled[j] >= scaled[(j + N - 1) % N] && scaled[j] > scaled[(j + 1) % N]).Select(j => j * 0.5).ToArray();
        Assert.Equal([37.0, 127.0, 217.0, 307.0], maxima);
    }

    [Fact]
    public void Ring_seen_through_a_window_gives_the_windowed_analytic_ccf_over_the_overlap()
    {
        // Eq. 6: the WAXS ring only on a 96° arc. With W1 ≡ 1 the overlap Σ W1·W2(·+Δ) is the arc for every Δ, so
        // C(Δ) × arc = the analytic windowed integral (midpoint rule on 0.25° bins, cut at the arc's edges).
        const int N = 1440;
        AngularPeak[] ring1 = [new(20, 1, 3), new(110, 1, 3), new(200, 1, 3), new(290, 1, 3)];
        AngularPeak[] ring2 = [new(262, 1, 7), new(352, 0.5, 7)];
        var window = new AngularWindow(250, 346);
        var c = new double[N];
        new MaskedCcfEngine(N).Compute(Gaussians(N, ring1.Select(p => (p.PhiDeg, p.Amplitude, p.SigmaDeg)).ToArray()), Ones(N),
            Gaussians(N, ring2.Select(p => (p.PhiDeg, p.Amplitude, p.SigmaDeg)).ToArray()), Arc(N, 250, 96), c);
        var analytic = AnalyticCcf.Evaluate(ring1, ring2, AnalyticCcf.DeltaGrid(0, 0.25, N), window);
        double max = analytic.Max();
        for (int j = 0; j < N; j++)
        {
            Assert.Equal(analytic[j], c[j] * 96, 2e-4 * max);
        }
    }

    [Fact]
    public void Masked_ccf_averaged_over_orientations_equals_the_unmasked_ccf()
    {
        // Eq. 3's mask-overlap normalisation is unbiased: for a pattern at every orientation ψ (a domain of randomly
        // rotated grains), Σ_ψ Σ_φ I1W1·I2W2 / Σ_ψ Σ_φ W1W2 is the CCF of the whole rings, whatever the masks.
        const int N = 360;
        var i1 = Gaussians(N, (15, 1, 3), (75, 0.5, 3), (195, 1, 3), (255, 0.5, 3));
        var i2 = Gaussians(N, (40, 2, 6), (130, 1, 6));
        var w1 = Ones(N);
        for (int k = 130; k < 142; k++)
        {
            w1[k] = 0; // beamstop holder
        }

        w1[200] = 0.4;
        var w2 = Arc(N, 250, 90);
        w2[300] = 0.5; // a module gap across part of a bin
        var engine = new MaskedCcfEngine(N);
        var acc = new CcfAccumulator(N);
        for (int psi = 0; psi < N; psi++)
        {
            engine.Accumulate(Rotate(i1, psi), w1, Rotate(i2, psi), w2, acc, psi);
        }

        var unmasked = new double[N];
        engine.Compute(i1, Ones(N), i2, Ones(N), unmasked);
        var averaged = CcfResult.From(acc, engine);
        Assert.True(MaxAbsDifference(averaged.Raw, unmasked) <= 1e-12 * Range(unmasked));

        // A single masked frame is biased: its CCF misses the peaks the window does not see.
        var single = new double[N];
        engine.Compute(i1, w1, i2, w2, single);
        Assert.True(MaxAbsDifference(single, unmasked) > 0.1 * Range(unmasked));
    }

    [Fact]
    public void Uniform_rings_through_masks_give_a_flat_ccf()
    {
        const int N = 360;
        var c = new double[N];
        var w1 = Ones(N);
        w1[3] = 0;
        w1[90] = 0.3;
        new MaskedCcfEngine(N).Compute(Enumerable.Repeat(4.0, N).ToArray(), w1, Enumerable.Repeat(2.5, N).ToArray(), Arc(N, 260, 88), c);
        Assert.All(c, v => Assert.Equal(10.0, v, 11));
    }

    [Fact]
    public void Autocorrelation_is_symmetric_and_peaks_at_zero()
    {
        const int N = 360;
        var i = Gaussians(N, (33, 1, 4), (123, 0.6, 4), (213, 1, 4));
        var w = Ones(N);
        for (int k = 40; k < 60; k++)
        {
            w[k] = 0;
        }

        var c = new double[N];
        new MaskedCcfEngine(N).Compute(i, w, i, w, c);
        Assert.Equal(0, Array.IndexOf(c, c.Max()));
        for (int j = 1; j < N; j++)
        {
            Assert.Equal(c[j], c[N - j], 12);
        }
    }

    [Fact]
    public void Zero_weight_bins_ignore_undefined_intensities()
    {
        const int N = 90;
        var i1 = Gaussians(N, (40, 1, 8));
        var i2 = Gaussians(N, (80, 1, 8));
        var w = Ones(N);
        var clean = new double[N];
        var engine = new MaskedCcfEngine(N);
        w[10] = 0;
        engine.Compute(i1, w, i2, w, clean);
        i1[10] = double.NaN;
        i2[10] = 1e300;
        var dirty = new double[N];
        engine.Compute(i1, w, i2, w, dirty);
        Assert.Equal(clean, dirty);
    }

    [Fact]
    public void Negative_weights_are_rejected()
    {
        var w = Ones(8);
        w[2] = -1;
        Assert.Throws<ArgumentException>(() => new MaskedCcfEngine(8).Compute(Ones(8), w, Ones(8), Ones(8), new double[8]));
    }

    [Fact]
    public void Fourier_components_of_a_pure_harmonic_ccf()
    {
        const int N = 360;
        var c = Enumerable.Range(0, N).Select(j => 2 + (0.5 * Math.Cos((4 * j * Math.PI / 180) + 0.3))).ToArray();
        var mags = new double[(N / 2) + 1];
        new MaskedCcfEngine(N).FourierMagnitudes(c, mags);
        Assert.Equal(2, mags[0], 12);
        Assert.Equal(0.25, mags[4], 12); // cos = (e^{i·} + e^{−i·})/2
        Assert.True(mags.Where((_, n) => n != 0 && n != 4).All(m => m < 1e-12));
    }
}
