using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Voronoi;

/// <summary>
/// A uniform bucket grid over a point set (positions in nm) for neighbour candidates: points are
/// sorted by cell (counting sort) so each cell's members are a contiguous slice. Built once,
/// read concurrently.
/// </summary>
public sealed class SpatialGrid
{
    private readonly int[] _cellStart;
    private readonly int[] _order;
    private readonly IReadOnlyList<Vec3> _points;

    /// <summary>Builds the grid with cubic buckets of edge <paramref name="cellSize"/> (nm).</summary>
    /// <param name="points">Positions (nm).</param>
    /// <param name="cellSize">Bucket edge (nm), &gt; 0; about the mean particle spacing works well.</param>
    public SpatialGrid(IReadOnlyList<Vec3> points, double cellSize)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (!(cellSize > 0) || !double.IsFinite(cellSize))
        {
            throw new ArgumentOutOfRangeException(nameof(cellSize), cellSize, "Grid cell size must be positive and finite.");
        }

        _points = points;
        Vec3 lo = new(double.MaxValue, double.MaxValue, double.MaxValue), hi = -lo;
        for (int i = 0; i < points.Count; i++)
        {
            Vec3 p = points[i];
            lo = new Vec3(Math.Min(lo.X, p.X), Math.Min(lo.Y, p.Y), Math.Min(lo.Z, p.Z));
            hi = new Vec3(Math.Max(hi.X, p.X), Math.Max(hi.Y, p.Y), Math.Max(hi.Z, p.Z));
        }

        if (points.Count == 0)
        {
            lo = hi = Vec3.Zero;
        }

        // Cap the bucket count so a sparse, elongated set cannot allocate an enormous grid.
        double volume = Math.Max((hi.X - lo.X) * (hi.Y - lo.Y) * (hi.Z - lo.Z), 0);
        double minSize = Math.Cbrt(volume / Math.Max(8.0 * points.Count, 1.0));
        CellSize = Math.Max(cellSize, minSize);
        Origin = lo;
        NX = Math.Max(1, (int)Math.Floor((hi.X - lo.X) / CellSize) + 1);
        NY = Math.Max(1, (int)Math.Floor((hi.Y - lo.Y) / CellSize) + 1);
        NZ = Math.Max(1, (int)Math.Floor((hi.Z - lo.Z) / CellSize) + 1);
        int cells = checked(NX * NY * NZ);
        _cellStart = new int[cells + 1];
        var cellOf = new int[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            cellOf[i] = CellIndex(points[i]);
            _cellStart[cellOf[i] + 1]++;
        }

        for (int c = 0; c < cells; c++)
        {
            _cellStart[c + 1] += _cellStart[c];
        }

        _order = new int[points.Count];
        var fill = (int[])_cellStart.Clone();
        for (int i = 0; i < points.Count; i++)
        {
            _order[fill[cellOf[i]]++] = i;
        }
    }

    /// <summary>Bucket edge (nm).</summary>
    public double CellSize { get; }

    /// <summary>Lower corner of the grid (nm).</summary>
    public Vec3 Origin { get; }

    /// <summary>Buckets along x.</summary>
    public int NX { get; }

    /// <summary>Buckets along y.</summary>
    public int NY { get; }

    /// <summary>Buckets along z.</summary>
    public int NZ { get; }

    /// <summary>The indexed points.</summary>
    public IReadOnlyList<Vec3> Points => _points;

    /// <summary>Bucket coordinates of a position, clamped to the grid.</summary>
    public (int X, int Y, int Z) Cell(Vec3 p) => (
        Math.Clamp((int)Math.Floor((p.X - Origin.X) / CellSize), 0, NX - 1),
        Math.Clamp((int)Math.Floor((p.Y - Origin.Y) / CellSize), 0, NY - 1),
        Math.Clamp((int)Math.Floor((p.Z - Origin.Z) / CellSize), 0, NZ - 1));

    /// <summary>Indices of the points in bucket (x, y, z); empty outside the grid.</summary>
    public ReadOnlySpan<int> Bucket(int x, int y, int z)
    {
        if ((uint)x >= (uint)NX || (uint)y >= (uint)NY || (uint)z >= (uint)NZ)
        {
            return [];
        }

        int c = (((z * NY) + y) * NX) + x;
        return _order.AsSpan(_cellStart[c], _cellStart[c + 1] - _cellStart[c]);
    }

    /// <summary>
    /// Calls <paramref name="visit"/> for every point within <paramref name="radius"/> (nm) of
    /// <paramref name="center"/> (inclusive), with its index and squared distance (nm²).
    /// </summary>
    public void ForEachWithin(Vec3 center, double radius, Action<int, double> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        double r2 = radius * radius;
        var (x0, y0, z0) = Cell(center - new Vec3(radius, radius, radius));
        var (x1, y1, z1) = Cell(center + new Vec3(radius, radius, radius));
        for (int z = z0; z <= z1; z++)
        {
            for (int y = y0; y <= y1; y++)
            {
                for (int x = x0; x <= x1; x++)
                {
                    foreach (int i in Bucket(x, y, z))
                    {
                        double d2 = (_points[i] - center).NormSquared;
                        if (d2 <= r2)
                        {
                            visit(i, d2);
                        }
                    }
                }
            }
        }
    }

    /// <summary>Index of the nearest point to <paramref name="center"/> other than <paramref name="exclude"/>, within <paramref name="maxRadius"/> (nm); −1 if none.</summary>
    public int Nearest(Vec3 center, double maxRadius, int exclude = -1)
    {
        int best = -1;
        double bestD2 = maxRadius * maxRadius;
        var (x0, y0, z0) = Cell(center - new Vec3(maxRadius, maxRadius, maxRadius));
        var (x1, y1, z1) = Cell(center + new Vec3(maxRadius, maxRadius, maxRadius));
        for (int z = z0; z <= z1; z++)
        {
            for (int y = y0; y <= y1; y++)
            {
                for (int x = x0; x <= x1; x++)
                {
                    foreach (int i in Bucket(x, y, z))
                    {
                        double d2 = (_points[i] - center).NormSquared;
                        if (i != exclude && d2 <= bestD2)
                        {
                            bestD2 = d2;
                            best = i;
                        }
                    }
                }
            }
        }

        return best;
    }

    private int CellIndex(Vec3 p)
    {
        var (x, y, z) = Cell(p);
        return (((z * NY) + y) * NX) + x;
    }
}
