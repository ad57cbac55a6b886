namespace XccaMap.Crystallography.Structures;

/// <summary>
/// A q-independent scatterer: a point scatterer, or the "constant Z" approximation f(q) = Z of an atom
/// (exact only at q = 0; overestimates f at WAXS q — e.g. Pb at q = 2.1 Å⁻¹ has f ≈ 72, not 82).
/// </summary>
/// <param name="Label">Label for reports.</param>
/// <param name="Value">The amplitude f (electrons, or arbitrary units).</param>
public sealed record ConstantScatterer(string Label, double Value) : IScatterer
{
    /// <inheritdoc />
    public double Amplitude(double q) => Value;
}
