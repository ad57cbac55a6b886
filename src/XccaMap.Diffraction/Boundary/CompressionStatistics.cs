namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Whole-scan compression statistics (issue 8; design.md §4 step 9 without choosing lines): every usable point of
/// every domain with its distance to the domain's edge (<see cref="EdgeDistances"/>); per domain a fit of
/// q(d) = q_bulk·(1 + C·e^(−d/L)); pooled, each point's compression q/q_bulk(domain) − 1 binned by distance and
/// fitted with c(d) = C·e^(−d/L).
/// </summary>
public static class CompressionStatistics
{
    /// <summary>Computes the statistics.</summary>
    /// <param name="map">The q map (values, errors, flags).</param>
    /// <param name="domains">The domains.</param>
    /// <param name="distances">Edge distances.</param>
    /// <param name="step">Raster step in distance units (default bin width).</param>
    /// <param name="options">Options; defaults when null.</param>
    public static CompressionStatisticsResult Compute(BoundaryQMap map, DomainMap domains, EdgeDistances distances, double step, CompressionStatisticsOptions? options = null)
    {
        options ??= new CompressionStatisticsOptions();
        int cols = domains.Cols;
        var byDomain = new List<int>[domains.Domains.Count];
        for (int k = 0; k < byDomain.Length; k++)
        {
            byDomain[k] = [];
        }

        int censored = 0;
        for (int i = 0; i < map.Q.Length; i++)
        {
            int dom = domains.DomainOf[i];
            if (dom < 0 || !map.Usable(i, options.UseMixed) || !double.IsFinite(distances.Distance[i]))
            {
                continue;
            }

            if (distances.Censored[i])
            {
                censored++;
                if (!options.IncludeCensored)
                {
                    continue;
                }
            }

            byDomain[dom].Add(i);
        }

        var perDomain = new List<DomainCompression>();
        var bulk = new double[byDomain.Length];
        for (int k = 0; k < byDomain.Length; k++)
        {
            var idx = byDomain[k];
            var d = idx.Select(i => distances.Distance[i]).ToArray();
            var y = idx.Select(i => map.Q[i]).ToArray();
            var s = idx.Select(i => map.Error[i]).ToArray();
            var fit = idx.Count >= options.MinDomainPoints ? DecayFitter.FitScaled(d, y, s) : ExponentialDecay.Failed(idx.Count);
            bulk[k] = Plausible(fit) ? fit.Bulk : FarMedian(d, y);
            perDomain.Add(new DomainCompression(domains.Domains[k], idx.Count, fit, bulk[k], d.Length > 0 ? d.Max() : double.NaN));
        }

        var points = new List<CompressionPoint>();
        for (int k = 0; k < byDomain.Length; k++)
        {
            foreach (int i in byDomain[k])
            {
                double c = double.IsFinite(bulk[k]) && bulk[k] > 0 ? (map.Q[i] / bulk[k]) - 1 : double.NaN;
                points.Add(new CompressionPoint(i / cols, i % cols, k, distances.Distance[i], map.Q[i], map.Error[i], c, distances.Censored[i]));
            }
        }

        var withC = points.Where(p => double.IsFinite(p.Compression)).ToList();
        var pooled = DecayFitter.FitCompression(
            withC.Select(p => p.Distance).ToArray(), withC.Select(p => p.Compression).ToArray(),
            withC.Select(p => p.QError / bulk[p.Domain]).ToArray());
        double width = double.IsFinite(options.BinWidth) && options.BinWidth > 0 ? options.BinWidth : step;
        return new CompressionStatisticsResult(distances.Unit, perDomain, pooled, Bin(withC, width), points, censored);
    }

    /// <summary>Mean compression per distance bin [k·w, (k+1)·w).</summary>
    public static IReadOnlyList<CompressionBin> Bin(IReadOnlyList<CompressionPoint> points, double width)
    {
        var bins = new List<CompressionBin>();
        if (points.Count == 0 || !(width > 0))
        {
            return bins;
        }

        foreach (var g in points.GroupBy(p => (int)Math.Floor(p.Distance / width)).OrderBy(g => g.Key))
        {
            var c = g.Select(p => p.Compression).ToArray();
            double mean = c.Average();
            double sem = c.Length > 1 ? Math.Sqrt(c.Sum(x => (x - mean) * (x - mean)) / (c.Length - 1) / c.Length) : double.NaN;
            bins.Add(new CompressionBin(g.Key * width, (g.Key + 1) * width, g.Average(p => p.Distance), c.Length, mean, sem));
        }

        return bins;
    }

    /// <summary>A fit whose bulk level can be trusted: determined (<see cref="ExponentialDecay.IsDetermined"/>), positive bulk known to 5 %.</summary>
    internal static bool Plausible(ExponentialDecay fit) =>
        fit.IsDetermined && double.IsFinite(fit.Bulk) && fit.Bulk > 0 && double.IsFinite(fit.DecayLength) && fit.DecayLength > 0
        && double.IsFinite(fit.BulkError) && fit.BulkError < 0.05 * fit.Bulk;

    private static double FarMedian(double[] d, double[] y)
    {
        if (d.Length == 0)
        {
            return double.NaN;
        }

        var order = Enumerable.Range(0, d.Length).OrderByDescending(i => d[i]).Take(Math.Max(1, d.Length / 3));
        return QMapBuilder.Median(order.Select(i => y[i]));
    }
}
