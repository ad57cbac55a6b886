namespace XccaMap.Reporting;

/// <summary>
/// Value → colour: a <see cref="ColorScale"/> followed by a <see cref="Colormap"/>, with
/// set colours for NaN values and for masked pixels (mask true = excluded).
/// </summary>
/// <param name="Colormap">The colour map.</param>
/// <param name="Scale">Data range and linear/log scaling.</param>
public sealed record ColorMapping(Colormap Colormap, ColorScale Scale)
{
    /// <summary>Colour of NaN values (e.g. scan points without a fit); default light grey #DDDDDD.</summary>
    public Rgba NanColor { get; init; } = Rgba.LightGray;

    /// <summary>Colour of masked pixels (module gaps, beamstop); default white.</summary>
    public Rgba MaskedColor { get; init; } = Rgba.White;

    /// <summary>Colour of one value.</summary>
    public Rgba ColorOf(double value) => Colormap.Map(Scale.Normalize(value), NanColor);

    /// <summary>
    /// Colours <paramref name="values"/> into <paramref name="rgba"/> (4 bytes per value).
    /// </summary>
    /// <param name="values">Data values.</param>
    /// <param name="mask">Empty, or one flag per value; true = excluded → <see cref="MaskedColor"/>.</param>
    /// <param name="rgba">Destination, 4 × values.Length bytes.</param>
    public void Apply(ReadOnlySpan<float> values, ReadOnlySpan<bool> mask, Span<byte> rgba)
    {
        if (!mask.IsEmpty && mask.Length != values.Length)
        {
            throw new ArgumentException($"Mask has {mask.Length} flags for {values.Length} values.", nameof(mask));
        }

        if (rgba.Length < values.Length * 4)
        {
            throw new ArgumentException($"Destination has {rgba.Length} bytes; {values.Length * 4} needed.", nameof(rgba));
        }

        var table = Colormap.Table;
        bool log = Scale.Kind == ColorScaleKind.Log10;

        // Precompute the affine map from (log10) value to table level so the loop is one
        // multiply-add and a clamp per pixel.
        double a = log ? Math.Log10(Scale.Min) : Scale.Min;
        double b = log ? Math.Log10(Scale.Max) : Scale.Max;
        double k = (Colormap.Levels - 1) / (b - a);
        for (int i = 0; i < values.Length; i++)
        {
            Rgba c;
            float v = values[i];
            if (!mask.IsEmpty && mask[i])
            {
                c = MaskedColor;
            }
            else if (float.IsNaN(v))
            {
                c = NanColor;
            }
            else
            {
                double x = log ? (v > 0 ? Math.Log10(v) : double.NegativeInfinity) : v;
                double level = Math.Clamp((x - a) * k, 0, Colormap.Levels - 1);
                c = table[(int)(level + 0.5)];
            }

            int j = i * 4;
            rgba[j] = c.R;
            rgba[j + 1] = c.G;
            rgba[j + 2] = c.B;
            rgba[j + 3] = c.A;
        }
    }
}
