namespace XccaMap.Reporting;

/// <summary>
/// One line of an <see cref="SvgPlot"/>: y against x (same length), optionally with an
/// error band between <see cref="BandLower"/> and <see cref="BandUpper"/>. Non-finite points
/// (and, on a log-y plot, y ≤ 0) break the line instead of being drawn.
/// </summary>
/// <param name="Name">Legend text; empty = not in the legend.</param>
/// <param name="X">Abscissae in the x axis' unit.</param>
/// <param name="Y">Ordinates in the y axis' unit.</param>
public sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Line colour; null = next colour of the Okabe–Ito palette.</summary>
    public Rgba? Color { get; init; }

    /// <summary>Draw the line dashed.</summary>
    public bool Dashed { get; init; }

    /// <summary>Draw a small circle at each point.</summary>
    public bool Markers { get; init; }

    /// <summary>Draw the connecting line (false with <see cref="Markers"/> gives a scatter plot); default true.</summary>
    public bool Line { get; init; } = true;

    /// <summary>Stroke width in SVG pixels; default 1.5.</summary>
    public double LineWidth { get; init; } = 1.5;

    /// <summary>Lower edge of the error band (same length as X), or null.</summary>
    public IReadOnlyList<double>? BandLower { get; init; }

    /// <summary>Upper edge of the error band (same length as X), or null.</summary>
    public IReadOnlyList<double>? BandUpper { get; init; }

    /// <summary>Fill opacity of the error band, 0–1; default 0.25.</summary>
    public double BandOpacity { get; init; } = 0.25;
}
