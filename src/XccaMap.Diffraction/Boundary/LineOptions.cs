namespace XccaMap.Diffraction.Boundary;

/// <summary>Settings of a line scan through the maps (<see cref="LineProfiler"/>).</summary>
public sealed record LineOptions
{
    /// <summary>Sampling (default <see cref="LineSampling.Nearest"/>).</summary>
    public LineSampling Sampling { get; init; } = LineSampling.Nearest;

    /// <summary>Sample spacing for <see cref="LineSampling.Bilinear"/>, raster steps (default 1).</summary>
    public double SpacingSteps { get; init; } = 1;

    /// <summary>
    /// Place an edge where scattering stops at the crossing of the SAXS band intensity with the half-way level between
    /// the domain's and the empty points' medians (sub-step), instead of half-way between the last point in and the
    /// first point out. Default true.
    /// </summary>
    public bool RefineEdge { get; init; } = true;

    /// <summary>Use mixed points in the fit (default false).</summary>
    public bool UseMixed { get; init; }
}
