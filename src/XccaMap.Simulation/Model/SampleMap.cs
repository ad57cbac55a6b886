using XccaMap.Simulation.Scan;

namespace XccaMap.Simulation.Model;

/// <summary>
/// The sample over the raster: a seeded Voronoi tessellation of the scanned area into grains, each of a class or
/// empty; a distance transform of the class map (on a grid 4× finer than the raster) gives every point its
/// distance to the nearest domain edge, which drives the boundary compression and out-of-plane rotation and, with
/// the beam footprint, how much of the neighbouring domain the beam sees (mixed points).
/// </summary>
public sealed class SampleMap
{
    private readonly PointState[] _points;

    private SampleMap(RasterLayout raster, GrainSeed[] grains, PointState[] points)
    {
        Raster = raster;
        Grains = grains;
        _points = points;
    }

    /// <summary>The raster.</summary>
    public RasterLayout Raster { get; }

    /// <summary>The grains.</summary>
    public IReadOnlyList<GrainSeed> Grains { get; }

    /// <summary>All points, row-major by raster position.</summary>
    public ReadOnlySpan<PointState> Points => _points;

    /// <summary>The point at raster (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public PointState this[int row, int col] => _points[(row * Raster.Cols) + col];

    /// <summary>Draws the sample of <paramref name="scan"/> over <paramref name="raster"/>.</summary>
    public static SampleMap Create(ScanDefinition scan, RasterLayout raster)
    {
        var s = scan.Sample;
        var random = new Random(scan.Seed);
        double step = raster.StepUm;
        double x0 = -step, y0 = -step, w = raster.WidthUm + (2 * step), h = raster.HeightUm + (2 * step);
        var grains = DrawGrains(scan, random, x0, y0, w, h, raster);
        var thickness = new ThicknessField(s.ThicknessVariation, s.ThicknessCorrelationUm, random);

        // Class map on a fine grid and its distance transform to the domain edges.
        double cell = Math.Min(step / 4, s.GrainSizeUm / 20);
        cell = Math.Max(cell, Math.Max(w, h) / 2048);
        int gc = (int)Math.Ceiling(w / cell) + 1, gr = (int)Math.Ceiling(h / cell) + 1;
        var labels = new int[gr * gc];
        for (int i = 0; i < gr; i++)
        {
            for (int j = 0; j < gc; j++)
            {
                labels[(i * gc) + j] = grains[Nearest(grains, x0 + (j * cell), y0 + (i * cell))].ClassIndex;
            }
        }

        var edge = new bool[labels.Length];
        for (int i = 0; i < gr; i++)
        {
            for (int j = 0; j < gc; j++)
            {
                int p = (i * gc) + j, l = labels[p];
                edge[p] = (j > 0 && labels[p - 1] != l) || (j < gc - 1 && labels[p + 1] != l)
                    || (i > 0 && labels[p - gc] != l) || (i < gr - 1 && labels[p + gc] != l);
            }
        }

        var dist = DistanceTransform.Compute(edge, gr, gc);
        double Sample(double x, double y)
        {
            double fx = Math.Clamp((x - x0) / cell, 0, gc - 1.000001), fy = Math.Clamp((y - y0) / cell, 0, gr - 1.000001);
            int j = (int)fx, i = (int)fy;
            double tx = fx - j, ty = fy - i;
            double v(int ii, int jj) => Math.Min(dist[(ii * gc) + jj], 1e6);
            return cell * (((1 - ty) * (((1 - tx) * v(i, j)) + (tx * v(i, j + 1)))) + (ty * (((1 - tx) * v(i + 1, j)) + (tx * v(i + 1, j + 1)))));
        }

        double sigmaBeam = scan.Beam.FootprintFwhmUm / 2.3548200450309493;
        var points = new PointState[raster.Points];
        for (int r = 0; r < raster.Rows; r++)
        {
            for (int c = 0; c < raster.Cols; c++)
            {
                var (x, y) = raster.Position(r, c);
                points[(r * raster.Cols) + c] = MakePoint(scan, grains, r, c, x, y, Sample, cell, sigmaBeam, thickness.At(x, y));
            }
        }

        return new SampleMap(raster, grains, points);
    }

