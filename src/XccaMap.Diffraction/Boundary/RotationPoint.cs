using XccaMap.Crystallography.Geometry;

namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// The superlattice orientation at one point of a line, relative to the domain's bulk orientation R₀:
/// R = Rz(ψ)·Rot(a, θ)·R₀ with a = (cos φ_a, sin φ_a, 0) an in-plane (lab) axis — the out-of-plane rotation — and a
/// small in-plane turn ψ about the beam. The axis is reported with φ_a in [0, 180) and θ signed (right-hand rule).
/// </summary>
/// <param name="Row">Raster row.</param>
/// <param name="Col">Raster column.</param>
/// <param name="Position">Position along the line, distance unit.</param>
/// <param name="EdgeDistance">Distance to the edge along the line (positive inside), distance unit.</param>
/// <param name="Matched">A superlattice pattern was found and matched.</param>
/// <param name="Scale">Lattice scale of the point relative to the bulk model lattice.</param>
/// <param name="TiltDeg">θ, signed, degrees.</param>
/// <param name="AxisPhiDeg">φ_a of the in-plane rotation axis, degrees in [0, 180).</param>
/// <param name="InPlaneDeg">ψ, degrees.</param>
/// <param name="MisorientationDeg">Angle of the whole rotation R·R₀ᵀ, degrees.</param>
/// <param name="AxisInCrystal">The tilt axis in the superlattice frame of the bulk (unit vector; zero when θ = 0).</param>
/// <param name="Score">Explained fraction of the point's pattern.</param>
/// <param name="BulkScore">Explained fraction with the bulk orientation (θ = ψ = 0) at the point's scale.</param>
/// <param name="Ambiguous">Another solution scored within <see cref="RotationOptions.AmbiguityTolerance"/>; the one nearest the previous point was taken.</param>
/// <param name="AlternativeTiltDeg">θ of the best other solution (more than 3° away), NaN when none.</param>
/// <param name="AlternativeAxisPhiDeg">Its φ_a.</param>
/// <param name="AlternativeScore">Its score.</param>
public sealed record RotationPoint(
    int Row, int Col, double Position, double EdgeDistance, bool Matched, double Scale, double TiltDeg, double AxisPhiDeg, double InPlaneDeg,
    double MisorientationDeg, Vec3 AxisInCrystal, double Score, double BulkScore, bool Ambiguous,
    double AlternativeTiltDeg, double AlternativeAxisPhiDeg, double AlternativeScore)
{
    /// <summary>Tilt vector θ·(cos φ_a, sin φ_a), degrees.</summary>
    public (double X, double Y) TiltVector => (TiltDeg * Math.Cos(AxisPhiDeg * Math.PI / 180), TiltDeg * Math.Sin(AxisPhiDeg * Math.PI / 180));
}
