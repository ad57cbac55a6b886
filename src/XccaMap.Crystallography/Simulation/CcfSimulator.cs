using XccaMap.Crystallography.Ccf;
using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// Simulated cross-correlation function of two rings of Gaussian peaks, eqs. 4–6 of the Mukharamova et al. 2019
/// S.I., with the masks of both rings and the same normalisation as the measured CCFs
/// (<c>XccaMap.Diffraction.Ccf.MaskedCcf</c>, design.md §4.7):
/// <code>
///   C(Δ) = Σ_φ I₁(φ)W₁(φ)·I₂(φ+Δ)W₂(φ+Δ) / Σ_φ W₁(φ)W₂(φ+Δ),   Iₖ(φ) = Σᵢ Aᵢ exp[−(φ − φᵢ)²/2σᵢ²]
/// </code>
/// on <see cref="Bins"/> samples φ_k = k·360°/N, then scaled to [0, 1] as (C − min)/(max − min) (<see cref="ScaleToUnit"/>).
/// </summary>
/// <remarks>
/// The denominator is the mask overlap: with a full SAXS ring (W₁ ≡ 1) it is a constant and C is eq. 6 of the S.I.
/// up to a factor; with gaps or a beamstop holder on ring 1 it removes the same bias the measured CCF removes, so
/// simulation and data stay comparable. Ring profiles are sampled at the grid points (periodic Gaussians, all images
/// within 6σ); Δ values between grid lags are linearly interpolated. The overlap is computed once per simulator, so
/// one instance serves every evaluation of a fit. Cost per evaluation: O(N × non-zero samples of ring 1).
/// </remarks>
public sealed class CcfSimulator
{
    private readonly double[] _w1;
    private readonly double[] _w2;
    private readonly double[] _overlap;

