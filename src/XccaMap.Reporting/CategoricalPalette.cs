namespace XccaMap.Reporting;

/// <summary>
/// Colours for categorical data (domain classes, plot series). The default is the
/// Okabe–Ito palette (Okabe &amp; Ito 2008, "Color Universal Design"), which stays
/// distinguishable under the common colour-vision deficiencies; it is ordered so the first
/// classes get the most contrasting hues. Labels beyond the base list get hues spaced by the
/// golden angle. <see cref="ClassMap.Empty"/> is white and <see cref="ClassMap.Mixed"/> grey.
/// </summary>
public sealed class CategoricalPalette
{
    private readonly Rgba[] _colors;

    /// <summary>Creates a palette from a base list of class colours.</summary>
    /// <param name="colors">At least one colour; class k gets colors[k] while k &lt; Count.</param>
    public CategoricalPalette(IReadOnlyList<Rgba> colors)
    {
        ArgumentNullException.ThrowIfNull(colors);
        if (colors.Count == 0)
        {
            throw new ArgumentException("A palette needs at least one colour.", nameof(colors));
        }

        _colors = [.. colors];
    }

    /// <summary>
    /// Okabe–Ito: blue #0072B2, vermillion #D55E00, bluish green #009E73, orange #E69F00,
    /// sky blue #56B4E9, reddish purple #CC79A7, yellow #F0E442, black #000000.
    /// </summary>
    public static CategoricalPalette OkabeIto { get; } = new(
    [
        Rgba.FromRgb(0x0072B2), Rgba.FromRgb(0xD55E00), Rgba.FromRgb(0x009E73), Rgba.FromRgb(0xE69F00),
        Rgba.FromRgb(0x56B4E9), Rgba.FromRgb(0xCC79A7), Rgba.FromRgb(0xF0E442), Rgba.FromRgb(0x000000),
    ]);

    /// <summary>Colour of <see cref="ClassMap.Empty"/> points; white as in the paper's Fig. 1.</summary>
    public Rgba EmptyColor { get; init; } = Rgba.White;

    /// <summary>Colour of <see cref="ClassMap.Mixed"/> points; mid grey #A0A0A0 as in the paper's Fig. 1.</summary>
    public Rgba MixedColor { get; init; } = Rgba.FromRgb(0xA0A0A0);

    /// <summary>Number of colours in the base list.</summary>
    public int Count => _colors.Length;

    /// <summary>Colour of a class label (≥ 0, <see cref="ClassMap.Empty"/> or <see cref="ClassMap.Mixed"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Any other negative label.</exception>
    public Rgba ColorOf(int label)
    {
        if (label == ClassMap.Empty)
        {
            return EmptyColor;
        }

        if (label == ClassMap.Mixed)
        {
            return MixedColor;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(label);
        return label < _colors.Length ? _colors[label] : Extra(label - _colors.Length);
    }

    /// <summary>
    /// Deterministic extra hues: golden-angle steps in HSV at saturation 0.65, value 0.8,
    /// so consecutive extras are far apart on the hue circle.
    /// </summary>
    private static Rgba Extra(int i)
    {
        double h = ((i * 137.50776405) + 20) % 360 / 60.0;
        const double s = 0.65, v = 0.8;
        double c = v * s;
        double x = c * (1 - Math.Abs((h % 2) - 1));
        (double r, double g, double b) = (int)h switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        double m = v - c;
        return new Rgba(ToByte(r + m), ToByte(g + m), ToByte(b + m));

        static byte ToByte(double f) => (byte)Math.Round(Math.Clamp(f, 0, 1) * 255);
    }
}
