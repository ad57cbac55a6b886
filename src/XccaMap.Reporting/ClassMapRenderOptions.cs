namespace XccaMap.Reporting;

/// <summary>How <see cref="MapImage.RenderClasses"/> draws a domain-class map.</summary>
public sealed record ClassMapRenderOptions
{
    /// <summary>Class colours; default Okabe–Ito with empty = white and mixed = grey.</summary>
    public CategoricalPalette Palette { get; init; } = CategoricalPalette.OkabeIto;

    /// <summary>Legend text per label; labels not listed use <see cref="ClassMap.DefaultName"/>.</summary>
    public IReadOnlyDictionary<int, string>? Names { get; init; }

    /// <summary>Draw a legend (swatch + name for each label present) right of the map; default true.</summary>
    public bool Legend { get; init; } = true;

    /// <summary>Integer nearest-neighbour magnification; 0 = automatic (longer side ≥ 400 px).</summary>
    public int Upscale { get; init; }

    /// <summary>Title above the map.</summary>
    public string? Title { get; init; }

    /// <summary>Integer magnification of the label font; 0 = automatic.</summary>
    public int FontScale { get; init; }

    /// <summary>Draw row 0 at the bottom instead of at the top (image convention, the default).</summary>
    public bool OriginAtBottom { get; init; }
}
