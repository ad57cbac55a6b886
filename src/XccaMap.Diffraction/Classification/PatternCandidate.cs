namespace XccaMap.Diffraction.Classification;

/// <summary>
/// A typical pattern classes are learnt from: a raster region of continuously varying pattern
/// (<see cref="RasterSegmentation"/>), or a k-means cluster when there is no raster.
/// </summary>
/// <param name="Pattern">Mean fingerprint (unit length).</param>
/// <param name="Size">Points.</param>
/// <param name="Interior">Points all of whose raster neighbours belong to it (= <paramref name="Size"/> without a raster).</param>
/// <param name="Support">Where its peaks are.</param>
/// <param name="Borders">Indices of the candidates it touches on the raster (empty without a raster).</param>
internal sealed record PatternCandidate(float[] Pattern, int Size, int Interior, ClassSupport Support, IReadOnlySet<int> Borders)
{
    /// <summary>True for a raster region (its interior and borders are measured), false for a k-means cluster.</summary>
    public bool Spatial { get; init; }

    /// <summary>Fraction of its points that are interior.</summary>
    public double InteriorFraction => Size > 0 ? (double)Interior / Size : 0;
}
