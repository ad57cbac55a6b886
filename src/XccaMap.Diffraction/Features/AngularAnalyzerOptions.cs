namespace XccaMap.Diffraction.Features;

/// <summary>Settings of the angular analysis (config section <c>angular</c>).</summary>
public sealed record AngularAnalyzerOptions
{
    /// <summary>Peak detection thresholds.</summary>
    public AngularPeakOptions Peaks { get; init; } = new();

    /// <summary>
    /// Percentile (0–100) of the net profile over valid φ taken as its baseline (the level between peaks). Default 25:
    /// below the peaks even when they cover half of a partly seen ring.
    /// </summary>
    public double BaselinePercentile { get; init; } = 25;

    /// <summary>Fingerprint of the SAXS band. Default <see cref="FingerprintSource.Band"/> (superlattice spots move in q near domain edges).</summary>
    public FingerprintSource SaxsFingerprint { get; init; } = FingerprintSource.Band;

    /// <summary>q sub-bands (equal in ln q) of the band fingerprint. Default 3.</summary>
    public int FingerprintSubBands { get; init; } = 3;

    /// <summary>Fingerprint of the WAXS band. Default <see cref="FingerprintSource.Rings"/> (atomic-lattice rings stay put; which ring a spot is on matters).</summary>
    public FingerprintSource WaxsFingerprint { get; init; } = FingerprintSource.Rings;

    /// <summary>Peaks kept per ring and frame in the outputs. Default 6.</summary>
    public int MaxPeaks { get; init; } = 6;

    /// <summary>Fingerprints use at most this many φ groups per ring (bins are summed in groups). Default 180: fine enough to tell peaks 6° apart.</summary>
    public int FingerprintPhiBins { get; init; } = 180;

    /// <summary>
    /// Fingerprint entries keep only what is this many σ above the baseline (noise floor removed), then take the
    /// square root (variance-stabilising for counts; a strong spot does not drown the others). Default 2.
    /// </summary>
    public double FingerprintThresholdSigma { get; init; } = 2;
}
