using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tomography.Statistics;

/// <summary>
/// Soft-shell thickness between nanocrystal cores (SI of Friedrich et al. 2009): for a particle i the gaps
/// tᵢⱼ = |xᵢ − xⱼ| − rᵢ − rⱼ to all other particles (any species); t_min is the smallest, t_3NN the mean of the
/// three smallest. Negative values (cores "overlapping") occur because faceted cores are treated as spheres.
/// </summary>
public static class ShellThickness
{
    /// <summary>(t_min, t_3NN) in nm for each of <paramref name="which"/>; NaN where fewer than three other particles are near.</summary>
    public static (double TMin, double T3NN)[] Compute(IReadOnlyList<Vec3> positions, IReadOnlyList<double> radii, IReadOnlyList<int> which, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(radii);
        ArgumentNullException.ThrowIfNull(which);
        var result = new (double, double)[which.Count];
        if (positions.Count < 4)
        {
            Array.Fill(result, (double.NaN, double.NaN));
            return result;
        }

        double rMax = radii.Max();
        Vec3 lo = positions.Aggregate((p, q) => new Vec3(Math.Min(p.X, q.X), Math.Min(p.Y, q.Y), Math.Min(p.Z, q.Z)));
        Vec3 hi = positions.Aggregate((p, q) => new Vec3(Math.Max(p.X, q.X), Math.Max(p.Y, q.Y), Math.Max(p.Z, q.Z)));
        double spacing = VoronoiBuilder.MeanSpacing(hi - lo, positions.Count);
        var grid = new SpatialGrid(positions, spacing);
        var po = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, which.Count, po, w =>
        {
            int i = which[w];
            Span<double> best = stackalloc double[3];
            for (double reach = radii[i] + rMax + spacing; ; reach *= 1.5)
            {
                best.Fill(double.MaxValue);
                int found = 0;
                var (x0, y0, z0) = grid.Cell(positions[i] - new Vec3(reach, reach, reach));
                var (x1, y1, z1) = grid.Cell(positions[i] + new Vec3(reach, reach, reach));
                for (int z = z0; z <= z1; z++)
                {
                    for (int y = y0; y <= y1; y++)
                    {
                        for (int x = x0; x <= x1; x++)
                        {
                            foreach (int j in grid.Bucket(x, y, z))
                            {
                                if (j == i)
                                {
                                    continue;
                                }

                                double gap = (positions[j] - positions[i]).Norm - radii[i] - radii[j];
                                found++;
                                Insert(best, gap);
                            }
                        }
                    }
                }

                // Gaps beyond reach − rᵢ − r_max could still be smaller than the third best: widen until safe.
                if (found >= 3 && best[2] <= reach - radii[i] - rMax)
                {
                    result[w] = (best[0], (best[0] + best[1] + best[2]) / 3);
                    break;
                }

                if (reach > 100 * (spacing + rMax))
                {
                    result[w] = (double.NaN, double.NaN);
                    break;
                }
            }
        });
        return result;
    }

    private static void Insert(Span<double> best, double gap)
    {
        if (gap >= best[2])
        {
            return;
        }

        best[2] = gap;
        if (best[2] < best[1])
        {
            (best[1], best[2]) = (best[2], best[1]);
        }

        if (best[1] < best[0])
        {
            (best[0], best[1]) = (best[1], best[0]);
        }
    }
}
