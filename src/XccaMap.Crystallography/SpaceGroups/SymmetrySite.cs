using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>An atom (or particle) site of a periodic structure: species id and fractional position.</summary>
/// <param name="Species">Species id; operations must map sites onto sites of the same species.</param>
/// <param name="Fractional">Fractional coordinates in the cell of the analysed lattice.</param>
public readonly record struct SymmetrySite(int Species, Vec3 Fractional);
