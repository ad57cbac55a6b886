using MathNet.Numerics.LinearAlgebra;
using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Structure;

/// <summary>
/// Indexes a crystallite on a first-guess lattice and solves eq. 5 in the least-squares sense. The sites
/// (particles of the species per cell) are found by clustering fractional coordinates near a reference
/// particle, where the first guess is accurate; the fit then grows outwards (indices by rounding against
/// the current fit, radius doubled each round), so small errors of the guess cannot mis-index far particles.
/// </summary>
public static class LatticeFitter
{
    /// <summary>Fits the lattice; null if fewer than four particles index.</summary>
    /// <param name="positions">Particle centres (nm).</param>
    /// <param name="a">First-guess base vector (nm).</param>
    /// <param name="b">First-guess base vector (nm).</param>
    /// <param name="c">First-guess base vector (nm).</param>
    /// <param name="nodeTolerance">Largest distance of a particle from its node (nm).</param>
    /// <param name="origin">Reference position for the first cells (nm); null: the particle nearest the centroid.</param>
    public static LatticeFit? Fit(IReadOnlyList<Vec3> positions, Vec3 a, Vec3 b, Vec3 c, double nodeTolerance, Vec3? origin = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        int n = positions.Count;
        if (n < 4)
        {
            return null;
        }

        Vec3 centroid = positions.Aggregate(Vec3.Zero, (s, p) => s + p) / n;
        var basis = Mat3.FromColumns(a, b, c);
        Vec3 x0 = positions.MinBy(p => (p - centroid).NormSquared);
        if (origin is { } o)
        {
            // Keep the given node but move it by lattice vectors next to the particles: indexing starts there.
            Vec3 f = basis.Inverse() * (centroid - o);
            x0 = o + (basis * new Vec3(Math.Round(f.X), Math.Round(f.Y), Math.Round(f.Z)));
        }

        double cellSize = Math.Max(a.Norm, Math.Max(b.Norm, c.Norm));
        var sites = DiscoverSites(positions, basis, x0, 2.5 * cellSize, nodeTolerance);
        if (sites.Count == 0)
        {
            return null;
        }

        var origins = sites.Select(s => x0 + (basis * s)).ToArray();
        double maxR = positions.Max(p => (p - x0).Norm);
        int[] site = new int[n];
        var index = new (int, int, int)[n];
        var residual = new Vec3[n];
        Grow(ref basis, ref origins);

        // A rough first guess can split a site in two far from x0; sites found again on the fitted lattice are
        // right, and a second fit from them settles the indices.
        var again = DiscoverSites(positions, basis, origins[0], 3.5 * cellSize, nodeTolerance);
        if (again.Count > 0)
        {
            var o0 = origins[0];
            var basis2 = basis;
            origins = again.Select(s => o0 + (basis2 * s)).ToArray();
            Grow(ref basis, ref origins);
        }

        var final = new LatticeFit(basis.Column(0), basis.Column(1), basis.Column(2), origins, site, index, residual, nodeTolerance);
        for (int i = 0; i < n; i++)
        {
            var (k, idx, r) = final.Locate(positions[i]);
            site[i] = r.Norm <= nodeTolerance ? k : -1;
            index[i] = idx;
            residual[i] = r;
        }

        return new LatticeFit(basis.Column(0), basis.Column(1), basis.Column(2), origins, site, index, residual, nodeTolerance);

        // Index by rounding against the current fit and solve eq. 5, on a sphere around x0 that doubles each round.
        void Grow(ref Mat3 b, ref Vec3[] o)
        {
            double radius = 2 * cellSize;
            for (int round = 0; round < 40; round++)
            {
                bool all = radius >= maxR;
                var model = new LatticeFit(b.Column(0), b.Column(1), b.Column(2), o, site, index, residual, nodeTolerance);
                var use = new List<int>();
                for (int i = 0; i < n; i++)
                {
                    var (k, idx, r) = model.Locate(positions[i]);
                    bool inRange = (positions[i] - x0).Norm <= radius;
                    site[i] = r.Norm <= nodeTolerance && inRange ? k : -1;
                    index[i] = idx;
                    residual[i] = r;
                    if (site[i] >= 0)
                    {
                        use.Add(i);
                    }
                }

                // A round too small to fix every axis keeps the previous fit and just grows.
                Solve(positions, site, index, use, ref b, ref o);
                if (all && round > 0 && radius >= 2 * maxR)
                {
                    break;
                }

                radius *= all ? 2 : 1.8;
            }
        }
    }

