namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// A measured angular profile I(q, φ) of one ring (e.g. the domain-averaged SAXS ring q₁) with its mask weights
/// W(q, φ) ∈ [0, 1] (0 = not measured). Optional extra data for a CCF fit: the CCF only sees angle differences, so
/// the absolute in-plane rotation ψ needs the peaks' azimuths from a profile (or a fixed value).
/// </summary>
/// <param name="PhiDeg">Bin centres φ in degrees (convention of design.md §3).</param>
/// <param name="Intensity">Mean intensity per bin (any unit; NaN where not measured).</param>
/// <param name="Weight">W per bin; null = 1 wherever the intensity is finite.</param>
public sealed record RingProfile(double[] PhiDeg, double[] Intensity, double[]? Weight = null)
{
    /// <summary>Indices of the usable bins (finite intensity, W &gt; 0).</summary>
    public int[] UsableBins()
    {
        if (PhiDeg.Length != Intensity.Length || (Weight is not null && Weight.Length != PhiDeg.Length))
        {
            throw new ArgumentException($"Ring profile: φ ({PhiDeg.Length}), intensity ({Intensity.Length}) and weight ({Weight?.Length}) lengths differ.");
        }

        return Enumerable.Range(0, PhiDeg.Length)
            .Where(i => double.IsFinite(Intensity[i]) && double.IsFinite(PhiDeg[i]) && (Weight is null || Weight[i] > 0))
            .ToArray();
    }
}
