using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Tomography.Structure;

/// <summary>
/// Positions of one species in the unit cell by k-means on fractional coordinates (Friedrich et al. 2009 SI,
/// "Statistical analysis of the unit cell"). The number of clusters is not assumed: the seeds are the peaks of
/// the periodic particle density in the cell (smoothed at the positional resolution), then k-means runs with a
/// cut-off so false positives between sites do not drag the means, and clusters holding fewer particles than
/// a given fraction of the cell count are dropped.
/// </summary>
public static class UnitCellAverager
{
    /// <summary>Averaged sites of one species.</summary>
    /// <param name="positions">Particles of the species in the crystallite (nm).</param>
    /// <param name="cell">The unit cell (nm).</param>
    /// <param name="origin">Cartesian position of the cell origin (nm).</param>
    /// <param name="resolution">Positional resolution σ (nm): smoothing of the density; the k-means cut-off is 4σ.</param>
    /// <param name="minimumCount">Sites with fewer particles are dropped.</param>
    /// <param name="cells">Number of cells, for the occupancy.</param>
    /// <param name="species">Species name for the result.</param>
    public static List<AveragedSite> Average(IReadOnlyList<Vec3> positions, Lattice cell, Vec3 origin, double resolution, double minimumCount, double cells, string species)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(cell);
        var f = positions.Select(p => Wrap(cell.ToFractional(p - origin))).ToList();
        if (f.Count == 0)
        {
            return [];
        }

        var centres = DensityPeaks(f, cell, resolution);
        double cut = 4 * resolution;
        int[] assign = new int[f.Count];
        for (int round = 0; round < 3; round++)
        {
            for (int iter = 0; iter < 25; iter++)
            {
                bool changed = AssignAll(f, centres, cell, cut, assign);
                UpdateCentres(f, centres, assign);
                if (!changed && iter > 0)
                {
                    break;
                }
            }

            var counts = Count(assign, centres.Count);
            var keep = Enumerable.Range(0, centres.Count).Where(k => counts[k] >= minimumCount).ToList();
            // Merge centres closer than 2σ (one site split by noise).
            var merged = new List<Vec3>();
            foreach (int k in keep.OrderByDescending(k => counts[k]))
            {
                if (!merged.Any(m => (cell.Direct * Centered(m - centres[k])).Norm < 2 * resolution))
                {
                    merged.Add(centres[k]);
                }
            }

            if (merged.Count == centres.Count)
            {
                break;
            }

            centres = merged;
            AssignAll(f, centres, cell, cut, assign);
        }

        var sites = new List<AveragedSite>();
        var finalCounts = Count(assign, centres.Count);
        for (int k = 0; k < centres.Count; k++)
        {
            if (finalCounts[k] < minimumCount)
            {
                continue;
            }

            Vec3 sum2 = Vec3.Zero;
            for (int i = 0; i < f.Count; i++)
            {
                if (assign[i] == k)
                {
                    Vec3 d = Centered(f[i] - centres[k]);
                    sum2 += new Vec3(d.X * d.X, d.Y * d.Y, d.Z * d.Z);
                }
            }

            Vec3 var = sum2 / Math.Max(1, finalCounts[k] - 1);
            sites.Add(new AveragedSite(species, Wrap(centres[k]), new Vec3(Math.Sqrt(var.X), Math.Sqrt(var.Y), Math.Sqrt(var.Z)), finalCounts[k], finalCounts[k] / Math.Max(cells, 1)));
        }

