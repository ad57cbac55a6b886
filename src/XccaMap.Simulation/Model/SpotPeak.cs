using XccaMap.Crystallography.Lattices;
using XccaMap.Simulation.Rendering;

namespace XccaMap.Simulation.Model;

/// <summary>A reflection hkl and the spot it makes on the detector.</summary>
/// <param name="Hkl">Miller indices (of the superlattice or of the atomic lattice).</param>
/// <param name="Shape">Centre, widths and peak amplitude.</param>
public readonly record struct SpotPeak(Miller Hkl, SpotShape Shape);
