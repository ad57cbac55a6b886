using XccaMap.Crystallography.Lattices;

namespace XccaMap.Simulation.Truth;

/// <summary>One reflection of a class's noise-free bulk pattern, as the truth file lists it.</summary>
/// <param name="Hkl">Miller indices (SL or AL).</param>
/// <param name="Q">Spot centre q, Å⁻¹.</param>
/// <param name="PhiDeg">Spot centre φ, degrees (design.md §3).</param>
/// <param name="FwhmQ">Radial FWHM, Å⁻¹.</param>
/// <param name="FwhmPhiDeg">Azimuthal FWHM, degrees.</param>
/// <param name="Amplitude">Peak counts/pixel at unit thickness, before solid angle and polarisation.</param>
/// <param name="OnDetector">True when the spot centre falls on a live pixel (not off the image, gap, masked or beamstop).</param>
public sealed record PeakTruth(Miller Hkl, double Q, double PhiDeg, double FwhmQ, double FwhmPhiDeg, double Amplitude, bool OnDetector);