    private static PointState MakePoint(ScanDefinition scan, GrainSeed[] grains, int r, int c, double x, double y,
        Func<double, double, double> distance, double cell, double sigmaBeam, double thickness)
    {
        var s = scan.Sample;
        int gi = Nearest(grains, x, y);
        var g = grains[gi];
        double d = distance(x, y);
        double gx = distance(x + cell, y) - distance(x - cell, y), gy = distance(x, y + cell) - distance(x, y - cell);
        double axisPhi = (gx * gx) + (gy * gy) > 0 ? Math.Atan2(gx, -gy) * 180 / Math.PI : 0; // tangent ⟂ ∇d
        axisPhi = (axisPhi + 360) % 360;
        double rotation = s.BoundaryRotationDeg;
        var primaryC = new Contribution(g.ClassIndex, gi, 1, 1 + (s.BoundaryCompression * Math.Exp(-d / s.CompressionDecayUm)),
            g.RotationSign * rotation * Math.Exp(-d / s.RotationDecayUm), axisPhi);

        // The grain across the nearest domain edge: the Voronoi neighbour of another class with the closest bisector.
        int gj = -1;
        double best = double.PositiveInfinity;
        for (int k = 0; k < grains.Length; k++)
        {
            if (grains[k].ClassIndex == g.ClassIndex)
            {
                continue;
            }

            double dx = grains[k].X - g.X, dy = grains[k].Y - g.Y;
            double bisector = ((Sq(x - grains[k].X) + Sq(y - grains[k].Y)) - (Sq(x - g.X) + Sq(y - g.Y))) / (2 * Math.Sqrt((dx * dx) + (dy * dy)));
            if (bisector < best)
            {
                best = bisector;
                gj = k;
            }
        }

        Contribution? secondary = null;
        double f2 = gj < 0 ? 0 : 0.5 * Erf.Erfc(d / (Math.Sqrt(2) * sigmaBeam));
        if (f2 >= 1e-3)
        {
            var o = grains[gj];
            primaryC = primaryC with { Fraction = 1 - f2 };
            secondary = new Contribution(o.ClassIndex, gj, f2, 1 + s.BoundaryCompression, o.RotationSign * rotation, axisPhi);
        }

        var present = new HashSet<int>();
        foreach (var contribution in secondary is { } sc ? new[] { primaryC, sc } : [primaryC])
        {
            if (contribution.HasSample && contribution.Fraction >= s.MixedThreshold)
            {
                present.Add(contribution.ClassIndex);
            }
        }

        int label = present.Count switch
        {
            0 => PointState.Empty,
            1 => present.First(),
            _ => PointState.Mixed,
        };
        return new PointState(r, c, label, primaryC, secondary, thickness, d);
    }

    private static GrainSeed[] DrawGrains(ScanDefinition scan, Random random, double x0, double y0, double w, double h, RasterLayout raster)
    {
        var s = scan.Sample;
        int classes = scan.Classes.Count;
        int count = Math.Max(classes, (int)Math.Round(w * h / (s.GrainSizeUm * s.GrainSizeUm)));
        var xy = new (double X, double Y)[count];
        for (int i = 0; i < count; i++)
        {
            xy[i] = (x0 + (random.NextDouble() * w), y0 + (random.NextDouble() * h));
        }

        // Every class gets at least one grain whose seed lies in the scanned area (when there are enough such grains).
        var inside = Enumerable.Range(0, count)
            .Where(i => xy[i].X >= 0 && xy[i].X <= raster.WidthUm && xy[i].Y >= 0 && xy[i].Y <= raster.HeightUm)
            .OrderBy(_ => random.Next()).ToList();
        var classOf = new int[count];
        Array.Fill(classOf, int.MinValue);
        for (int c = 0; c < classes && c < inside.Count; c++)
        {
            classOf[inside[c]] = c;
        }

        double total = scan.Classes.Sum(c => c.Weight);
        for (int i = 0; i < count; i++)
        {
            if (classOf[i] != int.MinValue)
            {
                continue;
            }

            if (random.NextDouble() < s.EmptyFraction)
            {
                classOf[i] = -1;
                continue;
            }

            double u = random.NextDouble() * total;
            int pick = 0;
            while (pick < classes - 1 && (u -= scan.Classes[pick].Weight) > 0)
            {
                pick++;
            }

            classOf[i] = pick;
        }

        return Enumerable.Range(0, count).Select(i => new GrainSeed(xy[i].X, xy[i].Y, classOf[i], random.Next(2) == 0 ? -1 : 1)).ToArray();
    }

    private static int Nearest(GrainSeed[] grains, double x, double y)
    {
        int best = 0;
        double bd = double.PositiveInfinity;
        for (int k = 0; k < grains.Length; k++)
        {
            double d = Sq(x - grains[k].X) + Sq(y - grains[k].Y);
            if (d < bd)
            {
                bd = d;
                best = k;
            }
        }

        return best;
    }

    private static double Sq(double v) => v * v;
}
