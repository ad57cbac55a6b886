namespace XccaMap.Diffraction.Boundary;

/// <summary>How maps are sampled along a line.</summary>
public enum LineSampling
{
    /// <summary>
    /// The raster points nearest to the line, each once, placed at their projection on the line (their perpendicular
    /// offset is reported). Values are the points' own: nothing is interpolated. Default; the only choice for the
    /// rotation analysis, which needs one frame per sample.
    /// </summary>
    Nearest = 0,

    /// <summary>
    /// Evenly spaced samples; each value interpolated bilinearly from the four surrounding raster points when all four
    /// are usable and in the sample's domain, else the nearest point's value when usable, else none.
    /// </summary>
    Bilinear = 1,
}
