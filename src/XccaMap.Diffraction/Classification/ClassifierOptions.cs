namespace XccaMap.Diffraction.Classification;

/// <summary>How scan points are grouped into classes (config sections <c>saxs_classification</c>, <c>waxs_classification</c>).</summary>
public sealed record ClassifierOptions
{
    /// <summary>Fixed number of classes (the k-means clusters are then the classes), or null to find it from the data.</summary>
    public int? Classes { get; init; }

    /// <summary>The data start from this many k-means clusters (over-segmentation). Default 24.</summary>
    public int InitialClusters { get; init; } = 24;

    /// <summary>Clusters whose mean fingerprints have a cosine of at least this are one pattern (merged first). Default 0.8.</summary>
    public double MergeSimilarity { get; init; } = 0.8;

    /// <summary>A class's support holds the φ groups where its mean fingerprint reaches this fraction of its maximum. Default 0.2.</summary>
    public double SupportFraction { get; init; } = 0.2;

    /// <summary>…widened by this many φ groups on each side (small in-plane wobble of the peaks). Default 1.</summary>
    public int SupportDilation { get; init; } = 1;

    /// <summary>
    /// While learning classes, a cluster is part of a class (a subset of its peaks) when this fraction of its energy lies
    /// in the class's support; it is the class's fuller pattern when the class lies this much inside it. Default 0.85.
    /// </summary>
    public double PartContainment { get; init; } = 0.85;

    /// <summary>
    /// …and a pattern is a class's fuller pattern only when at least this fraction of its own energy lies in the class's
    /// support (a subset is typically half of the whole). Default 0.4.
    /// </summary>
    public double FullerPatternShare { get; init; } = 0.4;

    /// <summary>
    /// When above 0, classes are learnt from domain interiors only: points whose fingerprint has a median cosine of at
    /// least this with their raster neighbours'. Default 0 (all points): the fuller patterns that tie a class's
    /// partial patterns together are often seen at few points.
    /// </summary>
    public double InteriorSimilarity { get; init; }

    /// <summary>A point less similar than this (cosine) to every class has no class of its own ("unexplained"). Default 0.5.</summary>
    public double MinSimilarity { get; init; } = 0.5;

    /// <summary>
    /// A point is "mixed" when a non-negative sum of its class and another one leaves at most this fraction of the
    /// misfit its own class leaves, (1 − cos²₂)/(1 − cos²₁)… Default 0.5.
    /// </summary>
    public double MixedResidualRatio { get; init; } = 0.5;

    /// <summary>…and the other class carries at least this share of the sum (also: a cluster needing two classes, each with this share of its energy on its own peaks, is mixed). Default 0.2.</summary>
    public double MixedMinShare { get; init; } = 0.2;

    /// <summary>A class needs at least this fraction of the points with signal… Default 0.01.</summary>
    public double MinClassFraction { get; init; } = 0.01;

    /// <summary>…and at least this many points; rarer patterns found no class (as EBSD's minimum grain size). Default 5.</summary>
    public int MinClassPoints { get; init; } = 5;

    /// <summary>
    /// Spatial clean-up (as EBSD "grain dilation"): an unexplained point takes the class of its raster
    /// neighbours when at least <see cref="CleanupMinNeighbours"/> of its 8 neighbours and two thirds of its classed
    /// neighbours agree. Points explained by two classes stay mixed. Default true.
    /// </summary>
    public bool SpatialCleanup { get; init; } = true;

    /// <summary>Neighbours that must agree in the clean-up. Default 3.</summary>
    public int CleanupMinNeighbours { get; init; } = 3;

    /// <summary>Clustering runs on at most this many points (evenly spaced); all points are then assigned. Default 4000.</summary>
    public int SampleSize { get; init; } = 4000;

    /// <summary>Random seed of the k-means++ seeding. Default 1.</summary>
    public int Seed { get; init; } = 1;
}
