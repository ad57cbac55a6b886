namespace XccaMap.Reporting;

/// <summary>A labelled vertical line on an <see cref="SvgPlot"/>, e.g. an indexed peak "311" at its q.</summary>
/// <param name="X">Position in the x axis' unit; markers outside the x range are not drawn.</param>
/// <param name="Label">Text written along the line near the top.</param>
public sealed record PlotMarker(double X, string Label)
{
    /// <summary>Line and label colour; default dark grey #555555.</summary>
    public Rgba Color { get; init; } = Rgba.FromRgb(0x555555);

    /// <summary>Dashed line; default true.</summary>
    public bool Dashed { get; init; } = true;
}
