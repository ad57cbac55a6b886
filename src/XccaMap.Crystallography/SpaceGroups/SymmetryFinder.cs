using System.Globalization;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// Space group of a periodic structure with a distance tolerance, in the manner of FINDSYM (Stokes &amp;
/// Hatch 2005): the cell is Niggli-reduced; the point operations of the lattice within the tolerance are
/// combined with translations between same-species sites; operations that map every site onto a site of
/// its species within the tolerance are kept; the resulting group is identified by matching it against the
/// ITA settings generated from Hall symbols; finally the group is forced on the structure (symmetrised
/// positions, each site's shift, Wyckoff positions).
/// </summary>
public static class SymmetryFinder
{
    /// <summary>Finds the space group of <paramref name="sites"/> in <paramref name="lattice"/>.</summary>
    /// <param name="lattice">Cell of the structure (any basis; length units as the tolerance, e.g. nm).</param>
    /// <param name="sites">Sites in fractional coordinates of <paramref name="lattice"/>.</param>
    /// <param name="tolerance">Largest distance a site may be off its symmetry image (length units, e.g. 1.7 nm).</param>
    public static SymmetryAnalysis Analyze(Lattice lattice, IReadOnlyList<SymmetrySite> sites, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        ArgumentNullException.ThrowIfNull(sites);
        if (!(tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The symmetry tolerance must be positive.");
        }

        if (sites.Count == 0)
        {
            throw new ArgumentException("A structure needs at least one site.", nameof(sites));
        }

        var notes = new List<string>();
        var (reduced, toReduced, reducedSites, fromInput) = Prepare(lattice, sites, tolerance, notes);
        double tol = tolerance;
        for (int attempt = 0; attempt < 10; attempt++, tol *= 0.85)
        {
            var rotations = OperationSearch.LatticeOperations(reduced, tol);
            var ops = OperationSearch.FindOperations(reduced, reducedSites, rotations, tol);
            if (!OperationSearch.IsGroup(reduced, ops, tol))
            {
                continue;
            }

            var pg = PointGroupClassifier.Classify(ops.Select(o => o.Rotation));
            if (pg is null || ops.Select(o => o.Rotation).Distinct().Count() != ops.Count)
            {
                continue;
            }

            foreach (var p in ConventionalSetting.Candidates(pg.Value.System, ops.Select(o => o.Rotation).ToList(), reduced))
            {
                if (SpaceGroupMatcher.TryMatch(ops, reduced, p, pg.Value.System, tol) is not { } first)
                {
                    continue;
                }

                var match = PreferInputSetting(first, ops, reduced, toReduced, pg.Value.System, tol);
                if (attempt > 0)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"no consistent group at {tolerance:G4}; tolerance lowered to {tol:G4}"));
                }

                if (WyckoffTable.For(match.Group.Number) is null)
                {
                    notes.Add($"no Wyckoff table for group {match.Group.Number} here; letters omitted");
                }

                return Build(lattice, sites, reduced, toReduced, reducedSites, fromInput, match, pg.Value.Symbol, ops.Count, tol, notes);
            }
        }

        notes.Add("no space group identified within the tolerance");
        return new SymmetryAnalysis
        {
            Tolerance = tolerance,
            Group = null,
            PointGroup = "?",
            OperationCount = 0,
            ToConventional = Mat3.Identity,
            OriginShift = Vec3.Zero,
            ConventionalCell = lattice.Parameters,
            Sites = sites.Select((s, i) => new SymmetrizedSite(i, s.Species, s.Fractional, s.Fractional, s.Fractional, 0, null, 1, null)).ToList(),
            Notes = notes,
        };
    }

    /// <summary>
    /// Among the equivalent conventional bases (the first one turned by the lattice's own rotations) that
    /// describe the same group, takes the one closest to the input basis, so an input already in a standard
    /// setting keeps its axes, origin and Wyckoff letters (otherwise e.g. 1c and 1e of P-6m2 may swap).
    /// </summary>
    private static SpaceGroupMatcher.Match PreferInputSetting(
        SpaceGroupMatcher.Match match, List<SymmetryOperation> ops, Lattice reduced, Mat3 toReduced, CrystalSystem system, double tol)
    {
        var conventional = Lattice.FromDirectMatrix(reduced.Direct * match.P.ToMat3());
        var alternatives = OperationSearch.LatticeOperations(conventional, tol)
            .Where(h => h.Determinant == 1)
            .Select(h => match.P * h)
            .Append(match.P)
            .Distinct()
            .OrderBy(p => Distance(toReduced * p.ToMat3()))
            .ToList();
        foreach (var p in alternatives)
        {
            if (p == match.P)
            {
                return match;
            }

            if (SpaceGroupMatcher.TryMatch(ops, reduced, p, system, tol) is { } m && m.Group.Number == match.Group.Number)
            {
                return m;
            }
        }

        return match;

        static double Distance(Mat3 m)
        {
            Mat3 d = m - Mat3.Identity;
            double sum = 0;
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    sum += Math.Abs(d[i, j]);
                }
            }

            return sum;
        }
    }

    /// <summary>
    /// Reduces to a primitive Niggli cell. If some pure translation maps the structure onto itself the input
    /// cell is not primitive: sites are merged onto the smaller cell (<paramref name="notes"/> says so).
    /// Returns the reduced lattice, T (reduced = input·T, as a real matrix), the sites there and, per input
    /// site, the index of its reduced site.
    /// </summary>
    private static (Lattice Reduced, Mat3 T, List<SymmetrySite> Sites, int[] FromInput) Prepare(
        Lattice lattice, IReadOnlyList<SymmetrySite> sites, double tol, List<string> notes)
    {
        var cell = lattice.NiggliReduce();
        Mat3 t = cell.Transformation, ti = t.Inverse();
        var reducedSites = sites.Select(s => s with { Fractional = SymmetryOperation.Wrap(ti * s.Fractional) }).ToList();
        var pure = OperationSearch.FindOperations(cell.Lattice, reducedSites, [IntMat3.Identity], tol)
            .Where(o => OperationSearch.PeriodicDistance(cell.Lattice.Direct, o.Translation) > tol).ToList();
        var fromInput = Enumerable.Range(0, sites.Count).ToArray();
        if (pure.Count == 0)
        {
            return (cell.Lattice, t, reducedSites, fromInput);
        }

        // Successive minima of the lattice spanned by the cell and the extra translations form a basis (3D).
        var vectors = new List<Vec3>();
        foreach (var tr in pure.Select(o => o.Translation).Append(Vec3.Zero))
        {
            for (int i = -1; i <= 1; i++)
            {
                for (int j = -1; j <= 1; j++)
                {
                    for (int k = -1; k <= 1; k++)
                    {
                        Vec3 v = cell.Lattice.ToCartesian(tr + new Vec3(i, j, k));
                        if (v.Norm > tol)
                        {
                            vectors.Add(v);
                        }
                    }
                }
            }
        }

        vectors.Sort((x, y) => x.Norm.CompareTo(y.Norm));
        Vec3 a = vectors[0];
        Vec3 b = vectors.First(v => Vec3.Cross(a, v).Norm > 1e-6 * a.Norm * v.Norm);
        Vec3 c = vectors.First(v => Math.Abs(Vec3.Dot(Vec3.Cross(a, b), v)) > 1e-6 * Vec3.Cross(a, b).Norm * v.Norm);
        if (Vec3.Dot(Vec3.Cross(a, b), c) < 0)
        {
            c = -c;
        }

        var primitive = Lattice.FromBasis(a, b, c).NiggliReduce().Lattice;
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"the input cell holds {Math.Round(lattice.Volume / primitive.Volume)} lattice points; analysed in its primitive cell"));
        // Sites that coincide in the primitive cell are merged into their mean position.
        var merged = new List<SymmetrySite>();
        var sums = new List<(Vec3 Sum, int Count)>();
        for (int i = 0; i < sites.Count; i++)
        {
            Vec3 f = SymmetryOperation.Wrap(primitive.ToFractional(lattice.ToCartesian(sites[i].Fractional)));
            int found = merged.FindIndex(m => m.Species == sites[i].Species && OperationSearch.PeriodicDistance(primitive.Direct, m.Fractional - f) <= tol);
            if (found < 0)
            {
                merged.Add(new SymmetrySite(sites[i].Species, f));
                sums.Add((f, 1));
                found = merged.Count - 1;
            }
            else
            {
                sums[found] = (sums[found].Sum + merged[found].Fractional + SymmetryOperation.WrapCentered(f - merged[found].Fractional), sums[found].Count + 1);
            }

            fromInput[i] = found;
        }

        for (int k = 0; k < merged.Count; k++)
        {
            merged[k] = merged[k] with { Fractional = SymmetryOperation.Wrap(sums[k].Sum / sums[k].Count) };
        }

        Mat3 tp = lattice.Direct.Inverse() * primitive.Direct; // primitive = input·T (not integer)
        return (primitive, tp, merged, fromInput);
    }

    private static SymmetryAnalysis Build(
        Lattice input, IReadOnlyList<SymmetrySite> sites, Lattice reduced, Mat3 t, List<SymmetrySite> reducedSites, int[] fromInput,
        SpaceGroupMatcher.Match match, string pointGroup, int opCount, double tol, List<string> notes)
    {
        var sym = StructureSymmetrizer.Apply(reduced, reducedSites, match);
        var result = new List<SymmetrizedSite>();
        for (int i = 0; i < sites.Count; i++)
        {
            var s = sym.Sites[fromInput[i]];
            // Back to the input cell: Cartesian of the symmetrised reduced site, taken at the lattice image nearest the input site.
            Vec3 xIn = input.ToCartesian(sites[i].Fractional);
            Vec3 fRed = reduced.ToFractional(xIn);
            Vec3 near = s.Symmetrized + new Vec3(Math.Round(fRed.X - s.Symmetrized.X), Math.Round(fRed.Y - s.Symmetrized.Y), Math.Round(fRed.Z - s.Symmetrized.Z));
            Vec3 fSym = input.ToFractional(reduced.ToCartesian(near));
            double shift = (reduced.ToCartesian(near) - xIn).Norm;
            result.Add(new SymmetrizedSite(i, sites[i].Species, sites[i].Fractional, SymmetryOperation.Wrap(fSym), s.Conventional, shift, s.Wyckoff, s.Multiplicity, s.Parameters));
        }

        return new SymmetryAnalysis
        {
            Tolerance = tol,
            Group = match.Group,
            PointGroup = pointGroup,
            OperationCount = opCount,
            ToConventional = t * match.P.ToMat3(),
            OriginShift = match.Origin,
            ConventionalCell = sym.ConventionalCell,
            Sites = result,
            Notes = notes,
        };
    }
}
