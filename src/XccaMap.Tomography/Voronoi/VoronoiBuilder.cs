using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Voronoi;

/// <summary>
/// Exact 3D Voronoi neighbours by half-space clipping: each particle's cell starts as the bounding box
/// (plus a margin) and is cut by the bisector planes of candidate neighbours taken from a bucket grid
/// in rings of increasing distance. The search stops when the next ring is farther than twice the
/// cell's largest vertex distance — no point beyond that can cut the cell — so the result does not
/// depend on a distance cut-off. Cells are independent, so the work runs in parallel.
/// </summary>
public static class VoronoiBuilder
{
    /// <summary>Computes the tessellation of <paramref name="points"/> (nm).</summary>
    public static VoronoiTessellation Compute(IReadOnlyList<Vec3> points, VoronoiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        options ??= new VoronoiOptions();
        int n = points.Count;
        if (n == 0)
        {
            return new VoronoiTessellation([0], [], [], [], [], 0, 0);
        }

        Vec3 lo = new(double.MaxValue, double.MaxValue, double.MaxValue), hi = -lo;
        foreach (Vec3 p in points)
        {
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y) || !double.IsFinite(p.Z))
            {
                throw new ArgumentException($"Particle position {p} is not finite.", nameof(points));
            }

            lo = new Vec3(Math.Min(lo.X, p.X), Math.Min(lo.Y, p.Y), Math.Min(lo.Z, p.Z));
            hi = new Vec3(Math.Max(hi.X, p.X), Math.Max(hi.Y, p.Y), Math.Max(hi.Z, p.Z));
        }

        Vec3 ext = hi - lo;
        double maxExt = Math.Max(ext.X, Math.Max(ext.Y, ext.Z));
        double spacing = MeanSpacing(ext, n);
        double margin = options.BoxMargin ?? spacing;
        Vec3 boxLo = lo - new Vec3(margin, margin, margin), boxHi = hi + new Vec3(margin, margin, margin);
        double eps = 1e-10 * Math.Max(spacing, 1e-12 * Math.Max(maxExt, 1));
        var grid = new SpatialGrid(points, spacing);

        var rowsN = new int[n][];
        var rowsA = new double[n][];
        var surface = new double[n];
        var wall = new double[n];
        var volumes = new double[n];
        int duplicates = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, n, po, () => new Worker(), (i, _, w) =>
        {
            w.Build(i, points, grid, boxLo, boxHi, eps, out rowsN[i], out rowsA[i], out surface[i], out wall[i], out volumes[i]);
            return w;
        }, w => Interlocked.Add(ref duplicates, w.Duplicates));

        return Assemble(rowsN, rowsA, surface, wall, volumes, options.RelativeAreaTolerance, duplicates);
    }

    /// <summary>(V/N)^(1/3) of the bounding box, robust to flat or linear sets (nm).</summary>
    internal static double MeanSpacing(Vec3 ext, int n)
    {
        double maxExt = Math.Max(ext.X, Math.Max(ext.Y, ext.Z));
        if (!(maxExt > 0))
        {
            return 1;
        }

        // Treat extents far below the largest one as one spacing thick, so films and rods still get sensible buckets.
        double guess = maxExt / Math.Cbrt(n);
        double vx = Math.Max(ext.X, guess), vy = Math.Max(ext.Y, guess), vz = Math.Max(ext.Z, guess);
        return Math.Cbrt(vx * vy * vz / n);
    }

    private static VoronoiTessellation Assemble(int[][] rowsN, double[][] rowsA, double[] surface, double[] wall, double[] volumes, double relTol, int duplicates)
    {
        int n = rowsN.Length;
        var open = new bool[n];
        for (int i = 0; i < n; i++)
        {
            open[i] = wall[i] > relTol * Math.Max(surface[i], double.Epsilon);
        }

        // Symmetrise: a facet seen from either side counts once, with the mean of the two areas.
        var counts = new int[n];
        int dropped = 0;
        for (int i = 0; i < n; i++)
        {
            foreach (int j in Keep(i))
            {
                counts[i]++;
                counts[j]++;
            }
        }

        var offsets = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            offsets[i + 1] = offsets[i] + counts[i];
        }

        var nb = new int[offsets[n]];
        var ar = new double[offsets[n]];
        var fill = (int[])offsets.Clone();
        for (int i = 0; i < n; i++)
        {
            var row = rowsN[i];
            for (int k = 0; k < row.Length; k++)
            {
                int j = row[k];
                if (!Pair(i, j, k, out double area, out bool first))
                {
                    if (first)
                    {
                        dropped++;
                    }

                    continue;
                }

                if (first)
                {
                    nb[fill[i]] = j;
                    ar[fill[i]++] = area;
                    nb[fill[j]] = i;
                    ar[fill[j]++] = area;
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            Array.Sort(nb, ar, offsets[i], offsets[i + 1] - offsets[i]);
        }

        return new VoronoiTessellation(offsets, nb, ar, open, volumes, dropped, duplicates);

        IEnumerable<int> Keep(int i)
        {
            var row = rowsN[i];
            for (int k = 0; k < row.Length; k++)
            {
                if (Pair(i, row[k], k, out _, out bool first) && first)
                {
                    yield return row[k];
                }
            }
        }

        // The pair (i, j) is handled where it is first met: from i if i < j or if j does not list i.
        bool Pair(int i, int j, int k, out double area, out bool first)
        {
            int back = Array.BinarySearch(rowsN[j], i);
            first = i < j || back < 0;
            double aij = rowsA[i][k], aji = back >= 0 ? rowsA[j][back] : 0;
            area = back >= 0 ? 0.5 * (aij + aji) : 0.5 * aij;
            return area >= relTol * 0.5 * (surface[i] + surface[j]);
        }
    }

    /// <summary>Per-thread state: the clipping cell and the candidate buffers.</summary>
    private sealed class Worker
    {
        private readonly ConvexCell _cell = new();
        private double[] _ringD2 = new double[256];
        private int[] _ringIdx = new int[256];
        private int[] _faceIdx = new int[64];
        private double[] _faceArea = new double[64];

        public int Duplicates { get; private set; }

        public void Build(int i, IReadOnlyList<Vec3> points, SpatialGrid grid, Vec3 boxLo, Vec3 boxHi, double eps,
            out int[] neighbors, out double[] areas, out double surface, out double wallArea, out double volume)
        {
            Vec3 p = points[i];
            _cell.Reset(boxLo - p, boxHi - p, eps);
            var (cx, cy, cz) = grid.Cell(p);
            int maxRing = Math.Max(grid.NX, Math.Max(grid.NY, grid.NZ));
            double h = grid.CellSize, dup2 = eps * eps * 1e4;
            for (int r = 0; r <= maxRing; r++)
            {
                int count = 0;
                for (int z = cz - r; z <= cz + r; z++)
                {
                    for (int y = cy - r; y <= cy + r; y++)
                    {
                        bool faceZY = Math.Abs(z - cz) == r || Math.Abs(y - cy) == r;
                        for (int x = cx - r; x <= cx + r; x += faceZY ? 1 : Math.Max(1, 2 * r))
                        {
                            foreach (int j in grid.Bucket(x, y, z))
                            {
                                if (j != i)
                                {
                                    if (count == _ringD2.Length)
                                    {
                                        Array.Resize(ref _ringD2, count * 2);
                                        Array.Resize(ref _ringIdx, count * 2);
                                    }

                                    _ringD2[count] = (points[j] - p).NormSquared;
                                    _ringIdx[count++] = j;
                                }
                            }
                        }
                    }
                }

                Array.Sort(_ringD2, _ringIdx, 0, count);
                for (int k = 0; k < count; k++)
                {
                    double d2 = _ringD2[k];
                    int j = _ringIdx[k];
                    if (d2 > 4 * _cell.MaxRadiusSquared)
                    {
                        break; // sorted: no farther candidate of this ring can cut
                    }

                    if (d2 <= dup2)
                    {
                        Duplicates += j > i ? 1 : 0;
                        continue;
                    }

                    _cell.Clip(points[j] - p, j);
                }

                // Every point of ring r + 1 is at least r·h away; it can only cut if r·h < 2·R_max.
                double reach = r * h;
                if (reach * reach > 4 * _cell.MaxRadiusSquared)
                {
                    break;
                }
            }

            int nf = 0;
            surface = 0;
            wallArea = 0;
            for (int f = 0; f < _cell.FaceCount; f++)
            {
                double a = _cell.FaceArea(f);
                int j = _cell.Neighbor(f);
                if (j == ConvexCell.Wall)
                {
                    wallArea += a;
                }
                else
                {
                    surface += a;
                    if (nf == _faceIdx.Length)
                    {
                        Array.Resize(ref _faceIdx, nf * 2);
                        Array.Resize(ref _faceArea, nf * 2);
                    }

                    _faceIdx[nf] = j;
                    _faceArea[nf++] = a;
                }
            }

            Array.Sort(_faceIdx, _faceArea, 0, nf);
            neighbors = _faceIdx.AsSpan(0, nf).ToArray();
            areas = _faceArea.AsSpan(0, nf).ToArray();

            volume = _cell.Volume();
        }
    }
}
