using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tomography.Structure;

/// <summary>
/// First-guess base vectors of a crystalline cluster (Friedrich et al. 2009 SI, "Determination of the
/// crystallite lattice parameters"). The maxima of F(x) (eq. 4) have the translational symmetry of the
/// cluster; for one particle per cell the paper takes the three maxima nearest x = 0. With several
/// particles per cell F also peaks at vectors between sites, so each maximum is scored by the fraction of
/// particles it maps onto particles (<see cref="TranslationScore"/>): lattice translations map all of them.
/// The base vectors are the shortest three non-coplanar accepted maxima (successive minima, a basis in 3D);
/// for a single-site cluster this is exactly the paper's rule.
/// </summary>
public static class LatticeFinder
{
    /// <summary>Accepted maxima score at least this fraction of the best one.</summary>
    public const double RelativeScore = 0.6;

    /// <summary>Finds the first-guess lattice, or null if F has no three non-coplanar lattice translations.</summary>
    /// <param name="positions">Cluster particle centres (nm), ≥ 4.</param>
    /// <param name="meanRadius">Mean particle radius (nm): σ of eq. 4, capped at a quarter of the neighbour distance so neighbouring maxima stay apart.</param>
    public static LatticeGuess? Find(IReadOnlyList<Vec3> positions, double meanRadius)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (positions.Count < 4)
        {
            return null;
        }

        double nn = MedianNearestNeighbor(positions);
        double sigma = Math.Min(meanRadius, nn / 4);
        var score = new TranslationScore(positions, positions, 1.5 * nn);
        double range = 3.2 * nn;
        for (int attempt = 0; attempt < 2; attempt++, range *= 1.6)
        {
            var maxima = PairCorrelationF.Maxima(positions, sigma, range, 0.5 * nn);
            var scored = new List<(Vec3 Vector, double Score)>();
            foreach (var m in maxima.Take(400))
            {
                var (s, offset, eligible) = score.Evaluate(positions, m.Position, 0.3 * nn);
                if (eligible >= 10)
                {
                    scored.Add((m.Position + offset, s));
                }
            }

            if (scored.Count == 0)
            {
                continue;
            }

            double best = scored.Max(s => s.Score);
            var accepted = scored.Where(s => s.Score >= RelativeScore * best && s.Score >= 0.25).OrderBy(s => s.Vector.Norm).ToList();
            var basis = SuccessiveMinima(accepted.Select(s => s.Vector).ToList());
            if (basis is { } b)
            {
                var alternatives = new List<(Vec3, Vec3, Vec3)> { b };
                foreach (double strict in new[] { 0.7, 0.8, 0.9 })
                {
                    if (SuccessiveMinima(accepted.Where(s => s.Score >= strict * best).Select(s => s.Vector).ToList()) is { } alt
                        && !alternatives.Any(x => SameLattice(x, alt)))
                    {
                        alternatives.Add(alt);
                    }
                }

                return new LatticeGuess(b.A, b.B, b.C, sigma, nn, accepted, alternatives);
            }
        }

        return null;
    }

    /// <summary>Shortest vector, shortest one not parallel to it, shortest one out of their plane (angles &gt; ~11°); right-handed.</summary>
    public static (Vec3 A, Vec3 B, Vec3 C)? SuccessiveMinima(IReadOnlyList<Vec3> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var sorted = vectors.OrderBy(v => v.Norm).ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        Vec3 a = sorted[0];
        int ib = sorted.FindIndex(v => Vec3.Cross(a, v).Norm > 0.2 * a.Norm * v.Norm);
        if (ib < 0)
        {
            return null;
        }

        Vec3 b = sorted[ib];
        Vec3 n = Vec3.Cross(a, b);
        int ic = sorted.FindIndex(v => Math.Abs(Vec3.Dot(n, v)) > 0.2 * n.Norm * v.Norm);
        if (ic < 0)
        {
            return null;
        }

        Vec3 c = sorted[ic];
        return Vec3.Dot(n, c) > 0 ? (a, b, c) : (a, b, -c);
    }

    /// <summary>True if two bases span the same lattice (each vector an integer combination of the other basis, within 5 %).</summary>
    private static bool SameLattice((Vec3 A, Vec3 B, Vec3 C) x, (Vec3 A, Vec3 B, Vec3 C) y)
    {
        Mat3 mx = Mat3.FromColumns(x.A, x.B, x.C), my = Mat3.FromColumns(y.A, y.B, y.C);
        if (Math.Abs(Math.Abs(mx.Determinant) - Math.Abs(my.Determinant)) > 0.05 * Math.Abs(mx.Determinant))
        {
            return false;
        }

        Mat3 t = mx.Inverse() * my;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                if (Math.Abs(t[i, j] - Math.Round(t[i, j])) > 0.05)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Median distance from each particle to its nearest other particle (nm).</summary>
    public static double MedianNearestNeighbor(IReadOnlyList<Vec3> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        Vec3 lo = positions.Aggregate((p, q) => new Vec3(Math.Min(p.X, q.X), Math.Min(p.Y, q.Y), Math.Min(p.Z, q.Z)));
        Vec3 hi = positions.Aggregate((p, q) => new Vec3(Math.Max(p.X, q.X), Math.Max(p.Y, q.Y), Math.Max(p.Z, q.Z)));
        double spacing = VoronoiBuilder.MeanSpacing(hi - lo, positions.Count);
        var grid = new SpatialGrid(positions, spacing);
        int stride = Math.Max(1, positions.Count / 5000);
        var d = new List<double>();
        for (int i = 0; i < positions.Count; i += stride)
        {
            for (double r = spacing; r < 64 * spacing; r *= 2)
            {
                int j = grid.Nearest(positions[i], r, i);
                if (j >= 0)
                {
                    d.Add((positions[j] - positions[i]).Norm);
                    break;
                }
            }
        }

        d.Sort();
        return d.Count == 0 ? spacing : d[d.Count / 2];
    }
}