        return sites.OrderBy(s => s.Mean.Z).ThenBy(s => s.Mean.Y).ThenBy(s => s.Mean.X).ToList();
    }

    /// <summary>Local maxima of the periodic density of fractional positions smoothed with σ (nm), strongest first.</summary>
    private static List<Vec3> DensityPeaks(List<Vec3> f, Lattice cell, double sigma)
    {
        int na = Bins(cell.A.Norm, sigma), nb = Bins(cell.B.Norm, sigma), nc = Bins(cell.C.Norm, sigma);
        var grid = new double[na * nb * nc];
        foreach (var p in f)
        {
            grid[Idx((int)(p.X * na) % na, (int)(p.Y * nb) % nb, (int)(p.Z * nc) % nc)] += 1;
        }

        BlurAxis(grid, na, nb, nc, 0, sigma / (cell.A.Norm / na));
        BlurAxis(grid, na, nb, nc, 1, sigma / (cell.B.Norm / nb));
        BlurAxis(grid, na, nb, nc, 2, sigma / (cell.C.Norm / nc));
        double max = grid.Max();
        var peaks = new List<(Vec3, double)>();
        for (int z = 0; z < nc; z++)
        {
            for (int y = 0; y < nb; y++)
            {
                for (int x = 0; x < na; x++)
                {
                    double v = grid[Idx(x, y, z)];
                    if (v < 0.15 * max)
                    {
                        continue;
                    }

                    bool isMax = true;
                    for (int d = 1; d < 27 && isMax; d++)
                    {
                        int dx = (d % 3) - 1, dy = (d / 3 % 3) - 1, dz = (d / 9) - 1;
                        if ((dx | dy | dz) != 0 && grid[Idx(Mod(x + dx, na), Mod(y + dy, nb), Mod(z + dz, nc))] > v)
                        {
                            isMax = false;
                        }
                    }

                    if (isMax)
                    {
                        peaks.Add((new Vec3((x + 0.5) / na, (y + 0.5) / nb, (z + 0.5) / nc), v));
                    }
                }
            }
        }

        return peaks.OrderByDescending(p => p.Item2).Take(256).Select(p => p.Item1).ToList();

        int Idx(int x, int y, int z) => (((z * nb) + y) * na) + x;
    }

    private static void BlurAxis(double[] grid, int na, int nb, int nc, int axis, double sigmaVox)
    {
        int n = axis == 0 ? na : axis == 1 ? nb : nc;
        int r = Math.Min(n / 2, Math.Max(1, (int)Math.Ceiling(3 * sigmaVox)));
        var kernel = Enumerable.Range(-r, (2 * r) + 1).Select(k => Math.Exp(-0.5 * k * k / (sigmaVox * sigmaVox))).ToArray();
        var line = new double[n];
        int m1 = axis == 0 ? nb : na, m2 = axis == 2 ? nb : nc;
        for (int a = 0; a < m1; a++)
        {
            for (int b = 0; b < m2; b++)
            {
                for (int i = 0; i < n; i++)
                {
                    line[i] = grid[At(i, a, b)];
                }

                for (int i = 0; i < n; i++)
                {
                    double s = 0;
                    for (int k = -r; k <= r; k++)
                    {
                        s += kernel[k + r] * line[Mod(i + k, n)];
                    }

                    grid[At(i, a, b)] = s;
                }
            }
        }

        int At(int i, int a, int b) => axis switch
        {
            0 => (((b * nb) + a) * na) + i,
            1 => (((b * nb) + i) * na) + a,
            _ => (((i * nb) + b) * na) + a,
        };
    }

    private static bool AssignAll(List<Vec3> f, List<Vec3> centres, Lattice cell, double cut, int[] assign)
    {
        bool changed = false;
        for (int i = 0; i < f.Count; i++)
        {
            int best = -1;
            double bestD = cut;
            for (int k = 0; k < centres.Count; k++)
            {
                double d = (cell.Direct * Centered(f[i] - centres[k])).Norm;
                if (d <= bestD)
                {
                    bestD = d;
                    best = k;
                }
            }

            changed |= assign[i] != best;
            assign[i] = best;
        }

        return changed;
    }

    private static void UpdateCentres(List<Vec3> f, List<Vec3> centres, int[] assign)
    {
        var sum = new Vec3[centres.Count];
        var n = new int[centres.Count];
        for (int i = 0; i < f.Count; i++)
        {
            int k = assign[i];
            if (k >= 0)
            {
                sum[k] += Centered(f[i] - centres[k]);
                n[k]++;
            }
        }

        for (int k = 0; k < centres.Count; k++)
        {
            if (n[k] > 0)
            {
                centres[k] = Wrap(centres[k] + (sum[k] / n[k]));
            }
        }
    }

    private static int[] Count(int[] assign, int k)
    {
        var c = new int[k];
        foreach (int a in assign)
        {
            if (a >= 0)
            {
                c[a]++;
            }
        }

        return c;
    }

    private static int Bins(double length, double sigma) => Math.Clamp((int)Math.Ceiling(length / sigma), 8, 96);

    private static int Mod(int i, int n) => ((i % n) + n) % n;

    private static Vec3 Wrap(Vec3 v) => new(v.X - Math.Floor(v.X), v.Y - Math.Floor(v.Y), v.Z - Math.Floor(v.Z));

    private static Vec3 Centered(Vec3 v) => new(v.X - Math.Round(v.X), v.Y - Math.Round(v.Y), v.Z - Math.Round(v.Z));
}
