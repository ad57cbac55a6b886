using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Symmetry;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// The zone axes of a family ⟨uvw⟩ of the superlattice that give different patterns once the atomic lattice is
/// attached by an orientation relation. The superlattice alone looks the same along every member of a family, but
/// a relation picks particular directions ([110]SL ∥ [100]AL): along [110]SL Conf2 shows four in-plane 200_AL spots,
/// along [-110]SL only two. Two members z₁, z₂ are equivalent when a superlattice rotation S (of 432) with S·z₁ = z₂
/// is also a symmetry of the attached atomic lattice (Mᵀ·S·M in 432, M the relation SL ← AL).
/// </summary>
public static class ZoneVariants
{
    /// <summary>One representative per inequivalent member of the family of <paramref name="zone"/> under <paramref name="relation"/>.</summary>
    public static IReadOnlyList<ZoneAxis> Distinct(ZoneAxis zone, OrientationRelation relation)
    {
        ArgumentNullException.ThrowIfNull(relation);
        IReadOnlyList<Mat3> group = CubicSymmetry.ProperRotations;
        Mat3 m = relation.SlFromAl;
        Mat3[] common = group.Where(s => IsCubic(m.Transpose() * s * m)).ToArray();
        var members = new List<ZoneAxis>();
        foreach (Mat3 s in group)
        {
            ZoneAxis z = Apply(s, zone);
            if (!members.Contains(z))
            {
                members.Add(z);
            }
        }

        var result = new List<ZoneAxis>();
        foreach (ZoneAxis z in members.OrderByDescending(Positivity))
        {
            if (!result.Any(r => common.Any(s => Apply(s, r) == z)))
            {
                result.Add(z);
            }
        }

        return result;
    }

    private static bool IsCubic(Mat3 r) => CubicSymmetry.ProperRotations.Any(s => Mat3.MaxAbsDifference(s, r) < 1e-9);

    private static ZoneAxis Apply(Mat3 s, ZoneAxis z)
    {
        Vec3 v = s * z.ToVec3();
        return new ZoneAxis((int)Math.Round(v.X), (int)Math.Round(v.Y), (int)Math.Round(v.Z));
    }

    // Prefer the member with the most non-negative, leading components as the representative: [110] before [-110].
    private static int Positivity(ZoneAxis z) => (z.U >= 0 ? 4 : 0) + (z.V >= 0 ? 2 : 0) + (z.W >= 0 ? 1 : 0);
}
