namespace XccaMap.Crystallography.Geometry;

/// <summary>
/// A rotation as a unit axis and a right-handed angle.
/// </summary>
/// <param name="Axis">Unit rotation axis (dimensionless, in the frame the rotation acts in).</param>
/// <param name="AngleRad">Rotation angle in radians.</param>
public readonly record struct AxisAngle(Vec3 Axis, double AngleRad)
{
    /// <summary>Rotation angle in degrees.</summary>
    public double AngleDeg => AngleRad * 180.0 / Math.PI;

    /// <summary>Rotation vector: axis × angle (radians).</summary>
    public Vec3 RotationVector => Axis * AngleRad;

    /// <summary>Creates an axis–angle from an axis (any length, normalised here) and an angle in degrees.</summary>
    public static AxisAngle FromDegrees(Vec3 axis, double angleDeg) => new(axis.Normalized(), angleDeg * Math.PI / 180.0);

    /// <summary>Rotation matrix (Rodrigues' formula).</summary>
    public Mat3 ToMatrix()
    {
        Vec3 n = Axis.Normalized();
        double c = Math.Cos(AngleRad), s = Math.Sin(AngleRad), t = 1 - c;
        return new Mat3(
            (t * n.X * n.X) + c, (t * n.X * n.Y) - (s * n.Z), (t * n.X * n.Z) + (s * n.Y),
            (t * n.X * n.Y) + (s * n.Z), (t * n.Y * n.Y) + c, (t * n.Y * n.Z) - (s * n.X),
            (t * n.X * n.Z) - (s * n.Y), (t * n.Y * n.Z) + (s * n.X), (t * n.Z * n.Z) + c);
    }

    /// <summary>Unit quaternion of this rotation.</summary>
    public UnitQuaternion ToQuaternion() => UnitQuaternion.FromAxisAngle(Axis, AngleRad);

    /// <summary>Axis and angle (radians, [0, π]) of a rotation matrix; robust near 0 and π (via the quaternion).</summary>
    public static AxisAngle FromMatrix(Mat3 rotation) => UnitQuaternion.FromMatrix(rotation).ToAxisAngle();

    /// <summary>Rotation matrix about an axis by an angle in degrees.</summary>
    public static Mat3 RotationMatrixDeg(Vec3 axis, double angleDeg) => FromDegrees(axis, angleDeg).ToMatrix();
}
