namespace XccaMap.Diffraction.Boundary;

/// <summary>Settings of the rotation analysis along a line (<see cref="RotationTracker"/>).</summary>
public sealed record RotationOptions
{
    /// <summary>Largest out-of-plane tilt searched, degrees (default 25).</summary>
    public double MaxTiltDeg { get; init; } = 25;

    /// <summary>Grid step of the tilt search, degrees (default 1).</summary>
    public double TiltStepDeg { get; init; } = 1;

    /// <summary>Grid maxima refined per point (default 4).</summary>
    public int Refine { get; init; } = 4;

    /// <summary>
    /// Solutions whose scores differ by less than this fraction are ambiguous; the one closest to the previous point's
    /// tilt is taken (the lattice turns continuously). Default 0.01.
    /// </summary>
    public double AmbiguityTolerance { get; init; } = 0.01;

    /// <summary>Points whose lattice-scale match explains less than this fraction of their radial profile have no superlattice pattern to match (default 0.05).</summary>
    public double MinScaleScore { get; init; } = 0.05;

    /// <summary>Largest lattice scale searched relative to the bulk (default 1.2: 20 % compression).</summary>
    public double MaxRelativeScale { get; init; } = 1.2;

    /// <summary>Core points of the domain averaged for its bulk pattern (deepest first; default 16).</summary>
    public int BulkPoints { get; init; } = 16;

    /// <summary>The bulk search.</summary>
    public BulkSearchOptions Bulk { get; init; } = new();
}
