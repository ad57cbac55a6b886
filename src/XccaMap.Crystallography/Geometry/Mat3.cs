namespace XccaMap.Crystallography.Geometry;

/// <summary>
/// A 3×3 matrix in double precision, row-major element names (M12 = row 1, column 2).
/// Used for rotations (orthonormal, det +1), lattice bases (columns = basis vectors, Å)
/// and metric tensors (Å²). Rotations act on column vectors: v' = R·v.
/// </summary>
public readonly record struct Mat3(
    double M11, double M12, double M13,
    double M21, double M22, double M23,
    double M31, double M32, double M33)
{
    /// <summary>The identity matrix.</summary>
    public static Mat3 Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>Builds a matrix whose columns are <paramref name="c1"/>, <paramref name="c2"/>, <paramref name="c3"/>.</summary>
    public static Mat3 FromColumns(Vec3 c1, Vec3 c2, Vec3 c3) =>
        new(c1.X, c2.X, c3.X, c1.Y, c2.Y, c3.Y, c1.Z, c2.Z, c3.Z);

    /// <summary>Builds a matrix whose rows are <paramref name="r1"/>, <paramref name="r2"/>, <paramref name="r3"/>.</summary>
    public static Mat3 FromRows(Vec3 r1, Vec3 r2, Vec3 r3) =>
        new(r1.X, r1.Y, r1.Z, r2.X, r2.Y, r2.Z, r3.X, r3.Y, r3.Z);

    /// <summary>Diagonal matrix.</summary>
    public static Mat3 Diagonal(double d1, double d2, double d3) => new(d1, 0, 0, 0, d2, 0, 0, 0, d3);

    /// <summary>Element by zero-based row and column.</summary>
    public double this[int row, int column] => (row, column) switch
    {
        (0, 0) => M11,
        (0, 1) => M12,
        (0, 2) => M13,
        (1, 0) => M21,
        (1, 1) => M22,
        (1, 2) => M23,
        (2, 0) => M31,
        (2, 1) => M32,
        (2, 2) => M33,
        _ => throw new ArgumentOutOfRangeException(nameof(row), $"Mat3 index ({row}, {column}) is outside 0..2."),
    };

    /// <summary>Column 0, 1 or 2.</summary>
    public Vec3 Column(int index) => index switch
    {
        0 => new Vec3(M11, M21, M31),
        1 => new Vec3(M12, M22, M32),
        2 => new Vec3(M13, M23, M33),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Mat3 column must be 0, 1 or 2."),
    };

    /// <summary>Row 0, 1 or 2.</summary>
    public Vec3 Row(int index) => index switch
    {
        0 => new Vec3(M11, M12, M13),
        1 => new Vec3(M21, M22, M23),
        2 => new Vec3(M31, M32, M33),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "Mat3 row must be 0, 1 or 2."),
    };

    /// <summary>Transpose (the inverse of a rotation).</summary>
    public Mat3 Transpose() => new(M11, M21, M31, M12, M22, M32, M13, M23, M33);

    /// <summary>Sum of the diagonal.</summary>
    public double Trace => M11 + M22 + M33;

    /// <summary>Determinant.</summary>
    public double Determinant =>
        (M11 * ((M22 * M33) - (M23 * M32)))
        - (M12 * ((M21 * M33) - (M23 * M31)))
        + (M13 * ((M21 * M32) - (M22 * M31)));

    /// <summary>Inverse by the adjugate.</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular.</exception>
    public Mat3 Inverse()
    {
        double det = Determinant;
        double scale = Math.Max(MaxAbs, double.Epsilon);
        if (Math.Abs(det) <= 1e-14 * scale * scale * scale)
        {
            throw new InvalidOperationException($"Cannot invert a singular matrix (det = {det:G6}).");
        }

        double inv = 1.0 / det;
        return new Mat3(
            ((M22 * M33) - (M23 * M32)) * inv,
            ((M13 * M32) - (M12 * M33)) * inv,
            ((M12 * M23) - (M13 * M22)) * inv,
            ((M23 * M31) - (M21 * M33)) * inv,
            ((M11 * M33) - (M13 * M31)) * inv,
            ((M13 * M21) - (M11 * M23)) * inv,
            ((M21 * M32) - (M22 * M31)) * inv,
            ((M12 * M31) - (M11 * M32)) * inv,
            ((M11 * M22) - (M12 * M21)) * inv);
    }

    /// <summary>Largest absolute element.</summary>
    public double MaxAbs =>
        Math.Max(Math.Max(Math.Max(Math.Abs(M11), Math.Abs(M12)), Math.Max(Math.Abs(M13), Math.Abs(M21))),
            Math.Max(Math.Max(Math.Abs(M22), Math.Abs(M23)), Math.Max(Math.Max(Math.Abs(M31), Math.Abs(M32)), Math.Abs(M33))));

    /// <summary>True if MᵀM = I within <paramref name="tolerance"/> (element-wise).</summary>
    public bool IsOrthonormal(double tolerance = 1e-9) => MaxAbsDifference(Transpose() * this, Identity) <= tolerance;

    /// <summary>True if the matrix is a proper rotation: orthonormal with det = +1 (within <paramref name="tolerance"/>).</summary>
    public bool IsRotation(double tolerance = 1e-9) => IsOrthonormal(tolerance) && Math.Abs(Determinant - 1) <= tolerance;

    /// <summary>
    /// A proper rotation close to this nearly orthonormal matrix (via its unit quaternion, Shepperd's method);
    /// removes round-off drift after long products. Not a least-squares fit for strongly non-orthonormal input.
    /// </summary>
    public Mat3 Orthonormalized() => UnitQuaternion.FromMatrix(this).ToMatrix();

    /// <summary>Largest absolute element-wise difference.</summary>
    public static double MaxAbsDifference(Mat3 a, Mat3 b) => (a - b).MaxAbs;

    public static Mat3 operator *(Mat3 a, Mat3 b) => new(
        (a.M11 * b.M11) + (a.M12 * b.M21) + (a.M13 * b.M31),
        (a.M11 * b.M12) + (a.M12 * b.M22) + (a.M13 * b.M32),
        (a.M11 * b.M13) + (a.M12 * b.M23) + (a.M13 * b.M33),
        (a.M21 * b.M11) + (a.M22 * b.M21) + (a.M23 * b.M31),
        (a.M21 * b.M12) + (a.M22 * b.M22) + (a.M23 * b.M32),
        (a.M21 * b.M13) + (a.M22 * b.M23) + (a.M23 * b.M33),
        (a.M31 * b.M11) + (a.M32 * b.M21) + (a.M33 * b.M31),
        (a.M31 * b.M12) + (a.M32 * b.M22) + (a.M33 * b.M32),
        (a.M31 * b.M13) + (a.M32 * b.M23) + (a.M33 * b.M33));

    public static Vec3 operator *(Mat3 m, Vec3 v) => new(
        (m.M11 * v.X) + (m.M12 * v.Y) + (m.M13 * v.Z),
        (m.M21 * v.X) + (m.M22 * v.Y) + (m.M23 * v.Z),
        (m.M31 * v.X) + (m.M32 * v.Y) + (m.M33 * v.Z));

    public static Mat3 operator *(Mat3 m, double s) => new(
        m.M11 * s, m.M12 * s, m.M13 * s, m.M21 * s, m.M22 * s, m.M23 * s, m.M31 * s, m.M32 * s, m.M33 * s);

    public static Mat3 operator *(double s, Mat3 m) => m * s;

    public static Mat3 operator +(Mat3 a, Mat3 b) => new(
        a.M11 + b.M11, a.M12 + b.M12, a.M13 + b.M13,
        a.M21 + b.M21, a.M22 + b.M22, a.M23 + b.M23,
        a.M31 + b.M31, a.M32 + b.M32, a.M33 + b.M33);

    public static Mat3 operator -(Mat3 a, Mat3 b) => new(
        a.M11 - b.M11, a.M12 - b.M12, a.M13 - b.M13,
        a.M21 - b.M21, a.M22 - b.M22, a.M23 - b.M23,
        a.M31 - b.M31, a.M32 - b.M32, a.M33 - b.M33);

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant(
        $"[[{M11:G6}, {M12:G6}, {M13:G6}], [{M21:G6}, {M22:G6}, {M23:G6}], [{M31:G6}, {M32:G6}, {M33:G6}]]");
}
