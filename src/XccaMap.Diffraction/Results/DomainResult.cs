using XccaMap.Diffraction.Indexing;

namespace XccaMap.Diffraction.Results;

/// <summary>
/// One domain class of one modality (SAXS or WAXS classification): its points, its averaged radial profile over
/// the band with indexed peaks (Table S1 form), and its averaged 2D pattern (Fig. S3).
/// </summary>
public sealed record DomainResult
{
    /// <summary>"saxs" or "waxs": which classification the class belongs to.</summary>
    public required string Modality { get; init; }

    /// <summary>Class label (0 = largest).</summary>
    public required int Label { get; init; }

    /// <summary>Scan points in the class.</summary>
    public required int Points { get; init; }

    /// <summary>q-bin centres of <see cref="BandIntensity"/>, Å⁻¹ (the band of the modality).</summary>
    public required double[] BandQ { get; init; }

    /// <summary>Mean over all the class's frames of I(q) in the band.</summary>
    public required double[] BandIntensity { get; init; }

    /// <summary>Mean I(q) in the band over the class's core points (its deepest points, see <see cref="CoreDepth"/>).</summary>
    public required double[] CoreBandIntensity { get; init; }

    /// <summary>Points in the core.</summary>
    public required int CorePoints { get; init; }

    /// <summary>Raster steps from the core points to the nearest point of another label.</summary>
    public required int CoreDepth { get; init; }

    /// <summary>
    /// Indexing of the peaks of <see cref="CoreBandIntensity"/> on the scan's fcc lattice (SL for SAXS, AL for WAXS):
    /// the domain's bulk lattice, away from the compressed edges (Table S1).
    /// </summary>
    public required FccIndexing Indexing { get; init; }

    /// <summary>Indexing of the peaks of <see cref="BandIntensity"/> (all the class's points, edges included).</summary>
    public required FccIndexing AllPointsIndexing { get; init; }

    /// <summary>Mean angular azimuths of the class's strongest peaks on the modality's rings, degrees (for the legend).</summary>
    public required IReadOnlyList<double> TypicalPeakPhi { get; init; }

    /// <summary>Frames averaged into <see cref="Pattern"/> and <see cref="FullIntensity"/>.</summary>
    public int PatternFrames { get; init; }

    /// <summary>Class-averaged detector image, binned (rows × cols of <see cref="PatternShape"/>); NaN where masked. Null if not computed.</summary>
    public float[]? Pattern { get; init; }

    /// <summary>(rows, cols) of <see cref="Pattern"/>.</summary>
    public (int Rows, int Cols) PatternShape { get; init; }

    /// <summary>q-bin centres of <see cref="FullIntensity"/>, Å⁻¹ (the whole detector).</summary>
    public double[]? FullQ { get; init; }

    /// <summary>Class-averaged I(q) over the whole detector (from the <see cref="PatternFrames"/> frames).</summary>
    public double[]? FullIntensity { get; init; }

    /// <summary>Name in files: "saxs_class_1" (1-based as in figures).</summary>
    public string Name => FormattableString.Invariant($"{Modality}_class_{Label + 1}");
}
