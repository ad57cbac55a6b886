namespace XccaMap.Crystallography.Geometry;

/// <summary>
/// A 3-vector in double precision. Units are those of the caller: Å for real-space vectors,
/// Å⁻¹ for reciprocal-space vectors, dimensionless for directions.
/// </summary>
/// <param name="X">First Cartesian component.</param>
/// <param name="Y">Second Cartesian component.</param>
/// <param name="Z">Third Cartesian component.</param>
public readonly record struct Vec3(double X, double Y, double Z)
{
    /// <summary>The zero vector.</summary>
    public static Vec3 Zero => new(0, 0, 0);

    /// <summary>Unit vector along +x.</summary>
    public static Vec3 UnitX => new(1, 0, 0);

    /// <summary>Unit vector along +y.</summary>
    public static Vec3 UnitY => new(0, 1, 0);

    /// <summary>Unit vector along +z.</summary>
    public static Vec3 UnitZ => new(0, 0, 1);

    /// <summary>Euclidean length.</summary>
    public double Norm => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    /// <summary>Squared Euclidean length.</summary>
    public double NormSquared => (X * X) + (Y * Y) + (Z * Z);

    /// <summary>Component by index 0, 1, 2.</summary>
    public double this[int index] => index switch
    {
        0 => X,
        1 => Y,
        2 => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Vec3 index must be 0, 1 or 2."),
    };

    /// <summary>This vector scaled to unit length.</summary>
    /// <exception cref="InvalidOperationException">The vector is zero (or not finite).</exception>
    public Vec3 Normalized()
    {
        double n = Norm;
        if (!(n > 0) || double.IsInfinity(n))
        {
            throw new InvalidOperationException($"Cannot normalise the vector {this} of length {n}.");
        }

        return this / n;
    }

    /// <summary>Scalar product.</summary>
    public static double Dot(Vec3 a, Vec3 b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);

    /// <summary>Vector product a × b (right-handed).</summary>
    public static Vec3 Cross(Vec3 a, Vec3 b) =>
        new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));

    /// <summary>Angle between two non-zero vectors, in radians, in [0, π]. Uses atan2 for accuracy near 0 and π.</summary>
    public static double AngleBetween(Vec3 a, Vec3 b) => Math.Atan2(Cross(a, b).Norm, Dot(a, b));

    /// <summary>Largest absolute difference of the components.</summary>
    public static double MaxAbsDifference(Vec3 a, Vec3 b) =>
        Math.Max(Math.Abs(a.X - b.X), Math.Max(Math.Abs(a.Y - b.Y), Math.Abs(a.Z - b.Z)));

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);

    public static Vec3 operator *(Vec3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public static Vec3 operator *(double s, Vec3 a) => new(a.X * s, a.Y * s, a.Z * s);

    public static Vec3 operator /(Vec3 a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"({X:G6}, {Y:G6}, {Z:G6})");
}
