using XccaMap.Crystallography.Ccf;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.Simulation;

/// <summary>A reflection on a ring and its Gaussian angular peak (eq. 4 of the S.I.).</summary>
/// <param name="Hkl">Miller indices (of the superlattice on ring 1, of the atomic lattice on ring 2).</param>
/// <param name="Peak">φ (degrees), amplitude (relative excitation in (0, 1]) and σ (degrees).</param>
/// <param name="ElevationDeg">Elevation of G above the detector plane, degrees (the Bragg condition wants −θ_B).</param>
public readonly record struct RingPeak(Miller Hkl, AngularPeak Peak, double ElevationDeg);
