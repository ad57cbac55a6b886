namespace XccaMap.Diffraction.Features;

/// <summary>Limits of <see cref="GaussianPeakFit"/>.</summary>
public sealed record GaussianFitOptions
{
    /// <summary>Iteration limit. Default 60.</summary>
    public int MaxIterations { get; init; } = 60;

    /// <summary>Stop when χ² improves by less than this relative amount. Default 1e-8.</summary>
    public double RelativeTolerance { get; init; } = 1e-8;

    /// <summary>Smallest σ allowed, in units of the sample spacing. Default 0.25.</summary>
    public double MinSigmaSamples { get; init; } = 0.25;

    /// <summary>Largest σ allowed, as a fraction of the window width. Default 0.5.</summary>
    public double MaxSigmaFraction { get; init; } = 0.5;
}
