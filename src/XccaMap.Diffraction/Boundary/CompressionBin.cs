namespace XccaMap.Diffraction.Boundary;

/// <summary>Pooled compression in one distance bin.</summary>
/// <param name="From">Bin start, distance unit.</param>
/// <param name="To">Bin end, distance unit.</param>
/// <param name="MeanDistance">Mean distance of its points.</param>
/// <param name="Count">Points in the bin.</param>
/// <param name="Mean">Mean compression (dimensionless).</param>
/// <param name="StandardError">Standard error of the mean (NaN for a single point).</param>
public readonly record struct CompressionBin(double From, double To, double MeanDistance, int Count, double Mean, double StandardError);
