namespace XccaMap.Diffraction.Boundary;

/// <summary>Whole-scan compression against distance to the domain edge: per domain and pooled.</summary>
/// <param name="Unit">Distance unit ("um" or "steps").</param>
/// <param name="PerDomain">Per domain (largest first).</param>
/// <param name="Pooled">c(d) = C·e^(−d/L) fitted to the compressions of all points (each relative to its domain's bulk q).</param>
/// <param name="Bins">The pooled curve: mean compression per distance bin.</param>
/// <param name="Points">Every point used.</param>
/// <param name="Censored">Usable points whose edge distance is censored (the raster border or missing data may hide a nearer edge); left out unless <see cref="CompressionStatisticsOptions.IncludeCensored"/>.</param>
public sealed record CompressionStatisticsResult(
    string Unit, IReadOnlyList<DomainCompression> PerDomain, ExponentialDecay Pooled, IReadOnlyList<CompressionBin> Bins,
    IReadOnlyList<CompressionPoint> Points, int Censored);
