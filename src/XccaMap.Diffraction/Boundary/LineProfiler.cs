namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Samples the maps along a line from a point inside a domain towards its edge, finds the edge (where the line
/// leaves the start point's domain: scattering stops or another domain begins), and gives q and the compression
/// against the distance to the edge with a fit q(d) = q_bulk·(1 + C·e^(−d/L)) (design.md §4 step 9; Fig. 3b,c, S7b).
/// Coordinates are raster (row, column) indices, fractional allowed; distances are in the maps' distance unit.
/// </summary>
public static class LineProfiler
{
    /// <summary>Profiles the line from (<paramref name="fromRow"/>, <paramref name="fromCol"/>) to (<paramref name="toRow"/>, <paramref name="toCol"/>).</summary>
    /// <exception cref="ArgumentException">An end lies outside the raster, or the line has zero length.</exception>
    public static LineProfile Profile(
        ResultsMaps maps, DomainMap domains, EdgeDistances distances, BoundaryQMap map,
        double fromRow, double fromCol, double toRow, double toCol, LineOptions? options = null)
    {
        options ??= new LineOptions();
        CheckInside(maps, fromRow, fromCol, "start");
        CheckInside(maps, toRow, toCol, "end");
        var notes = new List<string>();
        if (domains.At(Clamp(fromRow, maps.Rows), Clamp(fromCol, maps.Cols)) < 0 && domains.At(Clamp(toRow, maps.Rows), Clamp(toCol, maps.Cols)) >= 0)
        {
            (fromRow, fromCol, toRow, toCol) = (toRow, toCol, fromRow, fromCol);
            notes.Add("the start point is in no domain but the end is: the line was reversed so it runs from the domain towards its edge");
        }

        var geometry = new LineSampler(maps, domains, distances, map).Sample(fromRow, fromCol, toRow, toCol, options);
        int domain = geometry.Count > 0 ? geometry[0].Domain : -1;
        if (domain < 0)
        {
            notes.Add("the line starts in no domain: no edge and no fit");
        }

        // The edge: the first sample that leaves the start domain.
        int kOut = domain < 0 ? -1 : geometry.FindIndex(s => s.Domain != domain);
        var edge = kOut <= 0 ? EdgeKind.NotFound : geometry[kOut].Domain < 0 ? EdgeKind.ScatteringStops : EdgeKind.ClassChange;
        double tEdge = double.NaN;
        bool refined = false;
        if (edge != EdgeKind.NotFound)
        {
            tEdge = 0.5 * (geometry[kOut - 1].Position + geometry[kOut].Position);
            if (edge == EdgeKind.ScatteringStops && options.RefineEdge && RefinedEdge(maps, geometry, kOut) is { } t)
            {
                tEdge = t;
                refined = true;
            }
        }
        else if (domain >= 0)
        {
            notes.Add("the line does not leave its domain: distances are the 2D distances to the domain edge");
        }

        double bulk = double.NaN;
        var samples = geometry.Select(s => s with
        {
            EdgeDistance = edge == EdgeKind.NotFound ? s.MapEdgeDistance : tEdge - s.Position,
        }).ToList();
        var inside = samples.Where(s => s.Domain == domain && domain >= 0 && s.EdgeDistance >= 0 && double.IsFinite(s.Q)
            && (options.UseMixed || (s.Flags & QualityFlags.Mixed) == 0)).ToList();
        var fit = DecayFitter.FitScaled(inside.Select(s => s.EdgeDistance).ToArray(), inside.Select(s => s.Q).ToArray(), inside.Select(s => s.QError).ToArray());
        if (CompressionStatistics.Plausible(fit))
        {
            bulk = fit.Bulk;
        }
        else if (inside.Count > 0)
        {
            bulk = QMapBuilder.Median(inside.OrderByDescending(s => s.EdgeDistance).Take(Math.Max(1, inside.Count / 3)).Select(s => s.Q));
            notes.Add($"the exponential fit failed ({inside.Count} usable samples): compression is relative to the median q of the farthest third");
        }

        samples = samples.Select(s => s with { Compression = double.IsFinite(bulk) && double.IsFinite(s.Q) ? (s.Q / bulk) - 1 : double.NaN }).ToList();
        double cos = CosAngle(samples, domain, edge);
        return new LineProfile(fromRow, fromCol, toRow, toCol, distances.Unit, map.Reflection, samples, domain, edge, tEdge, refined, fit, cos, notes);
    }

    /// <summary>
    /// Sub-step edge where scattering stops: where the SAXS band intensity crosses the level half-way between the
    /// domain's intensity just inside the edge (median of the 2nd–4th samples before the last one in) and the empty
    /// points' median (a footprint straddling a straight edge sees half the film there). The crossing is looked for
    /// between consecutive samples from two before the last one in to the first one out, nearest first. Null when the
    /// levels are not separated or no pair brackets the level.
    /// </summary>
    private static double? RefinedEdge(ResultsMaps maps, List<LineSample> samples, int kOut)
    {
        if (maps.SaxsIntensity is not { } si)
        {
            return null;
        }

        double outside = QMapBuilder.Median(Enumerable.Range(0, maps.Points).Where(i => maps.SaxsClass[i] == ResultsMaps.Empty).Select(i => (double)si[i]));
        var before = samples.Take(kOut - 1).Reverse().Take(3).Select(x => x.SaxsIntensity).ToList();
        double inside = before.Count > 0 ? QMapBuilder.Median(before) : samples[kOut - 1].SaxsIntensity;
        if (!(inside > outside))
        {
            return null;
        }

        double level = 0.5 * (inside + outside);
        foreach (int k in (int[])[kOut - 1, kOut - 2, kOut])
        {
            if (k < 0 || k + 1 >= samples.Count)
            {
                continue;
            }

            double ia = samples[k].SaxsIntensity, ib = samples[k + 1].SaxsIntensity;
            if (ia >= level && ib <= level && ia > ib)
            {
                return samples[k].Position + ((ia - level) / (ia - ib) * (samples[k + 1].Position - samples[k].Position));
            }
        }

        return null;
    }

    /// <summary>Least-squares slope of the 2D edge distance against the line distance over the samples inside the domain, within 3 steps of the edge.</summary>
    private static double CosAngle(List<LineSample> samples, int domain, EdgeKind edge)
    {
        if (edge == EdgeKind.NotFound)
        {
            return double.NaN;
        }

        var near = samples.Where(s => s.Domain == domain && s.EdgeDistance >= 0 && double.IsFinite(s.MapEdgeDistance)).OrderBy(s => s.EdgeDistance).Take(4).ToList();
        if (near.Count < 2)
        {
            return double.NaN;
        }

        double mx = near.Average(s => s.EdgeDistance), my = near.Average(s => s.MapEdgeDistance);
        double sxx = near.Sum(s => (s.EdgeDistance - mx) * (s.EdgeDistance - mx)), sxy = near.Sum(s => (s.EdgeDistance - mx) * (s.MapEdgeDistance - my));
        return sxx > 0 ? Math.Clamp(sxy / sxx, 0, 1) : double.NaN;
    }

    private static void CheckInside(ResultsMaps maps, double r, double c, string what)
    {
        if (!(r >= -0.5 && r <= maps.Rows - 0.5 && c >= -0.5 && c <= maps.Cols - 0.5))
        {
            throw new ArgumentException(FormattableString.Invariant($"the line's {what} ({r}, {c}) lies outside the {maps.Rows} x {maps.Cols} raster"));
        }
    }

    private static int Clamp(double v, int n) => Math.Clamp(Round(v), 0, n - 1);

    internal static int Round(double v) => (int)Math.Round(v, MidpointRounding.AwayFromZero);
}
