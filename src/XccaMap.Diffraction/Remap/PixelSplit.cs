namespace XccaMap.Diffraction.Remap;

/// <summary>How a pixel's intensity is shared between (q, φ) bins (pyFAI's "split" part of a method).</summary>
public enum PixelSplit
{
    /// <summary>Each pixel goes whole to the bin holding its centre (pyFAI "no").</summary>
    None,

    /// <summary>
    /// The pixel is a rectangle centre ± max|corner − centre| in q and in φ, of uniform density, shared by
    /// overlap area (pyFAI "bbox").
    /// </summary>
    BoundingBox,

    /// <summary>
    /// The pixel is the quadrilateral of its four corners in (q, φ), shared by exact polygon–bin intersection
    /// area (pyFAI "full").
    /// </summary>
    Full,
}
