using System.Numerics;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// The FFT path of the masked two-ring cross-correlation function (design.md §4.7; S.I. eqs. 1–3 of Mukharamova
/// et al. 2019) on N equal φ bins over 360° (Δ in steps of 360°/N):
/// <code>
///   C(Δ) = Σ_φ I1(φ)W1(φ) · I2(φ+Δ)W2(φ+Δ)  /  Σ_φ W1(φ)·W2(φ+Δ)
/// </code>
/// <para>
/// <b>Normalisation.</b> Eq. 3 of the S.I. only multiplies the intensities by the masks. Dividing by the mask
/// overlap Σ W1·W2(·+Δ) makes C(Δ) the mean product over the φ where both rings were measured, so detector gaps,
/// the beamstop holder and a WAXS ring seen over only ~90° do not pull C down (or up) at the Δ where the overlap is
/// small or large; without it the CCF of a uniform ring through a 90° window is a triangle, not a constant. Where
/// the overlap is zero C(Δ) is NaN (nothing was measured). This is the same C as the O(N²) reference
/// <see cref="Ccf.MaskedCcf"/>, which the tests hold it to (1e-9 of the CCF's range).
/// </para>
/// <para>
/// <b>How.</b> Both sums are circular cross-correlations, Σ_k a[k]·b[k+j] = IDFT(conj(A)·B)[j]. Two real sequences
/// share one complex FFT (z1 = I1W1 + i·W1, z2 = I2W2 + i·W2, split by Hermitian symmetry), and the numerator and
/// denominator spectra (each Hermitian) share one inverse: R = conj(A)B + i·conj(W1)W2 → IDFT(R) = num + i·den.
/// So a frame costs two forward FFTs, and averaging over frames adds the spectra R and inverts once per domain.
/// A bin with W = 0, or a non-finite intensity, contributes nothing (treated as unmeasured).
/// </para>
/// Not thread-safe: one engine per thread (it owns its scratch; no allocation per frame).
/// </summary>
public sealed class MaskedCcfEngine
{
    /// <summary>Overlaps below this fraction of the largest overlap are FFT round-off, not measurement: C is NaN there.</summary>
    public const double OverlapFloor = 1e-9;

    private readonly ComplexFft _fft;
    private readonly Complex[] _z1;
    private readonly Complex[] _z2;
    private readonly Complex[] _packed;
    private readonly Complex[] _scratch;

    /// <summary>An engine for <paramref name="bins"/> φ bins over 360° (shares <paramref name="plan"/> if given).</summary>
    /// <param name="bins">N ≥ 2, e.g. 360 for Δ in 1° steps.</param>
    /// <param name="plan">An FFT plan of length N to share between engines, or null to make one.</param>
    public MaskedCcfEngine(int bins, ComplexFft? plan = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        if (plan is not null && plan.Length != bins)
        {
            throw new ArgumentException($"FFT plan length {plan.Length} ≠ {bins} bins", nameof(plan));
        }

        _fft = plan ?? new ComplexFft(bins);
        _z1 = new Complex[bins];
        _z2 = new Complex[bins];
        _packed = new Complex[bins];
        _scratch = new Complex[bins];
    }

    /// <summary>Number of φ bins N (and of Δ values).</summary>
    public int Bins => _z1.Length;

    /// <summary>Δ step, degrees (360/N).</summary>
    public double StepDeg => 360.0 / Bins;

    /// <summary>The shared FFT plan.</summary>
    public ComplexFft Plan => _fft;

    /// <summary>
    /// One frame's C(Δ_j), Δ_j = j·360°/N, j = 0 … N−1, unscaled (units of I1·I2), NaN where the masks do not overlap.
    /// </summary>
    /// <param name="i1">I1(φ) of ring q1, N bins over 360° (any intensity unit).</param>
    /// <param name="w1">W1(φ) ≥ 0 (0 = not measured, 1 = fully measured; a covered fraction in between).</param>
    /// <param name="i2">I2(φ) of ring q2 on the same bins (pass i1/w1 again for an autocorrelation).</param>
    /// <param name="w2">W2(φ) ≥ 0.</param>
    /// <param name="ccf">Receives the N values.</param>
    public void Compute(ReadOnlySpan<double> i1, ReadOnlySpan<double> w1, ReadOnlySpan<double> i2, ReadOnlySpan<double> w2, Span<double> ccf)
    {
        Spectrum(i1, w1, i2, w2);
        Invert(_packed, ccf, default, default);
    }

    /// <summary>Adds one frame's numerator and denominator spectra to <paramref name="accumulator"/>.</summary>
    /// <param name="i1">I1(φ), as in <see cref="Compute"/>.</param>
    /// <param name="w1">W1(φ).</param>
    /// <param name="i2">I2(φ).</param>
    /// <param name="w2">W2(φ).</param>
    /// <param name="accumulator">Sums of the domain (same N).</param>
    /// <param name="frameKey">The frame's index in the scan: fixes its jackknife group (<see cref="CcfAccumulator"/>).</param>
    public void Accumulate(ReadOnlySpan<double> i1, ReadOnlySpan<double> w1, ReadOnlySpan<double> i2, ReadOnlySpan<double> w2, CcfAccumulator accumulator, long frameKey)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        if (accumulator.Bins != Bins)
        {
            throw new ArgumentException($"accumulator has {accumulator.Bins} bins, the engine {Bins}", nameof(accumulator));
        }

