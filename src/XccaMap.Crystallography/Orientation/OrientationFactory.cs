using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.Orientation;

/// <summary>
/// Builds crystal orientations (rotation matrices lab←crystal, see <see cref="LabFrame"/>) from a zone axis
/// along the beam and an in-plane rotation.
/// </summary>
public static class OrientationFactory
{
    /// <summary>
    /// Orientation of a cubic crystal with the direction [uvw] along the beam (+z) and the in-plane reference
    /// direction at azimuth <paramref name="inPlaneDeg"/> (degrees, from +x towards +y).
    /// </summary>
    /// <remarks>
    /// Reference direction: [100] projected onto the plane ⟂ [uvw]; if [uvw] ∥ [100], [010] is used.
    /// Examples: beam ∥ [001] → [100] at φ = inPlane, [010] at inPlane + 90°;
    /// beam ∥ [110] → [1-10] at φ = inPlane and [00-1] at inPlane + 90° ([001] at inPlane − 90°).
    /// </remarks>
    public static Mat3 FromZoneAxis(int u, int v, int w, double inPlaneDeg) => FromZoneAxis(new ZoneAxis(u, v, w), inPlaneDeg);

    /// <inheritdoc cref="FromZoneAxis(int, int, int, double)"/>
    public static Mat3 FromZoneAxis(ZoneAxis zone, double inPlaneDeg) =>
        FromZoneAxis(Lattice.Cubic(1), zone, inPlaneDeg);

    /// <summary>
    /// Orientation of a crystal of any lattice with the real-space direction [uvw] along the beam and a reference
    /// direction at azimuth <paramref name="inPlaneDeg"/>.
    /// </summary>
    /// <param name="lattice">The lattice; its Cartesian crystal frame is what the matrix maps from.</param>
    /// <param name="zone">Direction [uvw] (real space) to put along +z.</param>
    /// <param name="inPlaneDeg">Azimuth (degrees) at which the reference direction appears.</param>
    /// <param name="reference">
    /// Crystal-frame Cartesian reference direction (projected ⟂ to the zone axis); default: the lattice a axis,
    /// or b if a ∥ [uvw].
    /// </param>
    public static Mat3 FromZoneAxis(Lattice lattice, ZoneAxis zone, double inPlaneDeg, Vec3? reference = null)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        if (zone.IsZero)
        {
            throw new ArgumentException("The zone axis [000] is not a direction.", nameof(zone));
        }

        Vec3 beamInCrystal = lattice.DirectVector(zone).Normalized();
        Vec3 refCandidate = reference ?? lattice.A;
        Vec3 inPlane = Project(refCandidate, beamInCrystal);
        if (inPlane.Norm < 1e-6 * refCandidate.Norm)
        {
            if (reference is not null)
            {
                throw new ArgumentException($"Reference direction {reference} is parallel to the zone axis {zone}.", nameof(reference));
            }

            inPlane = Project(lattice.B, beamInCrystal);
        }

        return FromDirections(beamInCrystal, inPlane, inPlaneDeg);
    }

    /// <summary>
    /// Orientation that puts the crystal-frame direction <paramref name="beamInCrystal"/> along +z and the crystal-frame
    /// direction <paramref name="referenceInCrystal"/> (projected ⟂ to it) at azimuth <paramref name="inPlaneDeg"/>.
    /// </summary>
    public static Mat3 FromDirections(Vec3 beamInCrystal, Vec3 referenceInCrystal, double inPlaneDeg)
    {
        Vec3 e3 = beamInCrystal.Normalized();
        Vec3 e1 = Project(referenceInCrystal, e3).Normalized();
        Vec3 e2 = Vec3.Cross(e3, e1);
        Vec3 l1 = LabFrame.InPlaneDirection(inPlaneDeg);
        Vec3 l2 = Vec3.Cross(Vec3.UnitZ, l1);
        // R = L·Eᵀ maps e1 → l1, e2 → l2, e3 → z.
        return Mat3.FromColumns(l1, l2, Vec3.UnitZ) * Mat3.FromColumns(e1, e2, e3).Transpose();
    }

    /// <summary>
    /// Rotation about the beam (+z) by <paramref name="angleDeg"/> (degrees, from +x towards +y), applied in the lab
    /// frame: <c>AboutBeam(a) * R</c> turns every spot of orientation R by +a in φ.
    /// </summary>
    public static Mat3 AboutBeam(double angleDeg) => AxisAngle.RotationMatrixDeg(Vec3.UnitZ, angleDeg);

    private static Vec3 Project(Vec3 v, Vec3 unitAxis) => v - (unitAxis * Vec3.Dot(v, unitAxis));
}
