namespace XccaMap.Diffraction.Rings;

/// <summary>A ring given in the configuration instead of found.</summary>
/// <param name="Q">Ring position, Å⁻¹.</param>
/// <param name="HalfWidth">Half-width of the analysed window, Å⁻¹; null = from the fitted ring width.</param>
public sealed record RingOverride(double Q, double? HalfWidth = null);
