using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.Orientation;

/// <summary>
/// Orientation of the atomic lattice (AL) of the nanocrystals relative to the superlattice (SL), as the rotation
/// SL-crystal ← AL-crystal (both cubic, cube-axis frames). With an SL orientation R_SL (lab←SL) the AL
/// orientation is R_AL = R_SL · <see cref="SlFromAl"/> (lab←AL).
/// </summary>
/// <param name="Name">Label for reports.</param>
/// <param name="SlFromAl">Rotation SL ← AL: v_SL = M·v_AL.</param>
public sealed record OrientationRelation(string Name, Mat3 SlFromAl)
{
    /// <summary>
    /// Conf1 of Mukharamova et al. 2019 (Fig. 5a): [110]SL ∥ [100]AL and [001]SL ∥ [001]AL.
    /// </summary>
    public static OrientationRelation Conf1 { get; } =
        FromParallelDirections("Conf1", new ZoneAxis(1, 1, 0), new ZoneAxis(1, 0, 0), new ZoneAxis(0, 0, 1), new ZoneAxis(0, 0, 1));

    /// <summary>
    /// Conf2 of Mukharamova et al. 2019 (Fig. 5b): [110]SL ∥ [100]AL and [001]SL ∥ [011]AL
    /// (Conf1 followed by a 45° rotation of the nanocrystals about [100]AL).
    /// </summary>
    public static OrientationRelation Conf2 { get; } =
        FromParallelDirections("Conf2", new ZoneAxis(1, 1, 0), new ZoneAxis(1, 0, 0), new ZoneAxis(0, 0, 1), new ZoneAxis(0, 1, 1));

    /// <summary>The AL orientation (lab←AL) for an SL orientation (lab←SL).</summary>
    public Mat3 LabFromAl(Mat3 labFromSl) => labFromSl * SlFromAl;

    /// <summary>An arbitrary relation given by a rotation SL ← AL.</summary>
    public static OrientationRelation Arbitrary(string name, Mat3 slFromAl)
    {
        if (!slFromAl.IsRotation(1e-6))
        {
            throw new ArgumentException($"Orientation relation '{name}' is not a proper rotation: {slFromAl}.", nameof(slFromAl));
        }

        return new OrientationRelation(name, slFromAl);
    }

    /// <summary>
    /// A relation from two pairs of parallel cubic directions: <paramref name="sl1"/> ∥ <paramref name="al1"/> exactly,
    /// and <paramref name="sl2"/> ∥ <paramref name="al2"/> after projection ⟂ to the first pair (the two pairs must
    /// make the same angle for the relation to be exact; the first pair wins otherwise).
    /// </summary>
    public static OrientationRelation FromParallelDirections(string name, ZoneAxis sl1, ZoneAxis al1, ZoneAxis sl2, ZoneAxis al2) =>
        FromParallelDirections(name, sl1.ToVec3(), al1.ToVec3(), sl2.ToVec3(), al2.ToVec3());

    /// <summary>As <see cref="FromParallelDirections(string, ZoneAxis, ZoneAxis, ZoneAxis, ZoneAxis)"/> with Cartesian crystal-frame vectors.</summary>
    public static OrientationRelation FromParallelDirections(string name, Vec3 sl1, Vec3 al1, Vec3 sl2, Vec3 al2)
    {
        Mat3 sl = Triad(sl1, sl2, name);
        Mat3 al = Triad(al1, al2, name);
        return new OrientationRelation(name, sl * al.Transpose());
    }

    private static Mat3 Triad(Vec3 first, Vec3 second, string name)
    {
        Vec3 e1 = first.Normalized();
        Vec3 p = second - (e1 * Vec3.Dot(second, e1));
        if (p.Norm < 1e-9 * second.Norm)
        {
            throw new ArgumentException($"Orientation relation '{name}': the two directions {first} and {second} are parallel.");
        }

        Vec3 e2 = p.Normalized();
        return Mat3.FromColumns(e1, e2, Vec3.Cross(e1, e2));
    }
}
