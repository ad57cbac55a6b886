namespace XccaMap.Tomography.Voronoi;

/// <summary>Settings of the Voronoi neighbour computation.</summary>
public sealed record VoronoiOptions
{
    /// <summary>
    /// Facets whose area is below this fraction of the mean particle-facet surface of the two cells are dropped
    /// (dimensionless). Perfect lattices are degenerate: second neighbours touch the cell only at a vertex or an
    /// edge. Such contacts never become facets here — a bisector plane that removes no vertex by more than
    /// ε = 1e-10 mean spacings does not cut — and this tolerance drops whatever round-off slivers remain. The
    /// default 1e-6 keeps every facet that noise makes real (set 0 to keep all, as Qhull does).
    /// </summary>
    public double RelativeAreaTolerance { get; init; } = 1e-6;

    /// <summary>
    /// Margin (nm) added around the particles' bounding box before clipping; cells that still touch
    /// this box are open (surface particles). Null: one mean particle spacing (V/N)^(1/3). Closed cells are
    /// exact whatever the margin; a wider margin only makes the open cells larger (and slower).
    /// </summary>
    public double? BoxMargin { get; init; }

    /// <summary>Threads; null uses all processors.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