    /// <summary>
    /// Sites in the cell from particles within <paramref name="radius"/> of <paramref name="x0"/>: greedy clustering
    /// of fractional coordinates on the torus (Cartesian distance ≤ tolerance), centres refined by periodic means;
    /// sites holding under a quarter of the most populated one are dropped (stray or false particles).
    /// </summary>
    internal static List<Vec3> DiscoverSites(IReadOnlyList<Vec3> positions, Mat3 basis, Vec3 x0, double radius, double tolerance)
    {
        Mat3 inv = basis.Inverse();
        var fracs = positions.Where(p => (p - x0).Norm <= radius).Select(p => Wrap(inv * (p - x0))).ToList();
        var centres = new List<Vec3>();
        var counts = new List<int>();
        for (int pass = 0; pass < 3; pass++)
        {
            var sums = centres.Select(_ => Vec3.Zero).ToList();
            counts = centres.Select(_ => 0).ToList();
            foreach (var f in fracs)
            {
                int k = NearestSite(centres, f, basis, tolerance);
                if (k < 0 && pass == 0)
                {
                    centres.Add(f);
                    sums.Add(Vec3.Zero);
                    counts.Add(0);
                    k = centres.Count - 1;
                }

                if (k >= 0)
                {
                    sums[k] += centres[k] + Centered(f - centres[k]);
                    counts[k]++;
                }
            }

            for (int k = 0; k < centres.Count; k++)
            {
                centres[k] = counts[k] > 0 ? Wrap(sums[k] / counts[k]) : centres[k];
            }

            // One site split in two (a slightly wrong first guess drifts far particles): merge centres closer than
            // the tolerance into the more populated one.
            int max = counts.Count == 0 ? 0 : counts.Max();
            var keep = new List<int>();
            foreach (int k in Enumerable.Range(0, centres.Count).OrderByDescending(k => counts[k]))
            {
                if (counts[k] >= Math.Max(2, 0.25 * max) && !keep.Any(j => (basis * Centered(centres[j] - centres[k])).Norm <= tolerance))
                {
                    keep.Add(k);
                }
            }

            centres = keep.Select(k => centres[k]).ToList();
            counts = keep.Select(k => counts[k]).ToList();
        }

        // Site 0 is the most populated; the cell origin is put on it.
        var order = Enumerable.Range(0, centres.Count).OrderByDescending(k => counts[k]).ToList();
        if (order.Count == 0)
        {
            return [];
        }

        Vec3 s0 = centres[order[0]];
        return order.Select(k => k == order[0] ? s0 : s0 + Centered(centres[k] - s0)).Select(s => s).ToList();
    }

    private static int NearestSite(List<Vec3> centres, Vec3 f, Mat3 basis, double tolerance)
    {
        int best = -1;
        double bestD = tolerance;
        for (int k = 0; k < centres.Count; k++)
        {
            double d = (basis * Centered(f - centres[k])).Norm;
            if (d <= bestD)
            {
                bestD = d;
                best = k;
            }
        }

        return best;
    }

    /// <summary>Eq. 5 per Cartesian component: unknowns are the site origins and the three base vectors. False (and no change) if singular.</summary>
    private static bool Solve(IReadOnlyList<Vec3> positions, int[] site, (int K, int L, int M)[] index, List<int> use, ref Mat3 basis, ref Vec3[] origins)
    {
        int k = origins.Length;
        if (use.Count < k + 3)
        {
            return false;
        }

        var present = new bool[k];
        foreach (int i in use)
        {
            present[site[i]] = true;
        }

        int m = k + 3;
        var normal = Matrix<double>.Build.Dense(m, m);
        var rhs = Matrix<double>.Build.Dense(m, 3);
        var row = new double[m];
        foreach (int i in use)
        {
            Array.Clear(row);
            row[site[i]] = 1;
            row[k] = index[i].K;
            row[k + 1] = index[i].L;
            row[k + 2] = index[i].M;
            Vec3 p = positions[i];
            for (int r = 0; r < m; r++)
            {
                if (row[r] == 0)
                {
                    continue;
                }

                for (int s = 0; s < m; s++)
                {
                    normal[r, s] += row[r] * row[s];
                }

                rhs[r, 0] += row[r] * p.X;
                rhs[r, 1] += row[r] * p.Y;
                rhs[r, 2] += row[r] * p.Z;
            }
        }

        // Sites without particles in this round keep their origin: a unit row pins them.
        for (int s = 0; s < k; s++)
        {
            if (!present[s])
            {
                normal[s, s] = 1;
                rhs[s, 0] = origins[s].X;
                rhs[s, 1] = origins[s].Y;
                rhs[s, 2] = origins[s].Z;
            }
        }

        Matrix<double> x;
        try
        {
            x = normal.Solve(rhs);
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (!x.Enumerate().All(double.IsFinite))
        {
            return false;
        }

        var newOrigins = new Vec3[k];
        for (int s = 0; s < k; s++)
        {
            newOrigins[s] = new Vec3(x[s, 0], x[s, 1], x[s, 2]);
        }

        var newBasis = Mat3.FromColumns(new Vec3(x[k, 0], x[k, 1], x[k, 2]), new Vec3(x[k + 1, 0], x[k + 1, 1], x[k + 1, 2]), new Vec3(x[k + 2, 0], x[k + 2, 1], x[k + 2, 2]));
        if (Math.Abs(newBasis.Determinant) < 1e-6 * Math.Abs(basis.Determinant))
        {
            return false; // too few cells along some axis in this round
        }

        basis = newBasis;
        origins = newOrigins;
        return true;
    }

    internal static Vec3 Wrap(Vec3 f) => new(f.X - Math.Floor(f.X), f.Y - Math.Floor(f.Y), f.Z - Math.Floor(f.Z));

    internal static Vec3 Centered(Vec3 f) => new(f.X - Math.Round(f.X), f.Y - Math.Round(f.Y), f.Z - Math.Round(f.Z));
}
