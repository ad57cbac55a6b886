using System.Numerics;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// A (domain-averaged) masked CCF C(q1, q2, Δ) on Δ_j = j·360°/N (design.md §4.7): the mean product (unscaled),
/// the same scaled to [0, 1] as in the paper, the mask overlap, the Fourier components and the symmetry axis.
/// </summary>
public sealed class CcfResult
{
    private CcfResult(long frames, double[] raw, double[] overlap, double[] fourier, SymmetryAxis axis)
    {
        Frames = frames;
        Raw = raw;
        Overlap = overlap;
        Fourier = fourier;
        Axis = axis;
        Scaled = Ccf.MaskedCcf.ScaleToUnit(raw);
        DeltaDeg = Enumerable.Range(0, raw.Length).Select(j => Ccf.MaskedCcf.LagDegrees(j, raw.Length)).ToArray();
    }

    /// <summary>Frames averaged.</summary>
    public long Frames { get; }

    /// <summary>Number of Δ values N.</summary>
    public int Bins => Raw.Length;

    /// <summary>Δ step, degrees.</summary>
    public double StepDeg => 360.0 / Bins;

    /// <summary>Δ_j = j·360°/N, degrees in [0, 360).</summary>
    public double[] DeltaDeg { get; }

    /// <summary>C̄(Δ) = Σ num / Σ den, the mean product I1·I2 over measured (frame, φ) pairs (units of I1·I2); NaN where the masks never overlap.</summary>
    public double[] Raw { get; }

    /// <summary>C̄ scaled to [0, 1]: (C − min)/(max − min) over the finite values (S.I.: "scaled … between 0 and 1").</summary>
    public double[] Scaled { get; }

    /// <summary>Mean mask overlap per frame, Σ_φ W1(φ)·W2(φ+Δ) averaged over frames (in φ bins; × 360°/N for degrees).</summary>
    public double[] Overlap { get; }

    /// <summary>|C_n| for n = 0 … N/2 of <see cref="Raw"/> (C_n = (1/N)·Σ_j C(Δ_j)·e^(−2πi·nj/N)), units of C.</summary>
    public double[] Fourier { get; }

    /// <summary>The symmetry axis of C̄ with its uncertainty.</summary>
    public SymmetryAxis Axis { get; }

    /// <summary>The CCF of the sums in <paramref name="accumulator"/> (its axis error by jackknife over frame groups when possible).</summary>
    /// <param name="accumulator">Domain sums.</param>
    /// <param name="engine">An engine of the same N, or null to make one.</param>
    public static CcfResult From(CcfAccumulator accumulator, MaskedCcfEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        engine ??= new MaskedCcfEngine(accumulator.Bins);
        int n = accumulator.Bins;
        var spectrum = new Complex[n];
        accumulator.Sum(spectrum);
        var raw = new double[n];
        var den = new double[n];
        engine.Invert(spectrum, raw, default, den);
        if (accumulator.Frames > 0)
        {
            for (int j = 0; j < n; j++)
            {
                den[j] /= accumulator.Frames;
            }
        }

        var fourier = new double[(n / 2) + 1];
        engine.FourierMagnitudes(raw, fourier);
        var axis = accumulator.Frames > 0 ? SymmetryAxisFinder.FindWithJackknife(accumulator, engine, raw) : SymmetryAxis.None;
        return new CcfResult(accumulator.Frames, raw, den, fourier, axis);
    }

    /// <summary>The CCF of one set of profiles (one frame, or profiles already averaged), with the curvature error of its axis.</summary>
    public static CcfResult FromProfiles(ReadOnlySpan<double> i1, ReadOnlySpan<double> w1, ReadOnlySpan<double> i2, ReadOnlySpan<double> w2)
    {
        var engine = new MaskedCcfEngine(i1.Length);
        var acc = new CcfAccumulator(i1.Length, groups: 1);
        engine.Accumulate(i1, w1, i2, w2, acc, 0);
        return From(acc, engine);
    }
}
