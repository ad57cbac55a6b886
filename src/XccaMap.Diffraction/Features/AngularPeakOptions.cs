namespace XccaMap.Diffraction.Features;

/// <summary>Thresholds of <see cref="AngularPeakFinder"/>.</summary>
public sealed record AngularPeakOptions
{
    /// <summary>Gaussian smoothing of the profile, σ in φ bins (0 = none). Default 1.</summary>
    public double SmoothingBins { get; init; } = 1.0;

    /// <summary>A peak needs this many Poisson σ over its three central bins. Default 6.</summary>
    public double MinSignificance { get; init; } = 6;

    /// <summary>Two maxima closer than this (bins) are one peak (the higher). Default 3.</summary>
    public int MinSeparationBins { get; init; } = 3;
}
