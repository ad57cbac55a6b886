namespace XccaMap.Diffraction.Results;

/// <summary>
/// Map of the radial peak position q of one superlattice reflection (design.md §4.4, Fig. 3a): per point the centre
/// of a Gaussian + linear background fitted to the frame's azimuthally averaged I(q) in a q window.
/// </summary>
/// <param name="Hkl">Reflection label ("200"), or null when the reflection was not indexed.</param>
/// <param name="Q">q of the reflection in the scan-averaged profile, Å⁻¹.</param>
/// <param name="WindowMin">Fit window start, Å⁻¹.</param>
/// <param name="WindowMax">Fit window end, Å⁻¹.</param>
/// <param name="Values">Row-major map of fitted q, Å⁻¹; NaN where no frame or no significant peak.</param>
/// <param name="Errors">Row-major map of the 1-σ fit error of q, Å⁻¹; NaN like <paramref name="Values"/>.</param>
public sealed record QMap(string? Hkl, double Q, double WindowMin, double WindowMax, float[] Values, float[] Errors)
{
    /// <summary>Name in files: "q_sl_200", or "q_sl_q0.0837" when not indexed.</summary>
    public string Name => "q_sl_" + (Hkl ?? FormattableString.Invariant($"q{Q:0.0000}"));
}
