using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.Symmetry;

/// <summary>
/// The cubic point groups in the cube-axis crystal frame: the 24 proper rotations of 432 (signed permutation
/// matrices with det +1) and, for index families, the 48 operations of m-3m (Laue class of every cubic crystal).
/// </summary>
public static class CubicSymmetry
{
    private static readonly Mat3[] s_rotations = BuildRotations();
    private static readonly UnitQuaternion[] s_quaternions = Array.ConvertAll(s_rotations, UnitQuaternion.FromMatrix);

    /// <summary>The 24 proper rotations of the cubic group 432, identity first.</summary>
    public static IReadOnlyList<Mat3> ProperRotations => s_rotations;

    /// <summary>The same 24 rotations as canonical unit quaternions (W ≥ 0), in the same order.</summary>
    public static IReadOnlyList<UnitQuaternion> ProperRotationQuaternions => s_quaternions;

    /// <summary>
    /// All indices symmetry-equivalent to <paramref name="hkl"/> in a cubic crystal: {hkl}.
    /// With <paramref name="includeInversion"/> (default) the m-3m family (all signed permutations; Friedel pairs
    /// included, as seen in diffraction), otherwise only the 432 images (proper rotations).
    /// Distinct members, sorted by descending (h, k, l). E.g. {111}: 8, {200}: 6, {220}: 12, {311}: 24, {123}: 48.
    /// </summary>
    public static IReadOnlyList<Miller> Family(Miller hkl, bool includeInversion = true)
    {
        var set = new HashSet<Miller>();
        ReadOnlySpan<int> v = [hkl.H, hkl.K, hkl.L];
        foreach (Mat3 r in s_rotations)
        {
            // r has a single ±1 per row: image index i = Σ_j r_ij v_j.
            var image = new Miller(
                (int)((r.M11 * v[0]) + (r.M12 * v[1]) + (r.M13 * v[2])),
                (int)((r.M21 * v[0]) + (r.M22 * v[1]) + (r.M23 * v[2])),
                (int)((r.M31 * v[0]) + (r.M32 * v[1]) + (r.M33 * v[2])));
            set.Add(image);
            if (includeInversion)
            {
                set.Add(-image);
            }
        }

        var list = set.ToList();
        list.Sort((a, b) => a.H != b.H ? b.H.CompareTo(a.H) : a.K != b.K ? b.K.CompareTo(a.K) : b.L.CompareTo(a.L));
        return list;
    }

    /// <summary>Directions symmetry-equivalent to <paramref name="uvw"/>: ⟨uvw⟩ (same rules as <see cref="Family(Miller, bool)"/>).</summary>
    public static IReadOnlyList<ZoneAxis> Family(ZoneAxis uvw, bool includeInversion = true) =>
        Family(new Miller(uvw.U, uvw.V, uvw.W), includeInversion).Select(m => new ZoneAxis(m.H, m.K, m.L)).ToList();

    private static Mat3[] BuildRotations()
    {
        int[][] permutations = [[0, 1, 2], [1, 2, 0], [2, 0, 1], [0, 2, 1], [2, 1, 0], [1, 0, 2]];
        var result = new List<Mat3>(24);
        foreach (int[] p in permutations)
        {
            for (int signs = 0; signs < 8; signs++)
            {
                double[] e = new double[9]; // runs once, at type initialisation
                for (int row = 0; row < 3; row++)
                {
                    e[(3 * row) + p[row]] = ((signs >> row) & 1) == 0 ? 1 : -1;
                }

                var m = new Mat3(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8]);
                if (m.Determinant > 0)
                {
                    result.Add(m);
                }
            }
        }

        return [.. result];
    }
}
