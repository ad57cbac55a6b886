using System.Globalization;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// The two rings of a cross-correlation C(q1, q2, Δ): q1 normally the domain's strongest superlattice reflection,
/// q2 the 200 ring of the atomic lattice (design.md §4.7). Windows in Å⁻¹.
/// </summary>
/// <param name="Q1">q1 window, Å⁻¹.</param>
/// <param name="Q2">q2 window, Å⁻¹ (equal to <paramref name="Q1"/> for an autocorrelation).</param>
/// <param name="Q1Label">Reflection or ring name of q1 (e.g. "sl_311"), or null.</param>
/// <param name="Q2Label">Reflection or ring name of q2 (e.g. "al_200"), or null.</param>
public sealed record RingPair(QBand Q1, QBand Q2, string? Q1Label = null, string? Q2Label = null)
{
    /// <summary>True when both windows are the same ring.</summary>
    public bool IsAutocorrelation => Q1 == Q2;

    /// <summary>Parses "MIN:MAX" in Å⁻¹ (e.g. "0.080:0.087").</summary>
    /// <exception cref="FormatException">Not two numbers with 0 ≤ MIN &lt; MAX.</exception>
    public static QBand ParseBand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double a)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double b)
            || !(a >= 0) || !(b > a) || !double.IsFinite(b))
        {
            throw new FormatException($"q window '{text}': expected MIN:MAX in Å⁻¹ with 0 ≤ MIN < MAX, e.g. 0.080:0.087");
        }

        return new QBand(a, b);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"q1 {Q1Label ?? "ring"} [{Q1.QMin:0.0####}, {Q1.QMax:0.0####}] Å⁻¹ × q2 {Q2Label ?? "ring"} [{Q2.QMin:0.0####}, {Q2.QMax:0.0####}] Å⁻¹");
}
