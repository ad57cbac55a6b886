namespace XccaMap.Detector.Geometry;

/// <summary>
/// The azimuth convention of XccaMap and its mapping to pyFAI (design.md §3).
/// <para>
/// φ is in degrees, in [0, 360), measured from the +column (fast-axis) direction towards +row (slow axis).
/// It is defined as pyFAI's azimuth χ = atan2(t1, t2) of the lab-frame scattering direction, converted to
/// degrees and taken modulo 360°: <c>φ = χ·180/π</c> when χ ≥ 0, <c>φ = χ·180/π + 360</c> when χ &lt; 0.
/// For an untilted detector t1, t2 are the row and column offsets from the beam, so φ = atan2(Δrow, Δcol):
/// the angle in the detector plane. With tilts φ is the lab azimuth (rings stay circles in it), which is what
/// pyFAI's <c>chiArray()</c> returns; pyFAI's <c>setChiDiscAtZero()</c> gives the same numbers in radians.
/// </para>
/// </summary>
public static class Azimuth
{
    /// <summary>φ in degrees, [0, 360), from pyFAI's χ in radians (any range).</summary>
    public static double FromPyFaiChi(double chiRadians) => Normalize(chiRadians * (180.0 / Math.PI));

    /// <summary>pyFAI's χ in radians, (−π, π], from φ in degrees.</summary>
    public static double ToPyFaiChi(double phiDegrees)
    {
        double w = Wrap180(phiDegrees);
        return w * (Math.PI / 180.0);
    }

    /// <summary>An angle in degrees reduced to [0, 360).</summary>
    public static double Normalize(double degrees)
    {
        double r = degrees % 360.0;
        if (r < 0)
        {
            r += 360.0;
        }

        return r >= 360.0 ? 0.0 : r; // −1e-17 % 360 + 360 rounds to 360
    }

    /// <summary>An angle difference in degrees reduced to (−180, 180].</summary>
    public static double Wrap180(double degrees)
    {
        double r = Normalize(degrees);
        return r > 180.0 ? r - 360.0 : r;
    }

    /// <summary>φ in degrees as float, guaranteed in [0, 360) after rounding to single precision.</summary>
    public static float ToSingle(double phiDegrees)
    {
        float f = (float)phiDegrees;
        return f >= 360f ? 0f : f;
    }
}
