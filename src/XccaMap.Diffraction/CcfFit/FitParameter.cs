namespace XccaMap.Diffraction.CcfFit;

/// <summary>One fitted (or fixed) parameter.</summary>
/// <param name="Name">Name, e.g. "in_plane".</param>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="StandardError">
/// Standard error from the Jacobian, s·√((JᵀJ)⁻¹)ᵢᵢ (NaN if fixed or on a bound, +∞ if the data do not constrain it).
/// Treats the CCF samples as independent, which they are not (neighbouring Δ share the same pixels), so it is a lower bound.
/// </param>
/// <param name="Unit">Unit ("deg", or "" for dimensionless).</param>
/// <param name="Fixed">True if the parameter was held fixed.</param>
/// <param name="AtBound">True if it ended on a bound of the search box.</param>
public sealed record FitParameter(string Name, double Value, double StandardError, string Unit, bool Fixed, bool AtBound = false);
