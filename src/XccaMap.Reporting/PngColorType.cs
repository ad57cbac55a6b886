namespace XccaMap.Reporting;

/// <summary>PNG colour types written by <see cref="PngEncoder"/> (always 8 bits per sample).</summary>
public enum PngColorType
{
    /// <summary>One byte per pixel, grey level (PNG colour type 0).</summary>
    Grayscale = 0,

    /// <summary>Three bytes per pixel, R G B (PNG colour type 2).</summary>
    Rgb = 2,

    /// <summary>Four bytes per pixel, R G B A with straight alpha (PNG colour type 6).</summary>
    Rgba = 6,
}
