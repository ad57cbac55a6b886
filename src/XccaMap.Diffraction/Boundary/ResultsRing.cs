namespace XccaMap.Diffraction.Boundary;

/// <summary>A ring of interest as <c>xccamap process</c> wrote it to <c>/entry/rings/&lt;name&gt;</c>.</summary>
/// <param name="Name">Ring name ("sl_200", "al_111", "sl_q0.0837").</param>
/// <param name="Hkl">fcc label ("200") when indexed, else null.</param>
/// <param name="Superlattice">True for a superlattice (SAXS) ring, false for an atomic-lattice (WAXS) ring.</param>
/// <param name="Q">Ring position in the scan-averaged profile, Å⁻¹.</param>
/// <param name="QMin">Ring window start, Å⁻¹.</param>
/// <param name="QMax">Ring window end, Å⁻¹.</param>
/// <param name="Fwhm">Radial FWHM of the ring, Å⁻¹.</param>
public sealed record ResultsRing(string Name, string? Hkl, bool Superlattice, double Q, double QMin, double QMax, double Fwhm);
