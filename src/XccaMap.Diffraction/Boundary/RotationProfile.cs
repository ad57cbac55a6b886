using XccaMap.Crystallography.Geometry;

namespace XccaMap.Diffraction.Boundary;

/// <summary>The superlattice rotation along a line scan (Fig. 4, S8–S10; one row of Table S3).</summary>
/// <param name="Domain">Domain the line starts in.</param>
/// <param name="ClassLabel">Its SAXS class.</param>
/// <param name="LatticeA">Lattice constant of the model, Å (the class's core ⟨a⟩, or the scan's).</param>
/// <param name="BulkPoints">Raster points averaged for the bulk pattern (the domain's deepest).</param>
/// <param name="Bulk">The bulk orientation.</param>
/// <param name="Points">Per line sample inside the domain, from the start towards the edge.</param>
/// <param name="Atomic">Whether the atomic lattice follows, or null without atomic-lattice rings.</param>
/// <param name="Notes">Remarks.</param>
public sealed record RotationProfile(
    int Domain, int ClassLabel, double LatticeA, IReadOnlyList<(int Row, int Col)> BulkPoints, BulkOrientation Bulk,
    IReadOnlyList<RotationPoint> Points, AtomicFollow? Atomic, IReadOnlyList<string> Notes)
{
    /// <summary>Matched points.</summary>
    public IReadOnlyList<RotationPoint> Matched => Points.Where(p => p.Matched).ToList();

    /// <summary>
    /// Total rotation across the line (Table S3): the angle of the rotation between the orientations at the first and
    /// the last matched point, degrees (NaN with fewer than two).
    /// </summary>
    public double TotalRotationDeg
    {
        get
        {
            var m = Matched;
            if (m.Count < 2)
            {
                return double.NaN;
            }

            var a = RotationTracker.Orientation(Bulk.LabFromSl, m[0].TiltVector.X, m[0].TiltVector.Y, m[0].InPlaneDeg);
            var b = RotationTracker.Orientation(Bulk.LabFromSl, m[^1].TiltVector.X, m[^1].TiltVector.Y, m[^1].InPlaneDeg);
            return AxisAngle.FromMatrix(b * a.Transpose()).AngleDeg;
        }
    }

    /// <summary>The matched point nearest the edge (last), or null.</summary>
    public RotationPoint? EdgePoint => Matched.Count > 0 ? Matched[^1] : null;
}
