namespace XccaMap.Diffraction.Boundary;

/// <summary>Settings of the whole-scan compression statistics (<see cref="CompressionStatistics"/>).</summary>
public sealed record CompressionStatisticsOptions
{
    /// <summary>Domains with fewer usable points get no fit of their own (they still join the pooled curve when their bulk is known). Default 8.</summary>
    public int MinDomainPoints { get; init; } = 8;

    /// <summary>Bin width of the pooled curve in distance units; NaN (default) = one raster step.</summary>
    public double BinWidth { get; init; } = double.NaN;

    /// <summary>
    /// Include points whose nearest seen edge is farther than the raster border or a point without data, where an
    /// unseen edge could hide (default true: far from every seen edge such points are bulk, and leaving them out
    /// leaves small scans without a bulk level; they are marked in the tables).
    /// </summary>
    public bool IncludeCensored { get; init; } = true;

    /// <summary>Use mixed points (default false).</summary>
    public bool UseMixed { get; init; }
}
