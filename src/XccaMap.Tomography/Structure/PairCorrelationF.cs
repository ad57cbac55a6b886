using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tomography.Structure;

/// <summary>
/// F(x) = Σ_c Σ_n G_σ(‖x − (x_n − x_c)‖) of eq. 4 (Friedrich et al. 2009 SI): every particle of a cluster
/// taken in turn as origin, a Gaussian on every other particle. Evaluated on a cubic grid over |x| ≤ R
/// (the pair vectors are binned with trilinear weights, then blurred with a separable Gaussian — the
/// same sum, computed in O(pairs + voxels)), and its local maxima located to sub-voxel precision.
/// </summary>
public static class PairCorrelationF
{
    /// <summary>A local maximum of F: position (nm) and value (pairs).</summary>
    public readonly record struct Maximum(Vec3 Position, double Value);

    /// <summary>Local maxima of F within <paramref name="range"/> (nm), the origin's peak excluded, strongest first.</summary>
    /// <param name="positions">Cluster particle centres (nm).</param>
    /// <param name="sigma">Gaussian σ (nm); the paper takes the mean particle radius.</param>
    /// <param name="range">Largest |x| evaluated (nm).</param>
    /// <param name="minimumDistance">Maxima closer than this to the origin are ignored (nm).</param>
    /// <param name="maxOrigins">At most this many particles serve as origins c (an even subsample; F keeps its shape).</param>
    public static List<Maximum> Maxima(IReadOnlyList<Vec3> positions, double sigma, double range, double minimumDistance, int maxOrigins = 1500)
    {
        ArgumentNullException.ThrowIfNull(positions);
        double h = Math.Max(sigma / 2, range / 40);
        int half = (int)Math.Ceiling(range / h), n = (2 * half) + 1;
        var grid = new double[n * n * n];
        var spatial = new SpatialGrid(positions, Math.Max(range / 3, h));
        int stride = Math.Max(1, positions.Count / maxOrigins);
        double reach = range + (3 * sigma);
        for (int c = 0; c < positions.Count; c += stride)
        {
            Vec3 xc = positions[c];
            spatial.ForEachWithin(xc, reach, (j, _) => Splat(grid, n, half, h, positions[j] - xc));
        }

        Blur(grid, n, sigma / h);
        var maxima = new List<Maximum>();
        double floor = 1e-3 * grid.Max();
        for (int z = 1; z < n - 1; z++)
        {
            for (int y = 1; y < n - 1; y++)
            {
                for (int x = 1; x < n - 1; x++)
                {
                    double v = grid[Index(n, x, y, z)];
                    if (v <= floor || !IsLocalMax(grid, n, x, y, z, v))
                    {
                        continue;
                    }

                    // Parabolic interpolation along each axis.
                    double dx = Vertex(grid[Index(n, x - 1, y, z)], v, grid[Index(n, x + 1, y, z)]);
                    double dy = Vertex(grid[Index(n, x, y - 1, z)], v, grid[Index(n, x, y + 1, z)]);
                    double dz = Vertex(grid[Index(n, x, y, z - 1)], v, grid[Index(n, x, y, z + 1)]);
                    var p = new Vec3((x - half + dx) * h, (y - half + dy) * h, (z - half + dz) * h);
                    if (p.Norm >= minimumDistance && p.Norm <= range)
                    {
                        maxima.Add(new Maximum(p, v));
                    }
                }
            }
        }

        maxima.Sort((a, b) => b.Value.CompareTo(a.Value));
        return maxima;
    }

    private static int Index(int n, int x, int y, int z) => (((z * n) + y) * n) + x;

    private static void Splat(double[] grid, int n, int half, double h, Vec3 d)
    {
        double fx = (d.X / h) + half, fy = (d.Y / h) + half, fz = (d.Z / h) + half;
        int x0 = (int)Math.Floor(fx), y0 = (int)Math.Floor(fy), z0 = (int)Math.Floor(fz);
        if (x0 < 0 || y0 < 0 || z0 < 0 || x0 + 1 >= n || y0 + 1 >= n || z0 + 1 >= n)
        {
            return;
        }

        double ux = fx - x0, uy = fy - y0, uz = fz - z0;
        for (int k = 0; k < 8; k++)
        {
            int ix = k & 1, iy = (k >> 1) & 1, iz = (k >> 2) & 1;
            double w = (ix == 1 ? ux : 1 - ux) * (iy == 1 ? uy : 1 - uy) * (iz == 1 ? uz : 1 - uz);
            grid[Index(n, x0 + ix, y0 + iy, z0 + iz)] += w;
        }
    }

    private static void Blur(double[] grid, int n, double sigmaVoxels)
    {
        int r = Math.Max(1, (int)Math.Ceiling(3 * sigmaVoxels));
        var kernel = new double[(2 * r) + 1];
        for (int k = -r; k <= r; k++)
        {
            kernel[k + r] = Math.Exp(-0.5 * k * k / (sigmaVoxels * sigmaVoxels));
        }

        var line = new double[n];
        for (int axis = 0; axis < 3; axis++)
        {
            for (int a = 0; a < n; a++)
            {
                for (int b = 0; b < n; b++)
                {
                    for (int i = 0; i < n; i++)
                    {
                        line[i] = grid[At(axis, i, a, b)];
                    }

                    for (int i = 0; i < n; i++)
                    {
                        double s = 0;
                        for (int k = -r; k <= r; k++)
                        {
                            int j = i + k;
                            if ((uint)j < (uint)n)
                            {
                                s += kernel[k + r] * line[j];
                            }
                        }

                        grid[At(axis, i, a, b)] = s;
                    }
                }
            }
        }

        int At(int axis, int i, int a, int b) => axis switch
        {
            0 => Index(n, i, a, b),
            1 => Index(n, a, i, b),
            _ => Index(n, a, b, i),
        };
    }

    private static bool IsLocalMax(double[] grid, int n, int x, int y, int z, double v)
    {
        for (int dz = -1; dz <= 1; dz++)
        {
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    if ((dx | dy | dz) != 0 && grid[Index(n, x + dx, y + dy, z + dz)] > v)
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private static double Vertex(double a, double b, double c)
    {
        double den = a - (2 * b) + c;
        return den < 0 ? Math.Clamp(0.5 * (a - c) / den, -0.5, 0.5) : 0;
    }
}
