using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Structures;

/// <summary>
/// One occupied position of a unit cell.
/// </summary>
/// <param name="Fractional">Fractional coordinates (x, y, z) in units of the cell edges.</param>
/// <param name="Scatterer">What sits there.</param>
/// <param name="Occupancy">Site occupancy in [0, 1] (multiplies the amplitude).</param>
public sealed record Site(Vec3 Fractional, IScatterer Scatterer, double Occupancy = 1.0);
