using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Synthesis;

/// <summary>A particle site of a superlattice unit cell.</summary>
/// <param name="Species">Species name (e.g. "PbSe").</param>
/// <param name="Fractional">Fractional position in the cell.</param>
public readonly record struct CellSite(string Species, Vec3 Fractional);
