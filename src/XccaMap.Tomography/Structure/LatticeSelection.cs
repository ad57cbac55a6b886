using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Tomography.Structure;

/// <summary>
/// Chooses the cluster's lattice. Candidates are the first-guess bases (<see cref="LatticeGuess.Alternatives"/>)
/// and supercells of the best of them (<see cref="SublatticeSelection"/>); each is fitted (eq. 5) to the
/// particles near the cluster centre and scored by particles on nodes per node in a sphere around the centre.
/// A pseudo-translation mapping only some sites makes a cell too small, whose extra nodes stay empty; a cell
/// that is a multiple of the true one scores the same as the true one. Among the candidates indexing nearly as
/// many particles as the best, the smallest cell within 15 % of the best occupancy wins.
/// </summary>
public static class LatticeSelection
{
    /// <summary>A candidate's occupancy must reach this fraction of the best.</summary>
    public const double Quality = 0.85;

    /// <summary>Candidates may index at most this fraction fewer particles than the best one.</summary>
    public const double CoverageMargin = 0.03;

    /// <summary>Every site of a candidate cell must hold at least this many particles of the sample.</summary>
    public const int MinimumSitePopulation = 8;

    /// <summary>The chosen basis (Niggli-reduced) and its fit on all <paramref name="positions"/>; null if nothing fits.</summary>
    /// <param name="positions">Cluster particle centres (nm).</param>
    /// <param name="guess">First-guess bases.</param>
    /// <param name="nodeTolerance">Node tolerance of the fits (nm).</param>
    /// <param name="maxParticles">Candidates are scored on at most this many particles nearest the centroid.</param>
    public static LatticeFit? Choose(IReadOnlyList<Vec3> positions, LatticeGuess guess, double nodeTolerance, int maxParticles = 1500)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(guess);
        Vec3 centroid = positions.Aggregate(Vec3.Zero, (s, p) => s + p) / positions.Count;
        var sample = positions.OrderBy(p => (p - centroid).NormSquared).Take(maxParticles).ToArray();
        // Occupancy is measured in a sphere holding the inner half of the sample, so the cluster's boundary
        // (partly filled cells, whatever their size) does not enter.
        double radius = (sample[sample.Length / 2] - centroid).Norm;
        var scored = new List<(Lattice L, double Quality, double Coverage, LatticeFit Fit)>();
        foreach (var (a, b, c) in guess.Alternatives)
        {
            var l = Lattice.FromBasis(a, b, c).NiggliReduce().Lattice;
            if (Score(sample, l, nodeTolerance, centroid, radius, null) is { } s)
            {
                scored.Add((l, s.Quality, (double)s.Fit.Fitted / sample.Length, s.Fit));
            }
        }

        if (scored.Count == 0)
        {
            return null;
        }

        var bestFirst = scored.MaxBy(s => s.Quality);
        foreach (var h in SublatticeSelection.Shortlist(bestFirst.Fit))
        {
            var l = Lattice.FromDirectMatrix(bestFirst.L.Direct * h).NiggliReduce().Lattice;
            if (Score(sample, l, nodeTolerance, centroid, radius, bestFirst.Fit.SiteOrigins[0]) is { } s)
            {
                scored.Add((l, s.Quality, (double)s.Fit.Fitted / sample.Length, s.Fit));
            }
        }

        // If the sites of the best candidate are translates of each other (a flat or sparse cluster can hide a
        // short lattice vector from F), the finer lattice they span is a candidate too.
        var top = scored.MaxBy(s => s.Quality);
        foreach (var finer in FinerLattices(top.Fit, nodeTolerance))
        {
            if (Score(sample, finer, nodeTolerance, centroid, radius, top.Fit.SiteOrigins[0]) is { } s)
            {
                scored.Add((finer, s.Quality, (double)s.Fit.Fitted / sample.Length, s.Fit));
            }
        }

