namespace XccaMap.Diffraction.Boundary;

/// <summary>One raster point in the whole-scan compression statistics.</summary>
/// <param name="Row">Raster row.</param>
/// <param name="Col">Raster column.</param>
/// <param name="Domain">Domain id.</param>
/// <param name="Distance">Distance to the domain edge, distance unit.</param>
/// <param name="Q">q, Å⁻¹.</param>
/// <param name="QError">1-σ error of q, Å⁻¹.</param>
/// <param name="Compression">q / q_bulk(domain) − 1 (dimensionless; NaN when the domain has no bulk level).</param>
/// <param name="Censored">The raster border or a point without data is nearer than the nearest seen edge (<see cref="EdgeDistances.Censored"/>).</param>
public readonly record struct CompressionPoint(int Row, int Col, int Domain, double Distance, double Q, double QError, double Compression, bool Censored);
