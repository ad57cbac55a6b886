using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// An integer 3×3 matrix (row-major names): the rotation part of a space-group operation in fractional
/// coordinates, or an integer change of basis. Acts on column vectors.
/// </summary>
public readonly record struct IntMat3(int M11, int M12, int M13, int M21, int M22, int M23, int M31, int M32, int M33)
{
    /// <summary>The identity.</summary>
    public static IntMat3 Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>Element by zero-based row and column.</summary>
    public int this[int row, int column] => ((uint)row > 2 || (uint)column > 2 ? -1 : (row * 3) + column) switch
    {
        0 => M11,
        1 => M12,
        2 => M13,
        3 => M21,
        4 => M22,
        5 => M23,
        6 => M31,
        7 => M32,
        8 => M33,
        _ => throw new ArgumentOutOfRangeException(nameof(row), $"IntMat3 index ({row}, {column}) is outside 0..2."),
    };

    /// <summary>Determinant.</summary>
    public int Determinant => (M11 * ((M22 * M33) - (M23 * M32))) - (M12 * ((M21 * M33) - (M23 * M31))) + (M13 * ((M21 * M32) - (M22 * M31)));

    /// <summary>Trace.</summary>
    public int Trace => M11 + M22 + M33;

    /// <summary>From a row-major span of nine values.</summary>
    public static IntMat3 FromRowMajor(ReadOnlySpan<int> m) => new(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);

    /// <summary>Builds a matrix whose columns are the three integer vectors.</summary>
    public static IntMat3 FromColumns((int X, int Y, int Z) c1, (int X, int Y, int Z) c2, (int X, int Y, int Z) c3) =>
        new(c1.X, c2.X, c3.X, c1.Y, c2.Y, c3.Y, c1.Z, c2.Z, c3.Z);

    /// <summary>Rounds a real matrix whose elements are (close to) integers.</summary>
    public static IntMat3 Round(Mat3 m) => new(
        (int)Math.Round(m.M11), (int)Math.Round(m.M12), (int)Math.Round(m.M13),
        (int)Math.Round(m.M21), (int)Math.Round(m.M22), (int)Math.Round(m.M23),
        (int)Math.Round(m.M31), (int)Math.Round(m.M32), (int)Math.Round(m.M33));

    /// <summary>As a real matrix.</summary>
    public Mat3 ToMat3() => new(M11, M12, M13, M21, M22, M23, M31, M32, M33);

    /// <summary>Transpose.</summary>
    public IntMat3 Transpose() => new(M11, M21, M31, M12, M22, M32, M13, M23, M33);

    /// <summary>Inverse of a unimodular matrix (det ±1), exact.</summary>
    /// <exception cref="InvalidOperationException">The determinant is not ±1.</exception>
    public IntMat3 InverseUnimodular()
    {
        int det = Determinant;
        if (det is not (1 or -1))
        {
            throw new InvalidOperationException($"{this} is not unimodular (det = {det}).");
        }

        return new IntMat3(
            ((M22 * M33) - (M23 * M32)) * det, ((M13 * M32) - (M12 * M33)) * det, ((M12 * M23) - (M13 * M22)) * det,
            ((M23 * M31) - (M21 * M33)) * det, ((M11 * M33) - (M13 * M31)) * det, ((M13 * M21) - (M11 * M23)) * det,
            ((M21 * M32) - (M22 * M31)) * det, ((M12 * M31) - (M11 * M32)) * det, ((M11 * M22) - (M12 * M21)) * det);
    }

    /// <summary>Matrix–vector product.</summary>
    public Vec3 Apply(Vec3 v) => new(
        (M11 * v.X) + (M12 * v.Y) + (M13 * v.Z),
        (M21 * v.X) + (M22 * v.Y) + (M23 * v.Z),
        (M31 * v.X) + (M32 * v.Y) + (M33 * v.Z));

    /// <summary>Integer matrix–vector product.</summary>
    public (int X, int Y, int Z) Apply((int X, int Y, int Z) v) => (
        (M11 * v.X) + (M12 * v.Y) + (M13 * v.Z),
        (M21 * v.X) + (M22 * v.Y) + (M23 * v.Z),
        (M31 * v.X) + (M32 * v.Y) + (M33 * v.Z));

    public static IntMat3 operator *(IntMat3 a, IntMat3 b) => new(
        (a.M11 * b.M11) + (a.M12 * b.M21) + (a.M13 * b.M31),
        (a.M11 * b.M12) + (a.M12 * b.M22) + (a.M13 * b.M32),
        (a.M11 * b.M13) + (a.M12 * b.M23) + (a.M13 * b.M33),
        (a.M21 * b.M11) + (a.M22 * b.M21) + (a.M23 * b.M31),
        (a.M21 * b.M12) + (a.M22 * b.M22) + (a.M23 * b.M32),
        (a.M21 * b.M13) + (a.M22 * b.M23) + (a.M23 * b.M33),
        (a.M31 * b.M11) + (a.M32 * b.M21) + (a.M33 * b.M31),
        (a.M31 * b.M12) + (a.M32 * b.M22) + (a.M33 * b.M32),
        (a.M31 * b.M13) + (a.M32 * b.M23) + (a.M33 * b.M33));

    public static IntMat3 operator -(IntMat3 a) => new(-a.M11, -a.M12, -a.M13, -a.M21, -a.M22, -a.M23, -a.M31, -a.M32, -a.M33);

    /// <inheritdoc />
    public override string ToString() => $"[[{M11}, {M12}, {M13}], [{M21}, {M22}, {M23}], [{M31}, {M32}, {M33}]]";
}
