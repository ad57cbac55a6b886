namespace XccaMap.Cli.Report;

/// <summary>One figure of the process report: a PNG or an SVG, with its file name under figures/ and its caption.</summary>
/// <param name="FileName">File name in DIR/figures/ (".png" or ".svg").</param>
/// <param name="Caption">Caption in the report.</param>
/// <param name="Png">PNG bytes, or null for an SVG figure.</param>
/// <param name="Svg">SVG document, or null for a PNG figure.</param>
internal sealed record ReportFigure(string FileName, string Caption, byte[]? Png, string? Svg);
