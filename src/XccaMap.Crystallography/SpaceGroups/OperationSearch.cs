using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// The tolerant search for symmetry operations of a periodic structure: point operations of the lattice
/// (its holohedry, within a length tolerance), then translations from same-species site pairs, kept when
/// every site lands within the tolerance of a site of its species (one to one).
/// </summary>
internal static class OperationSearch
{
    /// <summary>Length of the shortest lattice-equivalent of the fractional difference <paramref name="d"/>.</summary>
    /// <remarks>Searches the 27 images next to the wrapped difference, which suffices for reduced cells.</remarks>
    public static double PeriodicDistance(Mat3 direct, Vec3 d)
    {
        Vec3 x = direct * SymmetryOperation.WrapCentered(d);
        Vec3 a = direct.Column(0), b = direct.Column(1), c = direct.Column(2);
        double best = double.MaxValue;
        for (int i = -1; i <= 1; i++)
        {
            for (int j = -1; j <= 1; j++)
            {
                Vec3 xy = x + (a * i) + (b * j);
                best = Math.Min(best, Math.Min((xy - c).NormSquared, Math.Min(xy.NormSquared, (xy + c).NormSquared)));
            }
        }

        return Math.Sqrt(best);
    }

    /// <summary>
    /// Integer matrices W (det ±1) that map the (reduced) lattice onto itself: |W·aᵢ| ≈ |aᵢ| and the angles
    /// kept, i.e. |(WᵀGW)ᵢⱼ − Gᵢⱼ| ≤ tol·(|aᵢ| + |aⱼ|).
    /// </summary>
    public static List<IntMat3> LatticeOperations(Lattice reduced, double tol)
    {
        Mat3 g = reduced.MetricTensor;
        var len = new[] { reduced.A.Norm, reduced.B.Norm, reduced.C.Norm };
        var candidates = new List<(int, int, int)>[3];
        for (int b = 0; b < 3; b++)
        {
            candidates[b] = [];
        }

        for (int i = -2; i <= 2; i++)
        {
            for (int j = -2; j <= 2; j++)
            {
                for (int k = -2; k <= 2; k++)
                {
                    double l = reduced.ToCartesian(new Vec3(i, j, k)).Norm;
                    for (int b = 0; b < 3; b++)
                    {
                        if (Math.Abs(l - len[b]) <= tol)
                        {
                            candidates[b].Add((i, j, k));
                        }
                    }
                }
            }
        }

        var result = new List<IntMat3>();
        foreach (var c1 in candidates[0])
        {
            foreach (var c2 in candidates[1])
            {
                foreach (var c3 in candidates[2])
                {
                    var w = IntMat3.FromColumns(c1, c2, c3);
                    if (w.Determinant is not (1 or -1))
                    {
                        continue;
                    }

                    Mat3 wf = w.ToMat3();
                    Mat3 g2 = wf.Transpose() * g * wf;
                    bool ok = true;
                    for (int r = 0; r < 3 && ok; r++)
                    {
                        for (int s = r + 1; s < 3 && ok; s++)
                        {
                            ok = Math.Abs(g2[r, s] - g[r, s]) <= tol * (len[r] + len[s]);
                        }
                    }

                    if (ok)
                    {
                        result.Add(w);
                    }
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Operations {W|t} with W from <paramref name="rotations"/> that map the structure onto itself within
    /// <paramref name="tol"/>; t refined as the mean of the site mismatches.
    /// </summary>
    public static List<SymmetryOperation> FindOperations(Lattice lattice, IReadOnlyList<SymmetrySite> sites, IEnumerable<IntMat3> rotations, double tol)
    {
        var ops = new List<SymmetryOperation>();
        if (sites.Count == 0)
        {
            return ops;
        }

        // Translations are tried between sites of the rarest species.
        int rare = sites.GroupBy(s => s.Species).OrderBy(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var rareSites = sites.Where(s => s.Species == rare).ToList();
        Vec3 reference = rareSites[0].Fractional;
        foreach (var w in rotations)
        {
            foreach (var target in rareSites)
            {
                // The pair fixes t only up to the two sites' errors: map with twice the tolerance, take the
                // mean mismatch as the translation, then require every site within the tolerance.
                var op = new SymmetryOperation(w, target.Fractional - w.Apply(reference));
                if (TryMap(lattice, sites, op, 2 * tol, out var first, out _)
                    && TryMap(lattice, sites, first, tol, out var refined, out _)
                    && !ops.Any(o => o.Rotation == w && PeriodicDistance(lattice.Direct, o.Translation - refined.Translation) <= tol))
                {
                    ops.Add(refined.Reduced());
                }
            }
        }

        return ops;
    }

    /// <summary>
    /// Maps every site by <paramref name="op"/> to the nearest site of its species; succeeds if all land within
    /// <paramref name="tol"/> and the map is one to one. <paramref name="refined"/> has the mean mismatch removed.
    /// </summary>
    public static bool TryMap(Lattice lattice, IReadOnlyList<SymmetrySite> sites, SymmetryOperation op, double tol, out SymmetryOperation refined, out int[] map)
    {
        int n = sites.Count;
        map = new int[n];
        var used = new bool[n];
        Vec3 sum = Vec3.Zero;
        refined = op;
        for (int i = 0; i < n; i++)
        {
            Vec3 y = op.Apply(sites[i].Fractional);
            int best = -1;
            double bestD = double.MaxValue;
            for (int j = 0; j < n; j++)
            {
                if (sites[j].Species != sites[i].Species)
                {
                    continue;
                }

                double d = PeriodicDistance(lattice.Direct, y - sites[j].Fractional);
                if (d < bestD)
                {
                    bestD = d;
                    best = j;
                }
            }

            if (best < 0 || bestD > tol || used[best])
            {
                return false;
            }

            used[best] = true;
            map[i] = best;
            sum += SymmetryOperation.WrapCentered(sites[best].Fractional - y);
        }

        refined = op with { Translation = op.Translation + (sum / n) };
        return true;
    }

    /// <summary>True if the operations are closed under composition (translations within <paramref name="tol"/>).</summary>
    public static bool IsGroup(Lattice lattice, IReadOnlyList<SymmetryOperation> ops, double tol)
    {
        foreach (var a in ops)
        {
            foreach (var b in ops)
            {
                var c = a * b;
                if (!ops.Any(o => o.Rotation == c.Rotation && PeriodicDistance(lattice.Direct, o.Translation - c.Translation) <= 2 * tol))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
