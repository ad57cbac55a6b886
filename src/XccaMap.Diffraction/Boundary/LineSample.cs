namespace XccaMap.Diffraction.Boundary;

/// <summary>One sample of a line through the maps.</summary>
/// <param name="Position">Distance from the line's start, distance unit.</param>
/// <param name="Row">Row coordinate of the sample (fractional for bilinear sampling).</param>
/// <param name="Col">Column coordinate of the sample.</param>
/// <param name="PointRow">Nearest raster point, row.</param>
/// <param name="PointCol">Nearest raster point, column.</param>
/// <param name="Offset">Perpendicular distance of the nearest raster point from the line, distance unit.</param>
/// <param name="Domain">Domain of the nearest point (−1 none).</param>
/// <param name="Label">SAXS class label of the nearest point.</param>
/// <param name="Q">q, Å⁻¹ (NaN when none or unusable).</param>
/// <param name="QError">1-σ error of q, Å⁻¹.</param>
/// <param name="Flags">Quality flags of the nearest point.</param>
/// <param name="EdgeDistance">Distance to the edge along the line (positive inside the domain), distance unit; NaN when no edge was found.</param>
/// <param name="MapEdgeDistance">Distance of the nearest point to its domain's edge in 2D (<see cref="EdgeDistances"/>), distance unit.</param>
/// <param name="Compression">q / q_bulk − 1 (dimensionless), NaN when unknown.</param>
/// <param name="SaxsIntensity">Mean SAXS band intensity of the nearest point (counts/pixel), NaN when unknown.</param>
public sealed record LineSample(
    double Position, double Row, double Col, int PointRow, int PointCol, double Offset, int Domain, int Label,
    double Q, double QError, QualityFlags Flags, double EdgeDistance, double MapEdgeDistance, double Compression, double SaxsIntensity);
