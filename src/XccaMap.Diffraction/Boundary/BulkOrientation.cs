using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Diffraction.Boundary;

/// <summary>The orientation of a domain's bulk superlattice found by pattern matching (<see cref="BulkOrientationSearch"/>).</summary>
/// <param name="LabFromSl">Orientation, lab ← superlattice (<c>Crystallography.Orientation.LabFrame</c>).</param>
/// <param name="StartZone">The zone-axis candidate the refinement started from.</param>
/// <param name="StartInPlaneDeg">Its in-plane angle ψ, degrees.</param>
/// <param name="Scale">Lattice scale q/q(model lattice) of the bulk.</param>
/// <param name="Shape">Spot widths fitted (mosaic σ, radial σ).</param>
/// <param name="Score">Explained fraction of the bulk pattern (one amplitude per family).</param>
/// <param name="FamilyFactors">Relative intensity of each reflection family, calibrated on the bulk (median of the seen families = 1).</param>
/// <param name="Candidates">Best zone-axis candidates of the grid search (zone, ψ, score), best first.</param>
public sealed record BulkOrientation(
    Mat3 LabFromSl, ZoneAxis StartZone, double StartInPlaneDeg, double Scale, SpotShape Shape, double Score, double[] FamilyFactors,
    IReadOnlyList<(ZoneAxis Zone, double InPlaneDeg, double Score)> Candidates)
{
    /// <summary>Unit beam direction (+z) in the superlattice frame: the (generally irrational) zone axis.</summary>
    public Vec3 BeamInCrystal => LabFromSl.Transpose() * Vec3.UnitZ;

    /// <summary>Nearest low-index zone axis and its angle from the beam, degrees.</summary>
    public (ZoneAxis Zone, double AngleDeg) NearestZone => ZoneCandidates.Nearest(BeamInCrystal, 6);
}
