namespace XccaMap.Crystallography.Geometry;

/// <summary>
/// A unit quaternion q = W + X·i + Y·j + Z·k (Hamilton convention) representing an active rotation
/// v' = q v q*. Its matrix is the one returned by <see cref="ToMatrix"/>, so composition matches
/// matrix products: <c>(a * b).ToMatrix() == a.ToMatrix() * b.ToMatrix()</c> (apply b first, then a).
/// q and −q are the same rotation; <see cref="Canonical"/> picks W ≥ 0.
/// Always construct through the constructor or factories: <c>default(UnitQuaternion)</c> is all zeros, not a rotation.
/// </summary>
public readonly record struct UnitQuaternion
{
    /// <summary>Creates a quaternion and normalises it to unit length.</summary>
    /// <exception cref="ArgumentException">All components are zero or not finite.</exception>
    public UnitQuaternion(double w, double x, double y, double z)
    {
        double n = Math.Sqrt((w * w) + (x * x) + (y * y) + (z * z));
        if (!(n > 0) || double.IsInfinity(n))
        {
            throw new ArgumentException($"Cannot build a unit quaternion from ({w}, {x}, {y}, {z}).");
        }

        W = w / n;
        X = x / n;
        Y = y / n;
        Z = z / n;
    }

    /// <summary>Scalar part.</summary>
    public double W { get; }

    /// <summary>i component.</summary>
    public double X { get; }

    /// <summary>j component.</summary>
    public double Y { get; }

    /// <summary>k component.</summary>
    public double Z { get; }

    /// <summary>The identity rotation.</summary>
    public static UnitQuaternion Identity => new(1, 0, 0, 0);

    /// <summary>Rotation angle in radians, in [0, π].</summary>
    public double AngleRad => 2.0 * Math.Atan2(Math.Sqrt((X * X) + (Y * Y) + (Z * Z)), Math.Abs(W));

    /// <summary>Rotation angle in degrees, in [0, 180].</summary>
    public double AngleDeg => AngleRad * 180.0 / Math.PI;

    /// <summary>The inverse rotation (conjugate).</summary>
    public UnitQuaternion Conjugate() => new(W, -X, -Y, -Z);

    /// <summary>The same rotation with W ≥ 0.</summary>
    public UnitQuaternion Canonical() => W < 0 ? new UnitQuaternion(-W, -X, -Y, -Z) : this;

    /// <summary>Rotation about a unit axis by an angle in radians (right-hand rule).</summary>
    public static UnitQuaternion FromAxisAngle(Vec3 axis, double angleRad)
    {
        Vec3 n = axis.Normalized();
        double s = Math.Sin(angleRad / 2);
        return new UnitQuaternion(Math.Cos(angleRad / 2), n.X * s, n.Y * s, n.Z * s);
    }

    /// <summary>Rotation about a unit axis by an angle in degrees (right-hand rule).</summary>
    public static UnitQuaternion FromAxisAngleDeg(Vec3 axis, double angleDeg) => FromAxisAngle(axis, angleDeg * Math.PI / 180.0);

    /// <summary>
    /// Rotation with rotation vector ω (axis × angle, radians); exact exponential map, stable for |ω| → 0.
    /// </summary>
    public static UnitQuaternion FromRotationVector(Vec3 omega)
    {
        double angle = omega.Norm;
        if (angle < 1e-12)
        {
            return new UnitQuaternion(1, omega.X / 2, omega.Y / 2, omega.Z / 2);
        }

        return FromAxisAngle(omega / angle, angle);
    }

    /// <summary>Axis (unit) and angle (radians, [0, π]) of this rotation. The identity returns axis +z, angle 0.</summary>
    public AxisAngle ToAxisAngle()
    {
        UnitQuaternion c = Canonical();
        double s = Math.Sqrt((c.X * c.X) + (c.Y * c.Y) + (c.Z * c.Z));
        if (s < 1e-300)
        {
            return new AxisAngle(Vec3.UnitZ, 0);
        }

        return new AxisAngle(new Vec3(c.X / s, c.Y / s, c.Z / s), 2.0 * Math.Atan2(s, c.W));
    }

    /// <summary>The rotation matrix R with R·v = q v q*.</summary>
    public Mat3 ToMatrix()
    {
        double xx = X * X, yy = Y * Y, zz = Z * Z;
        double xy = X * Y, xz = X * Z, yz = Y * Z;
        double wx = W * X, wy = W * Y, wz = W * Z;
        return new Mat3(
            1 - (2 * (yy + zz)), 2 * (xy - wz), 2 * (xz + wy),
            2 * (xy + wz), 1 - (2 * (xx + zz)), 2 * (yz - wx),
            2 * (xz - wy), 2 * (yz + wx), 1 - (2 * (xx + yy)));
    }

    /// <summary>
    /// Quaternion of a rotation matrix (Shepperd's method: pivot on the largest of W², X², Y², Z² for
    /// stability at all angles). The input should be a proper rotation; small round-off is absorbed by
    /// the final normalisation.
    /// </summary>
    public static UnitQuaternion FromMatrix(Mat3 m)
    {
        double tr = m.Trace;
        if (tr >= m.M11 && tr >= m.M22 && tr >= m.M33)
        {
            double s = 2 * Math.Sqrt(1 + tr);
            return new UnitQuaternion(s / 4, (m.M32 - m.M23) / s, (m.M13 - m.M31) / s, (m.M21 - m.M12) / s).Canonical();
        }

        if (m.M11 >= m.M22 && m.M11 >= m.M33)
        {
            double s = 2 * Math.Sqrt(Math.Max(1 + m.M11 - m.M22 - m.M33, 1e-300));
            return new UnitQuaternion((m.M32 - m.M23) / s, s / 4, (m.M12 + m.M21) / s, (m.M13 + m.M31) / s).Canonical();
        }

        if (m.M22 >= m.M33)
        {
            double s = 2 * Math.Sqrt(Math.Max(1 + m.M22 - m.M11 - m.M33, 1e-300));
            return new UnitQuaternion((m.M13 - m.M31) / s, (m.M12 + m.M21) / s, s / 4, (m.M23 + m.M32) / s).Canonical();
        }

        double t = 2 * Math.Sqrt(Math.Max(1 + m.M33 - m.M11 - m.M22, 1e-300));
        return new UnitQuaternion((m.M21 - m.M12) / t, (m.M13 + m.M31) / t, (m.M23 + m.M32) / t, t / 4).Canonical();
    }

    /// <summary>Rotates a vector: q v q*.</summary>
    public Vec3 Rotate(Vec3 v)
    {
        // v' = v + 2w (u × v) + 2 u × (u × v), u = vector part.
        var u = new Vec3(X, Y, Z);
        Vec3 t = 2 * Vec3.Cross(u, v);
        return v + (W * t) + Vec3.Cross(u, t);
    }

    /// <summary>|⟨a, b⟩|: 1 for the same rotation, cos(θ/2) with θ the angle between the rotations.</summary>
    public static double AbsDot(UnitQuaternion a, UnitQuaternion b) =>
        Math.Abs((a.W * b.W) + (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z));

    /// <summary>Angle (radians, [0, π]) of the rotation taking <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static double AngleBetween(UnitQuaternion a, UnitQuaternion b) => (a.Conjugate() * b).AngleRad;

    /// <summary>Hamilton product: the rotation <paramref name="b"/> followed by <paramref name="a"/>.</summary>
    public static UnitQuaternion operator *(UnitQuaternion a, UnitQuaternion b) => new(
        (a.W * b.W) - (a.X * b.X) - (a.Y * b.Y) - (a.Z * b.Z),
        (a.W * b.X) + (a.X * b.W) + (a.Y * b.Z) - (a.Z * b.Y),
        (a.W * b.Y) - (a.X * b.Z) + (a.Y * b.W) + (a.Z * b.X),
        (a.W * b.Z) + (a.X * b.Y) - (a.Y * b.X) + (a.Z * b.W));

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"({W:G6}; {X:G6}, {Y:G6}, {Z:G6})");
}
