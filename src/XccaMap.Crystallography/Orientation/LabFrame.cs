using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Orientation;

/// <summary>
/// The laboratory frame used by every orientation in XccaMap (stated once, here):
/// <list type="bullet">
/// <item>+z: the incident beam direction (propagation), k₀ = (2π/λ)·ẑ.</item>
/// <item>+x: the detector +column direction (fast axis); +y: the detector +row direction (slow axis), for a
/// detector perpendicular to the beam. (x, y, z) is right-handed.</item>
/// <item>Azimuth φ of a vector: measured in the xy plane from +x towards +y, in degrees, in [0, 360) —
/// identical to the detector φ of design.md §3 (from +column towards +row).</item>
/// </list>
/// Orientations are rotation matrices lab←crystal: v_lab = R·v_crystal, with v_crystal in the lattice's
/// Cartesian crystal frame (for cubic lattices the cube axes).
/// </summary>
public static class LabFrame
{
    /// <summary>Unit vector of the incident beam, +z.</summary>
    public static Vec3 BeamDirection => Vec3.UnitZ;

    /// <summary>Wavenumber k = 2π/λ in Å⁻¹ for λ in Å.</summary>
    public static double WaveNumber(double wavelengthAngstrom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wavelengthAngstrom);
        return 2.0 * Math.PI / wavelengthAngstrom;
    }

    /// <summary>Azimuth φ (degrees, [0, 360)) of the in-plane (x, y) part of <paramref name="v"/>; 0 for a vector along z.</summary>
    public static double AzimuthDeg(Vec3 v) => Angles.Wrap360(Angles.ToDeg(Math.Atan2(v.Y, v.X)));

    /// <summary>Unit vector in the detector plane at azimuth φ (degrees): (cos φ, sin φ, 0).</summary>
    public static Vec3 InPlaneDirection(double phiDeg)
    {
        double p = Angles.ToRad(phiDeg);
        return new Vec3(Math.Cos(p), Math.Sin(p), 0);
    }

    /// <summary>Scattering angle 2θ (radians) of momentum transfer q (Å⁻¹) at wavelength λ (Å): q = 4π sinθ/λ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">q &gt; 2k (unreachable).</exception>
    public static double TwoTheta(double q, double wavelengthAngstrom)
    {
        double sinTheta = q * wavelengthAngstrom / (4 * Math.PI);
        if (sinTheta > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, FormattableString.Invariant($"q = {q} Å⁻¹ exceeds 2k at λ = {wavelengthAngstrom} Å."));
        }

        return 2 * Math.Asin(sinTheta);
    }
}
