namespace XccaMap.Detector.Masks;

/// <summary>Settings of <see cref="HotPixelDetector"/>.</summary>
public sealed record HotPixelOptions
{
    /// <summary>Neighbourhood size: 3 (3 × 3) or 5 (5 × 5); the centre pixel is not part of its neighbourhood.</summary>
    public int Window { get; init; } = 3;

    /// <summary>
    /// A pixel is hot in a frame when value − median ≥ <see cref="Sigma"/>·√max(median, 1), i.e. this many Poisson
    /// standard deviations above its neighbours' median…
    /// </summary>
    public double Sigma { get; init; } = 10;

    /// <summary>…and at least this many counts above it (guards the low-count regime).</summary>
    public double MinExcess { get; init; } = 10;

    /// <summary>Fraction of frames (0–1] in which a pixel must be hot to be excluded ("most of the frames").</summary>
    public double MinFrameFraction { get; init; } = 0.5;

    /// <summary>Fewest valid neighbours needed to judge a pixel.</summary>
    public int MinNeighbours { get; init; } = 4;
}
