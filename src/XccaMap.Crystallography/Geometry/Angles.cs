namespace XccaMap.Crystallography.Geometry;

/// <summary>Angle helpers (degrees/radians, wrapping).</summary>
public static class Angles
{
    /// <summary>Degrees → radians.</summary>
    public static double ToRad(double deg) => deg * Math.PI / 180.0;

    /// <summary>Radians → degrees.</summary>
    public static double ToDeg(double rad) => rad * 180.0 / Math.PI;

    /// <summary>Wraps an angle in degrees into [0, 360).</summary>
    public static double Wrap360(double deg)
    {
        double r = deg % 360.0;
        if (r < 0)
        {
            r += 360.0;
        }

        return r >= 360.0 ? 0.0 : r; // -1e-17 % 360 + 360 rounds to 360
    }

    /// <summary>Wraps an angle in degrees into [−180, 180).</summary>
    public static double Wrap180(double deg) => Wrap360(deg + 180.0) - 180.0;

    /// <summary>Smallest absolute circular difference of two angles in degrees, in [0, 180].</summary>
    public static double CircularDistanceDeg(double a, double b) => Math.Abs(Wrap180(a - b));
}
