using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// Space group of a structure found with a distance tolerance, as FINDSYM does: the group, its standard
/// setting relative to the input cell, the symmetrised (conventional) cell and every site's shift and
/// Wyckoff position.
/// </summary>
public sealed record SymmetryAnalysis
{
    /// <summary>Distance tolerance actually used (lattice length units; may be below the requested one if that gave no group).</summary>
    public required double Tolerance { get; init; }

    /// <summary>The identified group, or null.</summary>
    public required SpaceGroupType? Group { get; init; }

    /// <summary>Point-group symbol of the operations found (e.g. "-6m2").</summary>
    public required string PointGroup { get; init; }

    /// <summary>Number of point operations found.</summary>
    public required int OperationCount { get; init; }

    /// <summary>
    /// Conventional basis in the input cell: column j holds the fractional coordinates (input cell) of
    /// conventional basis vector j. Conventional fractional x_c = P⁻¹·x − origin.
    /// </summary>
    public required Mat3 ToConventional { get; init; }

    /// <summary>Origin of the standard setting in conventional fractional coordinates (relative to the input origin).</summary>
    public required Vec3 OriginShift { get; init; }

    /// <summary>The symmetrised conventional cell (metric averaged over the point group).</summary>
    public required LatticeParameters ConventionalCell { get; init; }

    /// <summary>Sites in input order.</summary>
    public required IReadOnlyList<SymmetrizedSite> Sites { get; init; }

    /// <summary>Largest site shift (lattice length units).</summary>
    public double MaxShift => Sites.Count == 0 ? 0 : Sites.Max(s => s.Shift);

    /// <summary>Notes on what was done (non-primitive input reduced, tolerance lowered, no Wyckoff table…).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
