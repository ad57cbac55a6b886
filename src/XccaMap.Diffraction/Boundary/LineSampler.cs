namespace XccaMap.Diffraction.Boundary;

/// <summary>Places the samples of a line on the raster and reads the maps there (<see cref="LineSampling"/>).</summary>
/// <param name="maps">The results maps.</param>
/// <param name="domains">The domains.</param>
/// <param name="distances">2D edge distances.</param>
/// <param name="map">The q map.</param>
internal sealed class LineSampler(ResultsMaps maps, DomainMap domains, EdgeDistances distances, BoundaryQMap map)
{
    /// <summary>Samples without edge distances (positions, points, values).</summary>
    public List<LineSample> Sample(double r0, double c0, double r1, double c1, LineOptions options)
    {
        double unit = maps.DistanceUnit;
        double dr = r1 - r0, dc = c1 - c0, length = Math.Sqrt((dr * dr) + (dc * dc));
        if (!(length > 0))
        {
            throw new ArgumentException("the line has zero length (start = end)");
        }

        double ur = dr / length, uc = dc / length;
        var result = new List<LineSample>();
        if (options.Sampling == LineSampling.Nearest)
        {
            var seen = new HashSet<int>();
            for (double t = 0; t <= length + 1e-9; t += 0.25)
            {
                int r = Math.Clamp(LineProfiler.Round(r0 + (t * ur)), 0, maps.Rows - 1), c = Math.Clamp(LineProfiler.Round(c0 + (t * uc)), 0, maps.Cols - 1);
                if (!seen.Add((r * maps.Cols) + c))
                {
                    continue;
                }

                double along = ((r - r0) * ur) + ((c - c0) * uc);
                double offset = Math.Abs(((r - r0) * uc) - ((c - c0) * ur));
                result.Add(At(r, c, along * unit, r, c, offset * unit, NearestValue(r, c)));
            }

            return [.. result.OrderBy(s => s.Position)];
        }

        double spacing = options.SpacingSteps > 0 ? options.SpacingSteps : 1;
        int count = (int)Math.Floor((length / spacing) + 1e-9) + 1;
        for (int k = 0; k < count; k++)
        {
            double t = k * spacing, r = r0 + (t * ur), c = c0 + (t * uc);
            int nr = Math.Clamp(LineProfiler.Round(r), 0, maps.Rows - 1), nc = Math.Clamp(LineProfiler.Round(c), 0, maps.Cols - 1);
            double offset = Math.Sqrt(((nr - r) * (nr - r)) + ((nc - c) * (nc - c)));
            result.Add(At(r, c, t * unit, nr, nc, offset * unit, Bilinear(r, c, nr, nc)));
        }

        return result;
    }

    private LineSample At(double r, double c, double position, int nr, int nc, double offset, (double Q, double E, QualityFlags F) v)
    {
        int p = (nr * maps.Cols) + nc;
        double saxs = maps.SaxsIntensity is { } si ? si[p] : double.NaN;
        return new LineSample(position, r, c, nr, nc, offset, domains.DomainOf[p], maps.SaxsClass[p], v.Q, v.E, v.F, double.NaN, distances.Distance[p], double.NaN, saxs);
    }

    private (double, double, QualityFlags) NearestValue(int r, int c)
    {
        int p = (r * maps.Cols) + c;
        var f = map.Flags[p];
        return map.Usable(p, useMixed: true) ? (map.Q[p], map.Error[p], f) : (double.NaN, double.NaN, f);
    }

    private (double, double, QualityFlags) Bilinear(double r, double c, int nr, int nc)
    {
        int p = (nr * maps.Cols) + nc;
        int r0 = Math.Clamp((int)Math.Floor(r), 0, maps.Rows - 1), c0 = Math.Clamp((int)Math.Floor(c), 0, maps.Cols - 1);
        int r1 = Math.Min(r0 + 1, maps.Rows - 1), c1 = Math.Min(c0 + 1, maps.Cols - 1);
        double tr = Math.Clamp(r - r0, 0, 1), tc = Math.Clamp(c - c0, 0, 1);
        int dom = domains.DomainOf[p];
        double q = 0, e2 = 0;
        bool ok = dom >= 0;
        foreach (var (rr, cc, w) in new[] { (r0, c0, (1 - tr) * (1 - tc)), (r0, c1, (1 - tr) * tc), (r1, c0, tr * (1 - tc)), (r1, c1, tr * tc) })
        {
            int i = (rr * maps.Cols) + cc;
            if (w == 0)
            {
                continue;
            }

            if (!map.Usable(i, useMixed: true) || domains.DomainOf[i] != dom)
            {
                ok = false;
                break;
            }

            q += w * map.Q[i];
            e2 += w * w * map.Error[i] * map.Error[i];
        }

        return ok ? (q, Math.Sqrt(e2), map.Flags[p]) : NearestValue(nr, nc);
    }
}