        Spectrum(i1, w1, i2, w2);
        accumulator.Add(_packed, frameKey);
    }

    /// <summary>
    /// Inverts a packed spectrum R = Σ conj(A)B + i·Σ conj(W1)W2 (as summed by <see cref="CcfAccumulator"/>):
    /// C = num/den into <paramref name="ccf"/> (NaN where den ≤ <see cref="OverlapFloor"/>·max den), and optionally
    /// the numerator and denominator themselves.
    /// </summary>
    public void Invert(ReadOnlySpan<Complex> packed, Span<double> ccf, Span<double> numerator, Span<double> denominator)
    {
        int n = Bins;
        if (packed.Length != n || ccf.Length != n)
        {
            throw new ArgumentException($"expected {n} values (spectrum {packed.Length}, output {ccf.Length})");
        }

        var z = _z1.AsSpan();
        packed.CopyTo(z);
        _fft.Inverse(z, _scratch);
        double maxDen = 0;
        foreach (var v in z)
        {
            maxDen = Math.Max(maxDen, v.Imaginary);
        }

        double floor = OverlapFloor * maxDen;
        for (int j = 0; j < n; j++)
        {
            double num = z[j].Real, den = z[j].Imaginary;
            ccf[j] = den > floor ? num / den : double.NaN;
            if (!numerator.IsEmpty)
            {
                numerator[j] = num;
            }

            if (!denominator.IsEmpty)
            {
                denominator[j] = den > floor ? den : 0;
            }
        }
    }

    /// <summary>
    /// Fourier components |C_n| = |(1/N)·Σ_j C(Δ_j)·e^(−2πi·nj/N)| for n = 0 … N/2 (C_−n = conj C_n for a real C).
    /// NaN values (no overlap) are replaced by the mean of the finite ones first.
    /// </summary>
    /// <param name="ccf">N values of C.</param>
    /// <param name="magnitudes">Receives N/2 + 1 values, in the units of C.</param>
    public void FourierMagnitudes(ReadOnlySpan<double> ccf, Span<double> magnitudes)
    {
        int n = Bins;
        if (ccf.Length != n || magnitudes.Length != (n / 2) + 1)
        {
            throw new ArgumentException($"expected {n} CCF values and {(n / 2) + 1} outputs (got {ccf.Length}, {magnitudes.Length})");
        }

        double mean = MeanOfFinite(ccf);
        var z = _z1.AsSpan();
        for (int j = 0; j < n; j++)
        {
            z[j] = double.IsFinite(ccf[j]) ? ccf[j] : mean;
        }

        _fft.Forward(z, _scratch);
        for (int k = 0; k < magnitudes.Length; k++)
        {
            magnitudes[k] = z[k].Magnitude / n;
        }
    }

    /// <summary>Mean of the finite values (0 if none).</summary>
    internal static double MeanOfFinite(ReadOnlySpan<double> values)
    {
        double sum = 0;
        int count = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                sum += v;
                count++;
            }
        }

        return count > 0 ? sum / count : 0;
    }

    /// <summary>Fills <see cref="_packed"/> with conj(A)B + i·conj(W1)W2 of one frame.</summary>
    private void Spectrum(ReadOnlySpan<double> i1, ReadOnlySpan<double> w1, ReadOnlySpan<double> i2, ReadOnlySpan<double> w2)
    {
        int n = Bins;
        if (i1.Length != n || w1.Length != n || i2.Length != n || w2.Length != n)
        {
            throw new ArgumentException($"profiles and masks must have {n} bins (got I1 {i1.Length}, W1 {w1.Length}, I2 {i2.Length}, W2 {w2.Length})");
        }

        Load(i1, w1, _z1);
        Load(i2, w2, _z2);
        _fft.Forward(_z1, _scratch);
        _fft.Forward(_z2, _scratch);
        for (int k = 0; k < n; k++)
        {
            int mk = k == 0 ? 0 : n - k;
            Complex p = _z1[k], pm = _z1[mk], q = _z2[k], qm = _z2[mk];

            // Real and imaginary parts of z = x + i·y separate as X = (Z_k + conj Z_−k)/2, Y = (Z_k − conj Z_−k)/(2i);
            // written out in real arithmetic (this loop costs as much as an FFT otherwise).
            double are = 0.5 * (p.Real + pm.Real), aim = 0.5 * (p.Imaginary - pm.Imaginary);
            double ware = 0.5 * (p.Imaginary + pm.Imaginary), waim = -0.5 * (p.Real - pm.Real);
            double bre = 0.5 * (q.Real + qm.Real), bim = 0.5 * (q.Imaginary - qm.Imaginary);
            double wbre = 0.5 * (q.Imaginary + qm.Imaginary), wbim = -0.5 * (q.Real - qm.Real);

            // num = conj(A)·B, den = conj(W1)·W2, packed = num + i·den.
            double numRe = (are * bre) + (aim * bim), numIm = (are * bim) - (aim * bre);
            double denRe = (ware * wbre) + (waim * wbim), denIm = (ware * wbim) - (waim * wbre);
            _packed[k] = new Complex(numRe - denIm, numIm + denRe);
        }
    }

    private static void Load(ReadOnlySpan<double> intensity, ReadOnlySpan<double> weight, Complex[] z)
    {
        for (int k = 0; k < z.Length; k++)
        {
            double w = weight[k], v = intensity[k];
            if (!(w >= 0) || double.IsInfinity(w))
            {
                throw new ArgumentException($"mask weights must be finite and ≥ 0 (bin {k}: W = {w})");
            }

            // An unmeasured bin (W = 0) or an undefined intensity carries no information and must not leak in.
            bool measured = w > 0 && double.IsFinite(v);
            z[k] = measured ? new Complex(v * w, w) : Complex.Zero;
        }
    }
}
