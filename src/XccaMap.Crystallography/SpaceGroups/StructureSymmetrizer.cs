using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// Forces an identified space group on a structure: exact operations from the ITA setting brought into the
/// analysed cell, every site replaced by the group average over its orbit (which also projects it onto its
/// Wyckoff position), the metric averaged over the point group, and Wyckoff letters looked up.
/// </summary>
internal static class StructureSymmetrizer
{
    public sealed record Result(IReadOnlyList<(Vec3 Symmetrized, Vec3 Conventional, WyckoffPosition? Wyckoff, int Multiplicity, Vec3? Parameters)> Sites, LatticeParameters ConventionalCell);

    public static Result Apply(Lattice lattice, IReadOnlyList<SymmetrySite> sites, SpaceGroupMatcher.Match match)
    {
        IntMat3 p = match.P, adj = SpaceGroupMatcher.Adjugate(p);
        int d = p.Determinant;
        Vec3 o = match.Origin;

        // Exact operations in the analysed (primitive) cell, one per coset of its lattice.
        var ops = new List<SymmetryOperation>();
        foreach (var op in match.Group.Operations)
        {
            IntMat3 m = p * op.Rotation * adj;
            var w = new IntMat3(m.M11 / d, m.M12 / d, m.M13 / d, m.M21 / d, m.M22 / d, m.M23 / d, m.M31 / d, m.M32 / d, m.M33 / d);
            Vec3 tc = op.Translation - (op.Rotation.Apply(o) - o);
            var exact = new SymmetryOperation(w, SymmetryOperation.Wrap(p.Apply(tc)));
            if (!ops.Any(x => x.Rotation == w && Vec3.MaxAbsDifference(SymmetryOperation.WrapCentered(x.Translation - exact.Translation), Vec3.Zero) < 1e-6))
            {
                ops.Add(exact);
            }
        }

        var result = new List<(Vec3, Vec3, WyckoffPosition?, int, Vec3?)>();
        var table = WyckoffTable.For(match.Group.Number);
        foreach (var site in sites)
        {
            // f_sym = mean over g of g⁻¹(f_j(g)), each term taken near f: invariant under the site group, consistent across the orbit.
            Vec3 f = site.Fractional, sum = Vec3.Zero;
            foreach (var g in ops)
            {
                Vec3 y = g.Apply(f);
                int j = Nearest(lattice, sites, site.Species, y);
                Vec3 back = g.Inverse().Apply(sites[j].Fractional);
                sum += f + SymmetryOperation.WrapCentered(back - f);
            }

            Vec3 sym = sum / ops.Count;
            Vec3 conv = SymmetryOperation.Wrap((adj.Apply(sym) / d) - o);
            var orbit = Orbit(match.Group, conv);
            WyckoffPosition? letter = null;
            Vec3? parameters = null;
            if (table is not null)
            {
                foreach (var wp in table.Where(w => w.Multiplicity == orbit.Count))
                {
                    foreach (var y in orbit)
                    {
                        if (wp.Solve(y, 1e-5) is { } solved)
                        {
                            letter = wp;
                            parameters = solved;
                            break;
                        }
                    }

                    if (letter is not null)
                    {
                        break;
                    }
                }
            }

            result.Add((sym, conv, letter, orbit.Count, parameters));
        }

        // Metric averaged over the point group, then expressed in the conventional basis.
        Mat3 gm = lattice.MetricTensor, avg = Mat3.Diagonal(0, 0, 0);
        var rotations = ops.Select(x => x.Rotation).Distinct().ToList();
        foreach (var w in rotations)
        {
            Mat3 wf = w.ToMat3();
            avg += wf.Transpose() * gm * wf;
        }

        avg *= 1.0 / rotations.Count;
        Mat3 pf = p.ToMat3();
        Mat3 gc = pf.Transpose() * avg * pf;
        double a = Math.Sqrt(gc.M11), b = Math.Sqrt(gc.M22), c = Math.Sqrt(gc.M33);
        var cell = new LatticeParameters(a, b, c,
            Angles.ToDeg(Math.Acos(Math.Clamp(gc.M23 / (b * c), -1, 1))),
            Angles.ToDeg(Math.Acos(Math.Clamp(gc.M13 / (a * c), -1, 1))),
            Angles.ToDeg(Math.Acos(Math.Clamp(gc.M12 / (a * b), -1, 1))));
        return new Result(result, cell);
    }

    /// <summary>Distinct images of <paramref name="x"/> (conventional, standard origin) in the conventional cell.</summary>
    public static List<Vec3> Orbit(SpaceGroupType group, Vec3 x)
    {
        var orbit = new List<Vec3>();
        foreach (var op in group.Operations)
        {
            Vec3 y = SymmetryOperation.Wrap(op.Apply(x));
            if (!orbit.Any(z => Vec3.MaxAbsDifference(SymmetryOperation.WrapCentered(z - y), Vec3.Zero) < 1e-5))
            {
                orbit.Add(y);
            }
        }

        return orbit;
    }

    private static int Nearest(Lattice lattice, IReadOnlyList<SymmetrySite> sites, int species, Vec3 y)
    {
        int best = -1;
        double bestD = double.MaxValue;
        for (int j = 0; j < sites.Count; j++)
        {
            if (sites[j].Species == species)
            {
                double dist = OperationSearch.PeriodicDistance(lattice.Direct, y - sites[j].Fractional);
                if (dist < bestD)
                {
                    bestD = dist;
                    best = j;
                }
            }
        }

        return best;
    }
}
