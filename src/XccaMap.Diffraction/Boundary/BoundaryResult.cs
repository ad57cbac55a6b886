namespace XccaMap.Diffraction.Boundary;

/// <summary>Everything <c>xccamap boundary</c> found, ready for the writers (docs/boundary-outputs.md).</summary>
public sealed record BoundaryResult
{
    /// <summary>The results read.</summary>
    public required ResultsMaps Maps { get; init; }

    /// <summary>Domains.</summary>
    public required DomainMap Domains { get; init; }

    /// <summary>Edge distances.</summary>
    public required EdgeDistances Distances { get; init; }

    /// <summary>The q map with errors and flags.</summary>
    public required BoundaryQMap QMap { get; init; }

    /// <summary>Whole-scan statistics.</summary>
    public required CompressionStatisticsResult Statistics { get; init; }

    /// <summary>The line scan, or null.</summary>
    public LineProfile? Line { get; init; }

    /// <summary>The rotation along the line, or null.</summary>
    public RotationProfile? Rotation { get; init; }

    /// <summary>Remarks (choices, skipped steps).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Per point: q / q_bulk(domain) − 1 (NaN where unusable or the domain has no bulk level).</summary>
    public double[] CompressionMap()
    {
        var map = new double[Maps.Points];
        Array.Fill(map, double.NaN);
        var bulk = Statistics.PerDomain.ToDictionary(d => d.Domain.Id, d => d.BulkQ);
        for (int i = 0; i < map.Length; i++)
        {
            int dom = Domains.DomainOf[i];
            if (dom >= 0 && QMap.Usable(i, useMixed: true) && bulk.TryGetValue(dom, out var b) && b > 0)
            {
                map[i] = (QMap.Q[i] / b) - 1;
            }
        }

        return map;
    }

    /// <summary>Analyses a results file: domains, edge distances, q map and whole-scan statistics (no line).</summary>
    public static BoundaryResult Analyse(ResultsMaps maps, QMapOptions? qOptions = null, DomainSegmentationOptions? segmentation = null, CompressionStatisticsOptions? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(maps);
        qOptions ??= new QMapOptions();
        var domains = DomainSegmentation.Segment(maps.SaxsClass, maps.Rows, maps.Cols, maps.StepUm, segmentation, maps.SaxsIntensity);
        var distances = EdgeDistances.Compute(domains, maps.SaxsClass, maps.DistanceUnit, maps.DistanceUnitName);
        var qmap = QMapBuilder.Build(maps, domains, qOptions);
        var stats = CompressionStatistics.Compute(qmap, domains, distances, maps.DistanceUnit, (statistics ?? new CompressionStatisticsOptions()) with { UseMixed = qOptions.UseMixed });
        var notes = new List<string>();
        if (!maps.HasStep)
        {
            notes.Add("results.h5 gives no raster step: distances are in raster steps");
        }

        return new BoundaryResult { Maps = maps, Domains = domains, Distances = distances, QMap = qmap, Statistics = stats, Notes = notes };
    }
}