    /// <summary>Prepares the masks and their overlap on <paramref name="bins"/> φ samples.</summary>
    /// <param name="bins">Samples over 360° (e.g. 720: 0.5° steps); at least 8.</param>
    /// <param name="mask1">W₁ of ring q₁ (SAXS); null = full ring.</param>
    /// <param name="mask2">W₂ of ring q₂ (WAXS, e.g. the ≈ 90° arc seen by the detector); null = full ring.</param>
    public CcfSimulator(int bins = 720, AngularMask? mask1 = null, AngularMask? mask2 = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 8);
        Bins = bins;
        _w1 = (mask1 ?? AngularMask.Full).Sample(bins);
        _w2 = (mask2 ?? AngularMask.Full).Sample(bins);
        _overlap = new double[bins];
        for (int j = 0; j < bins; j++)
        {
            double d = 0;
            for (int k = 0; k < bins; k++)
            {
                d += _w1[k] * _w2[(k + j) % bins];
            }

            _overlap[j] = d;
        }
    }

    /// <summary>Number of φ samples N.</summary>
    public int Bins { get; }

    /// <summary>Sample spacing 360°/N in degrees.</summary>
    public double StepDeg => 360.0 / Bins;

    /// <summary>W₁ on the grid.</summary>
    public ReadOnlySpan<double> Mask1 => _w1;

    /// <summary>W₂ on the grid.</summary>
    public ReadOnlySpan<double> Mask2 => _w2;

    /// <summary>I(φ_k) = Σᵢ Aᵢ exp[−(φ_k − φᵢ)²/2σᵢ²] on the grid (eq. 4), periodic.</summary>
    public double[] Profile(IReadOnlyList<AngularPeak> peaks)
    {
        var profile = new double[Bins];
        AddProfile(peaks, profile);
        return profile;
    }

    /// <summary>Adds the peaks to <paramref name="profile"/> (length <see cref="Bins"/>).</summary>
    public void AddProfile(IReadOnlyList<AngularPeak> peaks, Span<double> profile)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        double step = StepDeg;
        foreach (AngularPeak p in peaks)
        {
            if (!(p.SigmaDeg > 0))
            {
                throw new ArgumentException(FormattableString.Invariant($"Peak width must be positive (σ = {p.SigmaDeg}° at φ = {p.PhiDeg}°)."));
            }

            double reach = Math.Min(180, 6 * p.SigmaDeg);
            double centre = Angles.Wrap360(p.PhiDeg);
            int k0 = (int)Math.Floor((centre - reach) / step), k1 = (int)Math.Ceiling((centre + reach) / step);
            double inv = 1 / (2 * p.SigmaDeg * p.SigmaDeg);
            for (int k = k0; k <= k1; k++)
            {
                double d = Angles.Wrap180((k * step) - centre);
                int idx = ((k % Bins) + Bins) % Bins;
                double sum = 0;
                // All images within reach (a width near 180° reaches around the circle).
                for (double dd = d - 360; dd <= d + 360; dd += 360)
                {
                    if (Math.Abs(dd) <= reach)
                    {
                        sum += Math.Exp(-(dd * dd) * inv);
                    }
                }

                if (k - k0 < Bins)
                {
                    profile[idx] += p.Amplitude * sum;
                }
            }
        }
    }

    /// <summary>C(Δ_j), Δ_j = j·360°/N, from profiles on the grid (unscaled; NaN where the masks do not overlap).</summary>
    public double[] FromProfiles(ReadOnlySpan<double> profile1, ReadOnlySpan<double> profile2)
    {
        int n = Bins;
        if (profile1.Length != n || profile2.Length != n)
        {
            throw new ArgumentException($"Profiles must have {n} samples (got {profile1.Length} and {profile2.Length}).");
        }

        var a = new double[2 * n]; // I₁W₁ and I₂W₂ twice, so shifted indices need no modulo
        var b = new double[2 * n];
        double maxA = 0, maxB = 0;
        for (int k = 0; k < n; k++)
        {
            a[k] = a[k + n] = profile1[k] * _w1[k];
            b[k] = b[k + n] = profile2[k] * _w2[k];
            maxA = Math.Max(maxA, Math.Abs(a[k]));
            maxB = Math.Max(maxB, Math.Abs(b[k]));
        }

        // Σ_k a_k b_{k+j}: loop over the non-empty samples of the sparser ring (a few peaks, or the WAXS window).
        int[] nzA = NonZero(a, n, maxA), nzB = NonZero(b, n, maxB);
        var c = new double[n];
        if (nzA.Length <= nzB.Length)
        {
            foreach (int k in nzA)
            {
                double v = a[k];
                for (int j = 0; j < n; j++)
                {
                    c[j] += v * b[k + j];
                }
            }
        }
        else
        {
            foreach (int m in nzB)
            {
                double v = b[m];
                for (int j = 0; j < n; j++)
                {
                    c[j] += v * a[m - j + n]; // k = m − j (mod n)
                }
            }
        }

        for (int j = 0; j < n; j++)
        {
            c[j] = _overlap[j] > 0 ? c[j] / _overlap[j] : double.NaN;
        }

        return c;
    }

    private static int[] NonZero(double[] x, int n, double max)
    {
        var idx = new List<int>(n);
        for (int k = 0; k < n; k++)
        {
            if (Math.Abs(x[k]) > 1e-14 * max)
            {
                idx.Add(k);
            }
        }

        return [.. idx];
    }

    /// <summary>C(Δ_j) on the grid lags for two rings of peaks (unscaled).</summary>
    public double[] Lags(IReadOnlyList<AngularPeak> ring1, IReadOnlyList<AngularPeak> ring2) => FromProfiles(Profile(ring1), Profile(ring2));

    /// <summary>C at arbitrary Δ (degrees, any range) by periodic linear interpolation of <paramref name="lags"/>.</summary>
    public double[] Interpolate(ReadOnlySpan<double> lags, ReadOnlySpan<double> deltaDeg)
    {
        var result = new double[deltaDeg.Length];
        double step = StepDeg;
        for (int i = 0; i < deltaDeg.Length; i++)
        {
            double x = Angles.Wrap360(deltaDeg[i]) / step;
            int j = (int)Math.Floor(x);
            double t = x - j;
            j %= Bins;
            double a = lags[j], b = lags[(j + 1) % Bins];
            result[i] = t == 0 ? a : ((1 - t) * a) + (t * b);
        }

        return result;
    }

    /// <summary>C at the given Δ (degrees), unscaled.</summary>
    public double[] Evaluate(IReadOnlyList<AngularPeak> ring1, IReadOnlyList<AngularPeak> ring2, ReadOnlySpan<double> deltaDeg) =>
        Interpolate(Lags(ring1, ring2), deltaDeg);

    /// <summary>C at the given Δ scaled to [0, 1], as measured CCFs are (S.I. after eq. 3 and eq. 6).</summary>
    public double[] EvaluateScaled(IReadOnlyList<AngularPeak> ring1, IReadOnlyList<AngularPeak> ring2, ReadOnlySpan<double> deltaDeg) =>
        ScaleToUnit(Evaluate(ring1, ring2, deltaDeg));

    /// <summary>(C − min)/(max − min) over the finite values; NaN stays NaN; a constant CCF becomes 0.</summary>
    public static double[] ScaleToUnit(ReadOnlySpan<double> ccf)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in ccf)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        var scaled = new double[ccf.Length];
        double range = max - min;
        for (int i = 0; i < ccf.Length; i++)
        {
            double v = ccf[i];
            scaled[i] = !double.IsFinite(v) ? double.NaN : range > 0 ? (v - min) / range : 0;
        }

        return scaled;
    }
}
