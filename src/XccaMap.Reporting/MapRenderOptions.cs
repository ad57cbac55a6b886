namespace XccaMap.Reporting;

/// <summary>How <see cref="MapImage.RenderScalar(ReadOnlySpan{float}, int, int, MapRenderOptions?, ReadOnlySpan{bool})"/> draws a scalar map.</summary>
public sealed record MapRenderOptions
{
    /// <summary>Colour map; default viridis.</summary>
    public Colormap Colormap { get; init; } = Colormap.Viridis;

    /// <summary>Fixed colour scale; null = robust percentiles of the data (see <see cref="ScaleKind"/>).</summary>
    public ColorScale? Scale { get; init; }

    /// <summary>Linear or log10, used when <see cref="Scale"/> is null.</summary>
    public ColorScaleKind ScaleKind { get; init; } = ColorScaleKind.Linear;

    /// <summary>Percentile mapped to the bottom colour when <see cref="Scale"/> is null; default 1.</summary>
    public double LowPercentile { get; init; } = 1.0;

    /// <summary>Percentile mapped to the top colour when <see cref="Scale"/> is null; default 99.5.</summary>
    public double HighPercentile { get; init; } = 99.5;

    /// <summary>
    /// Integer nearest-neighbour magnification (each value becomes Upscale × Upscale pixels);
    /// 0 = automatic: the smallest factor making the longer side at least 400 px.
    /// </summary>
    public int Upscale { get; init; }

    /// <summary>Draw a colour bar with ticks to the right of the map; default true.</summary>
    public bool ColorBar { get; init; } = true;

    /// <summary>Quantity and unit shown above the colour bar, e.g. "q (Å⁻¹)".</summary>
    public string? ColorBarLabel { get; init; }

    /// <summary>Title above the map.</summary>
    public string? Title { get; init; }

    /// <summary>Colour of NaN values; default light grey.</summary>
    public Rgba NanColor { get; init; } = Rgba.LightGray;

    /// <summary>Colour of masked pixels (mask true = excluded); default white.</summary>
    public Rgba MaskedColor { get; init; } = Rgba.White;

    /// <summary>Integer magnification of the label font; 0 = automatic (2, or more for maps taller than 1000 px).</summary>
    public int FontScale { get; init; }

    /// <summary>
    /// Draw row 0 at the bottom (scan y increasing upwards) instead of at the top (image
    /// convention, the default).
    /// </summary>
    public bool OriginAtBottom { get; init; }
}
