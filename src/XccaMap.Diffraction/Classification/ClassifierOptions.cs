namespace XccaMap.Diffraction.Classification;

/// <summary>How scan points are grouped into classes (config sections <c>saxs_classification</c>, <c>waxs_classification</c>).</summary>
public sealed record ClassifierOptions
{
    /// <summary>Fixed number of classes (the k-means clusters are then the classes), or null to find it from the data.</summary>
    public int? Classes { get; init; }

    /// <summary>Without a raster, the data start from this many k-means clusters (over-segmentation). Default 24.</summary>
    public int InitialClusters { get; init; } = 24;

    /// <summary>Candidate patterns (regions, clusters) whose mean fingerprints have a cosine of at least this are one pattern. Default 0.8.</summary>
    public double MergeSimilarity { get; init; } = 0.8;

    /// <summary>A class's support holds the φ groups where its mean fingerprint reaches this fraction of its maximum. Default 0.2.</summary>
    public double SupportFraction { get; init; } = 0.2;

    /// <summary>…widened by this many φ groups on each side (small in-plane wobble of the peaks). Default 1.</summary>
    public int SupportDilation { get; init; } = 1;

    /// <summary>
    /// While learning classes, a candidate is part of a class (a subset of its peaks) when this fraction of its energy lies
    /// in the class's support; it is the class's fuller pattern when the class lies this much inside it. Default 0.85.
    /// </summary>
    public double PartContainment { get; init; } = 0.85;

    /// <summary>
    /// …and a pattern is a class's fuller pattern only when at least this fraction of its own energy lies in the class's
    /// support (a subset is typically half of the whole). Default 0.4.
    /// </summary>
    public double FullerPatternShare { get; init; } = 0.4;

    /// <summary>
    /// A point less similar than this (cosine) to every class has no class of its own ("unexplained"); a band-like
    /// region this similar to a class it touches is that class's edge band. Default 0.5.
    /// </summary>
    public double MinSimilarity { get; init; } = 0.5;

    /// <summary>
    /// A point is "mixed" when a non-negative sum of its class and another one explains it (cosine ≥
    /// <see cref="MixedMinFit"/>) and each of the two carries at least this share of its scattered intensity (also: a
    /// candidate needing two classes, each with this share of its energy on its own peaks, is a boundary). Default 0.25.
    /// </summary>
    public double MixedMinShare { get; init; } = 0.25;

    /// <summary>…and the two-class sum explains the point at least this well (cosine), as a class explains a typical point of its own. Default 0.8.</summary>
    public double MixedMinFit { get; init; } = 0.8;

    /// <summary>A class needs at least this fraction of the points with signal… Default 0.01.</summary>
    public double MinClassFraction { get; init; } = 0.01;

    /// <summary>…and at least this many points; rarer patterns found no class (as EBSD's minimum grain size). Default 5.</summary>
    public int MinClassPoints { get; init; } = 5;

    /// <summary>
    /// Scale k of the raster segmentation (Felzenszwalb &amp; Huttenlocher 2004) that cuts the scan into regions of
    /// continuously varying pattern, in units of 1 − cos between neighbouring points: a region of n points takes in a
    /// neighbour whose pattern differs by up to its largest internal difference + k/n. Larger = fewer, larger regions.
    /// Default 1.
    /// </summary>
    public double SegmentScale { get; init; } = 1;

    /// <summary>Regions of fewer points join the neighbouring region they are most similar to. Default 3.</summary>
    public int SegmentMinPoints { get; init; } = 3;

    /// <summary>
    /// A region founds a class only with an interior: at least this fraction of its points (and at least one) have all
    /// 8 raster neighbours in it. A band one or two points wide along a boundary has none. Default 0.1.
    /// </summary>
    public double MinInteriorFraction { get; init; } = 0.1;

    /// <summary>
    /// A region with less interior than this fraction is band-like; touching a class it resembles (cosine ≥
    /// <see cref="MinSimilarity"/>) it is that class's edge band (the lattice turns out of plane near domain edges), not
    /// a new class. Default 0.25.
    /// </summary>
    public double EdgeBandInteriorFraction { get; init; } = 0.25;

    /// <summary>
    /// Spatial clean-up (as EBSD "grain dilation"): an unexplained point takes the class of more than half of its
    /// classed raster neighbours when at least <see cref="CleanupMinNeighbours"/> of them agree (repeated, so a band
    /// fills from both sides), and a point without peaks whose 8 neighbours all carry one class takes it. Points
    /// explained by two classes stay mixed. Default true.
    /// </summary>
    public bool SpatialCleanup { get; init; } = true;

    /// <summary>Neighbours that must agree in the clean-up. Default 2.</summary>
    public int CleanupMinNeighbours { get; init; } = 2;

    /// <summary>
    /// Rotation-aware re-assignment of rim points (SAXS only): each class's bulk orientation is found from its mean
    /// pattern and every point on a class boundary goes to the nearby class whose bulk pattern, tilted by at most
    /// <see cref="RotationMaxTiltDeg"/>, explains it clearly best (<see cref="RotationDominance"/>). Ignored for WAXS.
    /// Default true.
    /// </summary>
    public bool RotationReassignment { get; init; } = true;

    /// <summary>Largest out-of-plane tilt tried in the re-assignment, degrees. Default 15.</summary>
    public double RotationMaxTiltDeg { get; init; } = 15;

    /// <summary>Classes whose explained fraction is within this fraction of the best are near-equal; the smaller tilt wins. Default 0.05.</summary>
    public double RotationMargin { get; init; } = 0.05;

    /// <summary>Points that no class explains to at least this fraction keep their label. Default 0.05.</summary>
    public double RotationMinScore { get; init; } = 0.05;

    /// <summary>A point changes class only when the new class explains this many times what its current class (or, for a mixed point, any other) explains. Default 2.</summary>
    public double RotationDominance { get; init; } = 2;

    /// <summary>Without a raster (and with a fixed class count), k-means runs on at most this many points (evenly spaced); all points are then assigned. Default 4000.</summary>
    public int SampleSize { get; init; } = 4000;

    /// <summary>Random seed of the k-means++ seeding. Default 1.</summary>
    public int Seed { get; init; } = 1;
}
