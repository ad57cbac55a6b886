using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>One input site after forcing the identified space group on the structure.</summary>
/// <param name="Index">Index of the site in the input list.</param>
/// <param name="Species">Species id.</param>
/// <param name="Input">Input fractional position (input cell).</param>
/// <param name="Symmetrized">Symmetrised fractional position (input cell).</param>
/// <param name="Conventional">Symmetrised position in the standard (ITA) setting of the group, in [0, 1).</param>
/// <param name="Shift">Distance moved by the symmetrisation (length units of the lattice).</param>
/// <param name="Wyckoff">Wyckoff position, or null where the group has no table here.</param>
/// <param name="Multiplicity">Number of equivalent sites in the conventional cell.</param>
/// <param name="Parameters">Free parameters of the Wyckoff position (x, y, z; unused ones 0), if known.</param>
public sealed record SymmetrizedSite(
    int Index, int Species, Vec3 Input, Vec3 Symmetrized, Vec3 Conventional, double Shift,
    WyckoffPosition? Wyckoff, int Multiplicity, Vec3? Parameters);
