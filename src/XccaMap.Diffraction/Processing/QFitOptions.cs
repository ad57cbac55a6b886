namespace XccaMap.Diffraction.Processing;

/// <summary>Per-frame radial fits of superlattice reflections, for the q maps (config section <c>q_fit</c>).</summary>
public sealed record QFitOptions
{
    /// <summary>
    /// Reflections to map, as fcc labels of the scan's indexing ("200", "311") or q values in Å⁻¹ ("0.0837");
    /// null = the <see cref="MaxReflections"/> strongest indexed SL rings.
    /// </summary>
    public IReadOnlyList<string>? Reflections { get; init; }

    /// <summary>How many reflections to map when none are listed. Default 3.</summary>
    public int MaxReflections { get; init; } = 3;

    /// <summary>
    /// Half-width of the fit window relative to the reflection's q. Default 0.08 (compressed edges move q by up to
    /// ~10 %); it never reaches further than 0.6 of the way to a neighbouring SL ring.
    /// </summary>
    public double WindowRelativeHalfWidth { get; init; } = 0.08;

    /// <summary>
    /// Fits of one frame must agree on the lattice scale q/q_scan within this (dimensionless) with the reflection fitted
    /// on most frames; others caught a neighbouring peak and are dropped. Default 0.02.
    /// </summary>
    public double MaxScaleDeviation { get; init; } = 0.02;

    /// <summary>A frame's fit counts when its amplitude is this many standard errors above zero. Default 5.</summary>
    public double MinSignificance { get; init; } = 5;
}
