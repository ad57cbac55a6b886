namespace XccaMap.Diffraction.Disorder;

/// <summary>
/// A (q, φ) patch of a domain-averaged pattern around a ring (e.g. 200 of the atomic lattice): mean intensity and its
/// standard error on a regular grid, flat and q-major (index = iq × PhiCount + jφ), NaN where nothing was measured.
/// φ bins cover the full circle (φ convention of design.md §3: degrees, [0, 360), from +column towards +row).
/// </summary>
public sealed class PeakPatch
{
    /// <summary>Wraps the arrays (not copied).</summary>
    /// <param name="q">q-bin centres, Å⁻¹, increasing.</param>
    /// <param name="phiDeg">φ-bin centres, degrees, equally spaced over 360°.</param>
    /// <param name="intensity">Mean intensity, q-major (NaN = not measured).</param>
    /// <param name="sigma">Standard error of each value (same units; NaN or ≤ 0 = not usable).</param>
    public PeakPatch(double[] q, double[] phiDeg, double[] intensity, double[] sigma)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(phiDeg);
        ArgumentNullException.ThrowIfNull(intensity);
        ArgumentNullException.ThrowIfNull(sigma);
        if (q.Length == 0 || phiDeg.Length < 4 || intensity.Length != q.Length * phiDeg.Length || sigma.Length != intensity.Length)
        {
            throw new ArgumentException($"patch of {q.Length} q × {phiDeg.Length} φ bins needs {q.Length * phiDeg.Length} intensities and errors (got {intensity.Length}, {sigma.Length})");
        }

        Q = q;
        PhiDeg = phiDeg;
        Intensity = intensity;
        Sigma = sigma;
    }

    /// <summary>q-bin centres, Å⁻¹.</summary>
    public double[] Q { get; }

    /// <summary>φ-bin centres, degrees.</summary>
    public double[] PhiDeg { get; }

    /// <summary>Mean intensity, q-major.</summary>
    public double[] Intensity { get; }

    /// <summary>Standard error, q-major.</summary>
    public double[] Sigma { get; }

    /// <summary>q bins.</summary>
    public int QCount => Q.Length;

    /// <summary>φ bins.</summary>
    public int PhiCount => PhiDeg.Length;

    /// <summary>φ bin width, degrees.</summary>
    public double PhiStepDeg => 360.0 / PhiCount;

    /// <summary>Value at (iq, jφ).</summary>
    public double this[int iq, int iphi] => Intensity[(iq * PhiCount) + iphi];

    /// <summary>True when bin (iq, jφ) holds a usable value.</summary>
    public bool IsMeasured(int iq, int iphi)
    {
        int b = (iq * PhiCount) + iphi;
        return double.IsFinite(Intensity[b]) && Sigma[b] > 0;
    }
}