        // Candidates must index (nearly) as many particles as the best one — a large cell on a small sample can
        // drop sparsely populated sites, which would flatter its occupancy — then reach 85 % of the best occupancy.
        double bestCoverage = scored.Max(s => s.Coverage);
        var covering = scored.Where(s => s.Coverage >= bestCoverage - CoverageMargin).ToList();
        double best = covering.Max(s => s.Quality);
        var chosen = covering.Where(s => s.Quality >= Quality * best).MinBy(s => s.L.Volume).L;
        return LatticeFitter.Fit(positions, chosen.A, chosen.B, chosen.C, nodeTolerance);
    }

    /// <summary>Lattices spanned by the fit's lattice and a translation o_j − o_0 that maps every site onto a site.</summary>
    private static IEnumerable<Lattice> FinerLattices(LatticeFit fit, double tol)
    {
        var l = fit.Lattice;
        for (int j = 1; j < fit.SiteCount; j++)
        {
            Vec3 t = fit.SiteOrigins[j] - fit.SiteOrigins[0];
            bool invariant = fit.SiteOrigins.All(ok => fit.SiteOrigins.Any(om => PeriodicDistance(l, ok + t - om) <= tol));
            if (!invariant)
            {
                continue;
            }

            var vectors = new List<Vec3> { l.A, l.B, l.C, t, -t };
            foreach (var v in new[] { l.A, l.B, l.C })
            {
                vectors.Add(t + v);
                vectors.Add(t - v);
            }

            if (LatticeFinder.SuccessiveMinima(vectors) is { } b && Math.Abs(Vec3.Dot(Vec3.Cross(b.A, b.B), b.C)) < 0.9 * l.Volume)
            {
                yield return Lattice.FromBasis(b.A, b.B, b.C).NiggliReduce().Lattice;
            }
        }
    }

    private static double PeriodicDistance(Lattice l, Vec3 d)
    {
        Vec3 f = l.ToFractional(d);
        return l.ToCartesian(new Vec3(f.X - Math.Round(f.X), f.Y - Math.Round(f.Y), f.Z - Math.Round(f.Z))).Norm;
    }

    /// <summary>Particles on nodes per node within <paramref name="radius"/> of <paramref name="centre"/>, with the fit.</summary>
    private static (double Quality, LatticeFit Fit)? Score(Vec3[] sample, Lattice l, double tol, Vec3 centre, double radius, Vec3? origin)
    {
        var fit = LatticeFitter.Fit(sample, l.A, l.B, l.C, tol, origin);
        if (fit is null || fit.Fitted < 10)
        {
            return null;
        }

        // A large cell on a small cluster "discovers" sites only where particles happen to be, which fakes a
        // perfect occupancy: every site needs enough particles to be a site at all.
        var perSite = new int[fit.SiteCount];
        foreach (int k in fit.Site)
        {
            if (k >= 0)
            {
                perSite[k]++;
            }
        }

        if (perSite.Min() < MinimumSitePopulation)
        {
            return null;
        }

        int onNodes = 0;
        for (int i = 0; i < sample.Length; i++)
        {
            if (fit.Site[i] >= 0 && (sample[i] - centre).Norm <= radius)
            {
                onNodes++;
            }
        }

        int nodes = NodesWithin(fit, centre, radius);
        return nodes == 0 ? null : ((double)onNodes / nodes, fit);
    }

    /// <summary>Number of nodes (all sites) of <paramref name="fit"/> within <paramref name="radius"/> of <paramref name="centre"/>.</summary>
    private static int NodesWithin(LatticeFit fit, Vec3 centre, double radius)
    {
        var l = fit.Lattice;
        // Fractional half-extent of the sphere along each axis: R·|aᵢ*|/2π.
        int ra = (int)Math.Ceiling(radius * l.AStar.Norm / (2 * Math.PI)) + 1;
        int rb = (int)Math.Ceiling(radius * l.BStar.Norm / (2 * Math.PI)) + 1;
        int rc = (int)Math.Ceiling(radius * l.CStar.Norm / (2 * Math.PI)) + 1;
        int count = 0;
        for (int k = 0; k < fit.SiteCount; k++)
        {
            Vec3 f = l.ToFractional(centre - fit.SiteOrigins[k]);
            int fa = (int)Math.Round(f.X), fb = (int)Math.Round(f.Y), fc = (int)Math.Round(f.Z);
            for (int i = fa - ra; i <= fa + ra; i++)
            {
                for (int j = fb - rb; j <= fb + rb; j++)
                {
                    for (int m = fc - rc; m <= fc + rc; m++)
                    {
                        if ((fit.Node(k, (i, j, m)) - centre).NormSquared <= radius * radius)
                        {
                            count++;
                        }
                    }
                }
            }
        }

        return count;
    }
}
