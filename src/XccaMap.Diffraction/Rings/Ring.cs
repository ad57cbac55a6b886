namespace XccaMap.Diffraction.Rings;

/// <summary>
/// A ring of interest: a q window analysed on every frame (angular profile, intensity), with its side bands for
/// the local background. Windows never overlap the neighbouring ring of the same kind.
/// </summary>
/// <param name="Kind">Superlattice (SAXS) or atomic lattice (WAXS).</param>
/// <param name="Q">Ring position, Å⁻¹.</param>
/// <param name="QMin">Lower edge of the analysed window, Å⁻¹.</param>
/// <param name="QMax">Upper edge of the analysed window, Å⁻¹.</param>
/// <param name="Fwhm">Radial FWHM of the ring in the scan-averaged profile, Å⁻¹ (0 if unknown).</param>
/// <param name="RelativeHeight">Height above the background relative to it, (I − B)/B, in the scan-averaged profile.</param>
/// <param name="FromConfig">True when the ring was given in the configuration rather than found.</param>
public sealed record Ring(RingKind Kind, double Q, double QMin, double QMax, double Fwhm, double RelativeHeight, bool FromConfig = false)
{
    /// <summary>Reflection label once indexed (e.g. "200"), or null.</summary>
    public string? Hkl { get; init; }

    /// <summary>Short name for files and datasets: "sl_200" once indexed, else "sl_q0.0837" (q in Å⁻¹).</summary>
    public string Name => (Kind == RingKind.Superlattice ? "sl_" : "al_") + (Hkl ?? FormattableString.Invariant($"q{Q:0.0000}"));

    /// <summary>Half-width of the window, Å⁻¹.</summary>
    public double HalfWidth => 0.5 * (QMax - QMin);

    /// <summary>Lower side band [QMin − HalfWidth/2, QMin], Å⁻¹, used for the local background.</summary>
    public (double Min, double Max) LowerBand => (QMin - (0.5 * HalfWidth), QMin);

    /// <summary>Upper side band [QMax, QMax + HalfWidth/2], Å⁻¹.</summary>
    public (double Min, double Max) UpperBand => (QMax, QMax + (0.5 * HalfWidth));
}
