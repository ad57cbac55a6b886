using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.Reflections;

/// <summary>
/// One reciprocal-lattice point G_hkl of an oriented crystal and where/how strongly it diffracts
/// (lab frame of <see cref="Orientation.LabFrame"/>).
/// </summary>
/// <param name="Hkl">Miller indices.</param>
/// <param name="Q">|G| = 2π/d in Å⁻¹: the ring the spot lies on.</param>
/// <param name="PhiDeg">
/// Azimuth in degrees [0, 360) from +x (columns) towards +y (rows) of the in-plane part of G, which is also the
/// azimuth of the scattered wave k₀ + G (k₀ ∥ z adds nothing in-plane).
/// </param>
/// <param name="TwoThetaRad">Scattering angle 2θ = 2 asin(q/2k) of the ring at Q, radians (0 in the flat-Ewald limit).</param>
/// <param name="ExcitationError">
/// Signed distance of G from the Ewald sphere, s = |k₀ + G| − k in Å⁻¹ (positive outside the sphere; in the
/// flat limit s = G_z).
/// </param>
/// <param name="AngularExcitationDeg">
/// Rotation (degrees) about the in-plane axis ⟂ G that brings G onto the Ewald sphere at the same φ:
/// asin(G_z/q) + θ. Positive = G tilted downstream.
/// </param>
/// <param name="StructureFactorSquared">|F(hkl)|² in the structure's amplitude units squared.</param>
/// <param name="Weight">Spot weight |F|²·exp(−s²/2σ_s²) (see <see cref="SpotBroadening"/>).</param>
/// <param name="GLab">G in the lab frame (Å⁻¹).</param>
public readonly record struct Reflection(
    Miller Hkl,
    double Q,
    double PhiDeg,
    double TwoThetaRad,
    double ExcitationError,
    double AngularExcitationDeg,
    double StructureFactorSquared,
    double Weight,
    Vec3 GLab)
{
    /// <summary>Unit vector of the scattered wave where the ring Q meets azimuth φ: (sin2θ cosφ, sin2θ sinφ, cos2θ).</summary>
    public Vec3 ScatteredDirection
    {
        get
        {
            double p = Angles.ToRad(PhiDeg);
            double s = Math.Sin(TwoThetaRad);
            return new Vec3(s * Math.Cos(p), s * Math.Sin(p), Math.Cos(TwoThetaRad));
        }
    }
}
