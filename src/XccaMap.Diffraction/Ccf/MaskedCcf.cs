namespace XccaMap.Diffraction.Ccf;

/// <summary>
/// The masked two-ring angular cross-correlation function of design.md §4.7 (S.I. eqs. 1–3, Mukharamova et al. 2019):
/// <code>
///   C(Δ) = Σ_φ I1(φ)W1(φ) · I2(φ+Δ)W2(φ+Δ)  /  Σ_φ W1(φ)·W2(φ+Δ)
/// </code>
/// on N equal φ bins covering 360° (Δ in steps of 360°/N; bin i+j wraps modulo N).
/// <para>
/// Normalisation: eq. 3 of the S.I. only multiplies by the masks; dividing by the mask overlap Σ W1·W2(·+Δ) makes C(Δ)
/// the mean product over the φ where both rings are seen, so detector gaps, the beamstop holder or a WAXS ring that is
/// only seen over ~90° do not pull C down at the Δ where the overlap is small. Where the overlap is zero C(Δ) is NaN
/// (nothing was measured). <see cref="ScaleToUnit"/> then maps C onto [0, 1] as the paper does.
/// </para>
/// <para>
/// This is the plain O(N²) reference (N = 360: 130 k multiply-adds); a fast FFT version must reproduce it.
/// </para>
/// </summary>
public static class MaskedCcf
{
    /// <summary>
    /// C(Δ_j) for Δ_j = j·360°/N, j = 0 … N−1 (not scaled).
    /// </summary>
    /// <param name="i1">Angular profile I1(φ) of ring q1 (any intensity unit), N bins over 360°.</param>
    /// <param name="w1">Mask/weight W1(φ) ≥ 0 of ring q1 (0 = not measured, 1 = fully measured).</param>
    /// <param name="i2">Angular profile I2(φ) of ring q2, on the same N bins.</param>
    /// <param name="w2">Mask/weight W2(φ) ≥ 0 of ring q2.</param>
    /// <returns>N values in units of I1·I2; NaN where the masks do not overlap.</returns>
    public static double[] Compute(ReadOnlySpan<double> i1, ReadOnlySpan<double> w1, ReadOnlySpan<double> i2, ReadOnlySpan<double> w2)
    {
        int n = i1.Length;
        if (n == 0 || w1.Length != n || i2.Length != n || w2.Length != n)
        {
            throw new ArgumentException($"profiles and masks must have the same non-zero length (got I1 {i1.Length}, W1 {w1.Length}, I2 {i2.Length}, W2 {w2.Length})");
        }

        var a = new double[n];
        var b = new double[n];
        for (int k = 0; k < n; k++)
        {
            if (!(w1[k] >= 0) || !(w2[k] >= 0))
            {
                throw new ArgumentException($"mask weights must be ≥ 0 (bin {k}: W1 = {w1[k]}, W2 = {w2[k]})");
            }

            // A bin with zero weight carries no information: its (possibly undefined) intensity must not leak in.
            a[k] = w1[k] > 0 ? i1[k] * w1[k] : 0;
            b[k] = w2[k] > 0 ? i2[k] * w2[k] : 0;
        }

        var c = new double[n];
        for (int j = 0; j < n; j++)
        {
            double num = 0, den = 0;
            for (int k = 0; k < n; k++)
            {
                int m = k + j;
                if (m >= n)
                {
                    m -= n;
                }

                num += a[k] * b[m];
                den += w1[k] * w2[m];
            }

            c[j] = den > 0 ? num / den : double.NaN;
        }

        return c;
    }

    /// <summary>
    /// The CCF scaled to [0, 1]: (C − min)/(max − min) over the finite values; NaN stays NaN; a constant CCF becomes 0.
    /// </summary>
    /// <remarks>One implementation serves measured and simulated CCFs alike: the crystallography core's.</remarks>
    public static double[] ScaleToUnit(ReadOnlySpan<double> ccf) => XccaMap.Crystallography.Simulation.CcfSimulator.ScaleToUnit(ccf);

    /// <summary><see cref="Compute"/> followed by <see cref="ScaleToUnit"/>.</summary>
    public static double[] ComputeScaled(ReadOnlySpan<double> i1, ReadOnlySpan<double> w1, ReadOnlySpan<double> i2, ReadOnlySpan<double> w2) =>
        ScaleToUnit(Compute(i1, w1, i2, w2));

    /// <summary>Δ (degrees) of lag index <paramref name="j"/> for <paramref name="bins"/> φ bins over 360°.</summary>
    public static double LagDegrees(int j, int bins) => j * 360.0 / bins;
}
