namespace XccaMap.Diffraction.Rings;

/// <summary>Thresholds of <see cref="RadialPeakFinder"/>.</summary>
public sealed record RadialPeakOptions
{
    /// <summary>
    /// Half-width of the SNIP clipping window relative to q (dimensionless); the window grows with q. Default 0.2:
    /// several times the relative width of Bragg rings (a few %), below that of form-factor oscillations and
    /// amorphous halos, which stay background.
    /// </summary>
    public double RelativeWindow { get; init; } = 0.2;

    /// <summary>Smallest SNIP half-window, bins. Default 3.</summary>
    public int MinWindowBins { get; init; } = 3;

    /// <summary>Largest SNIP half-window, bins. Default 400.</summary>
    public int MaxWindowBins { get; init; } = 400;

    /// <summary>Gaussian smoothing of ln I before peak search, σ in bins (0 = none). Default 1.</summary>
    public double SmoothingBins { get; init; } = 1.0;

    /// <summary>A peak must rise at least this fraction above the background, (I − B)/B. Default 0.02.</summary>
    public double MinRelativeHeight { get; init; } = 0.02;

    /// <summary>A peak must be at least this many noise σ above the background. Default 8.</summary>
    public double MinSignificance { get; init; } = 8;

    /// <summary>
    /// A peak's prominence (in ln I) must be at least this fraction of its height: rejects shoulders and noise
    /// wiggles on the flank of a bigger peak. Default 0.4.
    /// </summary>
    public double MinProminenceFraction { get; init; } = 0.4;

    /// <summary>Bins with fewer pixels than this are ignored (beamstop shadow, detector edges). Default 5.</summary>
    public double MinPixelCount { get; init; } = 5;
}
