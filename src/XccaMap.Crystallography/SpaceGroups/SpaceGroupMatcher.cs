using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// Identifies the space-group type of a set of operations by matching them, in a candidate conventional
/// basis, against the operations generated from the ITA settings in <see cref="SpaceGroupTable"/>: same
/// rotation set, same centring, and an origin shift that brings every translation within the tolerance.
/// </summary>
internal static class SpaceGroupMatcher
{
    private const int Grid = 24;

    public sealed record Match(SpaceGroupType Group, IntMat3 P, Vec3 Origin, double Mismatch);

    /// <summary>Best-matching group in basis <paramref name="p"/>, or null.</summary>
    public static Match? TryMatch(IReadOnlyList<SymmetryOperation> ops, Lattice lattice, IntMat3 p, CrystalSystem system, double tol)
    {
        int d = p.Determinant;
        if (d <= 0)
        {
            return null;
        }

        IntMat3 adj = Adjugate(p);
        var conv = new List<SymmetryOperation>(ops.Count);
        foreach (var op in ops)
        {
            IntMat3 m = adj * op.Rotation * p;
            if (!DivisibleBy(m, d))
            {
                return null; // P is not a basis the group keeps
            }

            conv.Add(new SymmetryOperation(Divide(m, d), adj.Apply(op.Translation) / d));
        }

        var rotations = conv.Select(o => o.Rotation).ToHashSet();
        var centrings = new List<Vec3>();
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                for (int k = 0; k < d; k++)
                {
                    Vec3 c = SymmetryOperation.Wrap(adj.Apply(new Vec3(i, j, k)) / d);
                    if (!centrings.Any(x => Vec3.MaxAbsDifference(SymmetryOperation.WrapCentered(x - c), Vec3.Zero) < 1e-6))
                    {
                        centrings.Add(c);
                    }
                }
            }
        }

        Mat3 direct = lattice.Direct * p.ToMat3();
        var (first, last) = SpaceGroupTable.NumberRange(system);
        Match? best = null;
        for (int number = first; number <= last; number++)
        {
            var g = SpaceGroupTable.Get(number);
            if (g.PointGroupOrder != rotations.Count || !g.Rotations.All(rotations.Contains) || g.Centrings.Count != centrings.Count
                || !g.Centrings.All(c => centrings.Any(x => Vec3.MaxAbsDifference(SymmetryOperation.WrapCentered(x - c), Vec3.Zero) < 1e-6)))
            {
                continue;
            }

            var tau = new Dictionary<IntMat3, Vec3>();
            foreach (var op in g.Operations)
            {
                tau.TryAdd(op.Rotation, op.Translation);
            }

            var (origin, mismatch) = FindOrigin(conv, tau, centrings, direct);
            if (mismatch <= tol && (best is null || mismatch < best.Mismatch))
            {
                best = new Match(g, p, origin, mismatch);
            }
        }

        return best;
    }

    /// <summary>Adjugate of an integer matrix: P·adj(P) = det(P)·1.</summary>
    public static IntMat3 Adjugate(IntMat3 m) => new(
        (m.M22 * m.M33) - (m.M23 * m.M32), (m.M13 * m.M32) - (m.M12 * m.M33), (m.M12 * m.M23) - (m.M13 * m.M22),
        (m.M23 * m.M31) - (m.M21 * m.M33), (m.M11 * m.M33) - (m.M13 * m.M31), (m.M13 * m.M21) - (m.M11 * m.M23),
        (m.M21 * m.M32) - (m.M22 * m.M31), (m.M12 * m.M31) - (m.M11 * m.M32), (m.M11 * m.M22) - (m.M12 * m.M21));

    /// <summary>The origin o (conventional fractional) minimising the worst translation mismatch, and that mismatch (length units).</summary>
    private static (Vec3 Origin, double Mismatch) FindOrigin(List<SymmetryOperation> ops, Dictionary<IntMat3, Vec3> tau, List<Vec3> centrings, Mat3 direct)
    {
        // Grid search over the cell; origins related by the group's normaliser tie exactly (the grid is
        // invariant under their translations), so all ties are refined and the one nearest the input origin
        // is kept: an input already in a standard setting keeps its origin (and its Wyckoff letters).
        // The grid is scored on a few operations whose (W − 1) together fix the origin (rank 3 where the group
        // allows); all operations are used for the refined candidates.
        var probe = ProbeOperations(ops);
        var scores = new double[Grid * Grid * Grid];
        double bestScore = double.MaxValue;
        for (int i = 0; i < Grid; i++)
        {
            for (int j = 0; j < Grid; j++)
            {
                for (int k = 0; k < Grid; k++)
                {
                    var o = new Vec3((double)i / Grid, (double)j / Grid, (double)k / Grid);
                    double s = Score(probe, o, bestScore * (1 + 1e-9) + 1e-12, fast: true);
                    scores[(((i * Grid) + j) * Grid) + k] = s;
                    bestScore = Math.Min(bestScore, s);
                }
            }
        }

        Vec3 chosen = Vec3.Zero;
        double chosenScore = double.MaxValue, chosenDistance = double.MaxValue;
        int tried = 0;
        for (int idx = 0; idx < scores.Length && tried < 96; idx++)
        {
            if (scores[idx] > bestScore * (1 + 1e-9) + 1e-12)
            {
                continue;
            }

            tried++;
            var o = Refine(new Vec3(idx / (Grid * Grid) / (double)Grid, idx / Grid % Grid / (double)Grid, idx % Grid / (double)Grid));
            double s = Score(ops, o, double.MaxValue, fast: true);
            double dist = OperationSearch.PeriodicDistance(direct, o);
            bool better = s < chosenScore * (1 - 1e-6) - 1e-9
                || (s <= chosenScore * (1 + 1e-6) + 1e-9 && dist < chosenDistance - 1e-9);
            if (better)
            {
                (chosen, chosenScore, chosenDistance) = (o, Math.Min(s, chosenScore), dist);
            }
        }

        return (chosen, Score(ops, chosen, double.MaxValue, fast: false));

        Vec3 Refine(Vec3 start)
        {
            Vec3 o = start;
            for (int iter = 0; iter < 3; iter++)
            {
                Mat3 g = direct.Transpose() * direct;
                Mat3 normal = Mat3.Diagonal(0, 0, 0);
                Vec3 rhs = Vec3.Zero;
                foreach (var op in ops)
                {
                    Mat3 a = op.Rotation.ToMat3() - Mat3.Identity;
                    Vec3 e = Residual(op, o);
                    normal += a.Transpose() * g * a;
                    rhs -= a.Transpose() * (g * e);
                }

                // Free directions (polar axes; all of them for P1) have no constraint: a ridge keeps the system regular.
                double ridge = 1e-4 * Math.Max(normal.Trace, direct.Transpose().MaxAbs * direct.MaxAbs);
                Mat3 damped = normal + Mat3.Diagonal(ridge, ridge, ridge);
                if (Math.Abs(damped.Determinant) <= 1e-12 * Math.Pow(damped.MaxAbs, 3))
                {
                    break;
                }

                o = SymmetryOperation.Wrap(o + (damped.Inverse() * rhs));
            }

            return o;
        }

        double Score(List<SymmetryOperation> list, Vec3 o, double stopAbove, bool fast)
        {
            double worst = 0;
            foreach (var op in list)
            {
                Vec3 t = op.Translation + (op.Rotation.Apply(o) - o) - tau[op.Rotation];
                double m = double.MaxValue;
                foreach (var c in centrings)
                {
                    m = Math.Min(m, fast ? (direct * SymmetryOperation.WrapCentered(t - c)).Norm : OperationSearch.PeriodicDistance(direct, t - c));
                }

                worst = Math.Max(worst, m);
                if (worst >= stopAbove)
                {
                    return worst;
                }
            }

            return worst;
        }

        Vec3 Residual(SymmetryOperation op, Vec3 o)
        {
            Vec3 t = op.Translation + (op.Rotation.Apply(o) - o) - tau[op.Rotation];
            Vec3 best = Vec3.Zero;
            double bestN = double.MaxValue;
            foreach (var c in centrings)
            {
                Vec3 r = SymmetryOperation.WrapCentered(t - c);
                double n = (direct * r).Norm;
                if (n < bestN)
                {
                    bestN = n;
                    best = r;
                }
            }

            return best;
        }
    }

    /// <summary>Up to four non-identity operations whose stacked (W − 1) has the largest rank reachable.</summary>
    private static List<SymmetryOperation> ProbeOperations(List<SymmetryOperation> ops)
    {
        var probe = new List<SymmetryOperation>();
        var rows = new List<Vec3>();
        foreach (var op in ops.OrderBy(o => PointGroupClassifier.TypeOf(o.Rotation) == 1 ? 1 : 0))
        {
            Mat3 a = op.Rotation.ToMat3() - Mat3.Identity;
            var candidate = new List<Vec3>(rows) { a.Row(0), a.Row(1), a.Row(2) };
            if (Rank(candidate) > Rank(rows) || probe.Count < 2)
            {
                probe.Add(op);
                rows = candidate;
            }

            if (probe.Count >= 4 && Rank(rows) == 3)
            {
                break;
            }
        }

        return probe.Count == 0 ? ops : probe;
    }

    private static int Rank(List<Vec3> rows)
    {
        // Gram matrix rank by its determinant and minors (rows are small integers).
        Mat3 g = Mat3.Diagonal(0, 0, 0);
        foreach (var r in rows)
        {
            g += Mat3.FromColumns(r * r.X, r * r.Y, r * r.Z);
        }

        if (Math.Abs(g.Determinant) > 1e-9)
        {
            return 3;
        }

        double minors = Math.Abs((g.M11 * g.M22) - (g.M12 * g.M21)) + Math.Abs((g.M11 * g.M33) - (g.M13 * g.M31)) + Math.Abs((g.M22 * g.M33) - (g.M23 * g.M32));
        return minors > 1e-9 ? 2 : g.Trace > 1e-9 ? 1 : 0;
    }

    private static bool DivisibleBy(IntMat3 m, int d) =>
        m.M11 % d == 0 && m.M12 % d == 0 && m.M13 % d == 0 && m.M21 % d == 0 && m.M22 % d == 0 && m.M23 % d == 0
        && m.M31 % d == 0 && m.M32 % d == 0 && m.M33 % d == 0;

    private static IntMat3 Divide(IntMat3 m, int d) => new(m.M11 / d, m.M12 / d, m.M13 / d, m.M21 / d, m.M22 / d, m.M23 / d, m.M31 / d, m.M32 / d, m.M33 / d);
}
