namespace XccaMap.Reporting;

/// <summary>
/// A line plot written as a standalone SVG document: several series (optionally dashed,
/// with point markers and error bands), axes with 1-2-5 ticks, axis labels with units,
/// title, legend, optional log-y and labelled vertical marker lines (e.g. indexed peaks).
/// Typical uses: radial profiles I(q), CCFs C(Δ), line scans of q against distance.
/// </summary>
/// <example>
/// <code>
/// var svg = new SvgPlot { Title = "Radial profile", XLabel = "q (Å⁻¹)", YLabel = "I (counts)", LogY = true }
///     .Add(new PlotSeries("domain 1", q, intensity))
///     .AddMarker(new PlotMarker(0.0725, "111"))
///     .ToSvg();
/// </code>
/// </example>
public sealed partial class SvgPlot
{
    private readonly List<PlotSeries> _series = [];
    private readonly List<PlotMarker> _markers = [];

    /// <summary>Title above the plot; empty = none.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>x-axis label including the unit, e.g. "q (Å⁻¹)".</summary>
    public string XLabel { get; set; } = string.Empty;

    /// <summary>y-axis label including the unit, e.g. "C (normalised)".</summary>
    public string YLabel { get; set; } = string.Empty;

    /// <summary>Width of the SVG in CSS pixels; default 640.</summary>
    public int Width { get; set; } = 640;

    /// <summary>Height of the SVG in CSS pixels; default 400.</summary>
    public int Height { get; set; } = 400;

    /// <summary>Logarithmic y axis (values ≤ 0 are not drawn).</summary>
    public bool LogY { get; set; }

    /// <summary>Fixed x range; null = the data's range widened to whole ticks.</summary>
    public (double Min, double Max)? XRange { get; set; }

    /// <summary>Fixed y range; null = the data's range widened to whole ticks (decades on log-y).</summary>
    public (double Min, double Max)? YRange { get; set; }

    /// <summary>
    /// Fixed x tick spacing instead of the automatic 1-2-5 step, e.g. 90 for angles in
    /// degrees; without <see cref="XRange"/> the axis is widened to whole steps.
    /// </summary>
    public double? XTickStep { get; set; }

    /// <summary>Draw light grid lines at the ticks; default true.</summary>
    public bool Grid { get; set; } = true;

    /// <summary>Draw a legend of the named series; default true.</summary>
    public bool Legend { get; set; } = true;

    /// <summary>The series added so far.</summary>
    public IReadOnlyList<PlotSeries> Series => _series;

    /// <summary>The vertical markers added so far.</summary>
    public IReadOnlyList<PlotMarker> Markers => _markers;

    /// <summary>Adds a series.</summary>
    /// <exception cref="ArgumentException">X, Y and band arrays differ in length.</exception>
    public SvgPlot Add(PlotSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(series.X);
        ArgumentNullException.ThrowIfNull(series.Y);
        int n = series.X.Count;
        if (series.Y.Count != n
            || (series.BandLower is not null && series.BandLower.Count != n)
            || (series.BandUpper is not null && series.BandUpper.Count != n)
            || (series.BandLower is null) != (series.BandUpper is null))
        {
            throw new ArgumentException(
                $"Series '{series.Name}': X has {n} points, Y {series.Y.Count}, band {series.BandLower?.Count.ToString() ?? "none"}/{series.BandUpper?.Count.ToString() ?? "none"}; all must match and both band edges be given.",
                nameof(series));
        }

        _series.Add(series);
        return this;
    }

    /// <summary>Adds a plain line series.</summary>
    public SvgPlot Add(string name, IReadOnlyList<double> x, IReadOnlyList<double> y) => Add(new PlotSeries(name, x, y));

    /// <summary>Adds a labelled vertical marker line.</summary>
    public SvgPlot AddMarker(PlotMarker marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        _markers.Add(marker);
        return this;
    }

    /// <summary>Adds a labelled vertical marker line at <paramref name="x"/>.</summary>
    public SvgPlot AddMarker(double x, string label) => AddMarker(new PlotMarker(x, label));

    /// <summary>The default colour of series <paramref name="index"/> (Okabe–Ito order).</summary>
    public static Rgba DefaultColor(int index) => CategoricalPalette.OkabeIto.ColorOf(index);
}
