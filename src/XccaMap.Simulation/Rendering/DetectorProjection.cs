using XccaMap.Detector.Geometry;

namespace XccaMap.Simulation.Rendering;

/// <summary>
/// The inverse of the pixel geometry: where on the detector a scattered ray (2θ, φ) lands, in continuous pixel
/// coordinates (pixel (r, c) spans [r, r+1) × [c, c+1), centre at r + ½, as in <see cref="PixelGeometry.Evaluate(double,double)"/>).
/// <para>
/// pyFAI's forward map is t = R·(y, x, L) with R = R3·R2·R1 (rotations documented in Detector.Geometry; y, x the
/// detector-plane offsets from the PONI, L the distance) and χ = atan2(t1, t2), 2θ = atan2(√(t1²+t2²), t3).
/// R is orthonormal, so the ray t = (sin2θ sinχ, sin2θ cosχ, cos2θ) hits the detector at Rᵀt scaled to a third
/// component of L. φ of design.md §3 is χ in degrees modulo 360. A test checks the round trip against PixelGeometry.
/// </para>
/// </summary>
public sealed class DetectorProjection
{
    private readonly double _m11, _m12, _m13, _m21, _m22, _m23, _m31, _m32, _m33;
    private readonly PoniGeometry _poni;

    /// <summary>Builds the inverse map of <paramref name="poni"/>.</summary>
    public DetectorProjection(PoniGeometry poni)
    {
        _poni = poni ?? throw new ArgumentNullException(nameof(poni));
        double c1 = Math.Cos(poni.Rot1), s1 = Math.Sin(poni.Rot1);
        double c2 = Math.Cos(poni.Rot2), s2 = Math.Sin(poni.Rot2);
        double c3 = Math.Cos(poni.Rot3), s3 = Math.Sin(poni.Rot3);
        // R1 = [[1,0,0],[0,c1,s1],[0,-s1,c1]], R2 = [[c2,0,-s2],[0,1,0],[s2,0,c2]], R3 = [[c3,-s3,0],[s3,c3,0],[0,0,1]].
        double a11 = c2, a12 = -s2 * -s1, a13 = -s2 * c1;
        double a21 = 0, a22 = c1, a23 = s1;
        double a31 = s2, a32 = c2 * -s1, a33 = c2 * c1;
        _m11 = (c3 * a11) - (s3 * a21);
        _m12 = (c3 * a12) - (s3 * a22);
        _m13 = (c3 * a13) - (s3 * a23);
        _m21 = (s3 * a11) + (c3 * a21);
        _m22 = (s3 * a12) + (c3 * a22);
        _m23 = (s3 * a13) + (c3 * a23);
        _m31 = a31;
        _m32 = a32;
        _m33 = a33;
        WavenumberAngstrom = 2 * Math.PI / (poni.Wavelength * 1e10); // λ in m → Å
    }

    /// <summary>k = 2π/λ, Å⁻¹.</summary>
    public double WavenumberAngstrom { get; }

    /// <summary>2θ (radians) of momentum transfer q (Å⁻¹); NaN beyond 2k.</summary>
    public double TwoThetaOf(double q)
    {
        double s = q / (2 * WavenumberAngstrom);
        return s is >= 0 and <= 1 ? 2 * Math.Asin(s) : double.NaN;
    }

    /// <summary>
    /// Continuous pixel coordinates of the ray at momentum transfer <paramref name="q"/> (Å⁻¹) and azimuth
    /// <paramref name="phiDeg"/>; false when the ray does not reach the detector plane (it may still land outside the image).
    /// </summary>
    public bool TryProject(double q, double phiDeg, out double row, out double col)
    {
        row = col = double.NaN;
        double tth = TwoThetaOf(q);
        if (double.IsNaN(tth))
        {
            return false;
        }

        double chi = phiDeg * Math.PI / 180.0;
        double st = Math.Sin(tth);
        double t1 = st * Math.Sin(chi), t2 = st * Math.Cos(chi), t3 = Math.Cos(tth);
        // v = Rᵀ·t is (y, x, L) up to a positive factor.
        double v1 = (_m11 * t1) + (_m21 * t2) + (_m31 * t3);
        double v2 = (_m12 * t1) + (_m22 * t2) + (_m32 * t3);
        double v3 = (_m13 * t1) + (_m23 * t2) + (_m33 * t3);
        if (!(v3 > 1e-9))
        {
            return false;
        }

        double y = _poni.Distance * v1 / v3, x = _poni.Distance * v2 / v3;
        row = (y + _poni.Poni1) / _poni.PixelSize1;
        col = (x + _poni.Poni2) / _poni.PixelSize2;
        return true;
    }
}
