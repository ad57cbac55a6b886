using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Results;

/// <summary>
/// Everything <c>xccamap process</c> found in a scan, ready for the writers (results.h5, summary.json, report).
/// Maps are row-major over the raster (index = row × Cols + col).
/// </summary>
public sealed record ScanResult
{
    /// <summary>The master file processed.</summary>
    public required string MasterPath { get; init; }

    /// <summary>The raster.</summary>
    public required Raster Raster { get; init; }

    /// <summary>Geometry used.</summary>
    public required PoniGeometry Geometry { get; init; }

    /// <summary>Detector shape.</summary>
    public required DetectorShape Shape { get; init; }

    /// <summary>The configuration in effect.</summary>
    public required ProcessingConfig Config { get; init; }

    /// <summary>Excluded pixels of the combined mask.</summary>
    public required int MaskedPixels { get; init; }

    /// <summary>Mask sources and the pixels each excluded.</summary>
    public required IReadOnlyList<(string Source, int Excluded)> MaskSources { get; init; }

    /// <summary>Frames averaged in the survey profile.</summary>
    public required int SurveyFrames { get; init; }

    /// <summary>q-bin centres of the scan-averaged (survey) radial profile, Å⁻¹.</summary>
    public required double[] SurveyQ { get; init; }

    /// <summary>Scan-averaged radial profile (survey frames), mean intensity per pixel.</summary>
    public required double[] SurveyIntensity { get; init; }

    /// <summary>SNIP background under it (NaN where not estimated).</summary>
    public required double[] SurveyBackground { get; init; }

    /// <summary>Rings of interest (SL ones labelled with their hkl when indexed).</summary>
    public required RingSet Rings { get; init; }

    /// <summary>fcc indexing of the SL rings.</summary>
    public required FccIndexing SuperlatticeIndexing { get; init; }

    /// <summary>fcc (rock-salt) indexing of the AL rings.</summary>
    public required FccIndexing AtomicIndexing { get; init; }

    /// <summary>q-bin centres of the SAXS band, Å⁻¹ (empty without SL rings).</summary>
    public required double[] SaxsBandQ { get; init; }

    /// <summary>Mean over all frames of I(q) in the SAXS band.</summary>
    public required double[] SaxsBandIntensity { get; init; }

    /// <summary>q-bin centres of the WAXS band, Å⁻¹ (empty without AL rings).</summary>
    public required double[] WaxsBandQ { get; init; }

    /// <summary>Mean over all frames of I(q) in the WAXS band.</summary>
    public required double[] WaxsBandIntensity { get; init; }

    /// <summary>Per point: a frame was processed.</summary>
    public required bool[] HasData { get; init; }

    /// <summary>SAXS class per point (≥ 0, −1 empty, −2 mixed, −3 no data).</summary>
    public required int[] SaxsClass { get; init; }

    /// <summary>WAXS class per point (same labels).</summary>
    public required int[] WaxsClass { get; init; }

    /// <summary>SAXS classification details (labels indexed by frame).</summary>
    public required ClassificationResult? SaxsClassification { get; init; }

    /// <summary>WAXS classification details.</summary>
    public required ClassificationResult? WaxsClassification { get; init; }

    /// <summary>q maps of SL reflections.</summary>
    public required IReadOnlyList<QMap> QMaps { get; init; }

    /// <summary>Mean net intensity of each ring per point (ring, map; NaN without data).</summary>
    public required IReadOnlyList<(Ring Ring, float[] Map)> RingIntensity { get; init; }

    /// <summary>Per ring: the φ of up to N angular peaks per point (ring, N, map of points × N, NaN-padded).</summary>
    public required IReadOnlyList<(Ring Ring, int MaxPeaks, float[] Phi)> AngularPeaks { get; init; }

    /// <summary>Mean intensity of the SAXS band per point.</summary>
    public required float[] SaxsIntensity { get; init; }

    /// <summary>Mean intensity of the WAXS band per point.</summary>
    public required float[] WaxsIntensity { get; init; }

    /// <summary>Domain classes of both modalities.</summary>
    public required IReadOnlyList<DomainResult> Domains { get; init; }

    /// <summary>Cross-correlations and orientational disorder per SAXS class, or null when not computed.</summary>
    public XccaResults? Xcca { get; init; }

    /// <summary>Frame indices the data files span (present or not).</summary>
    public required long FramesInFiles { get; init; }

    /// <summary>Frames whose data files are present.</summary>
    public required long FramesPresent { get; init; }

    /// <summary>Frames processed (read and analysed) in the feature pass.</summary>
    public required long FramesProcessed { get; init; }

    /// <summary>Frames beyond the raster (ignored).</summary>
    public required long FramesBeyondRaster { get; init; }

    /// <summary>Frames that could not be read (corrupt chunk, missing data file), with the reason.</summary>
    public required IReadOnlyList<SkippedFrame> Skipped { get; init; }

    /// <summary>Problems the reader reported about the files.</summary>
    public required IReadOnlyList<string> ScanProblems { get; init; }

    /// <summary>Wall time per stage.</summary>
    public required IReadOnlyList<StageTiming> Timings { get; init; }

    /// <summary>Wall time of the whole run, s.</summary>
    public required double TotalSeconds { get; init; }

    /// <summary>CPU time of the process during the run (all threads), s; NaN if not measured.</summary>
    public double CpuSeconds { get; init; } = double.NaN;

    /// <summary>Remarks made while processing (choices, fallbacks).</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>
    /// The lattice constant over the classes of one modality ("saxs": superlattice, "waxs": atomic lattice): the
    /// point-weighted mean of the classes' core ⟨a⟩ and the standard deviation between classes, Å (NaN without).
    /// </summary>
    public (double Mean, double Std, int Classes) DomainLatticeConstant(string modality)
    {
        var d = Domains.Where(x => x.Modality == modality && double.IsFinite(x.Indexing.MeanA)).ToList();
        if (d.Count == 0)
        {
            return (double.NaN, double.NaN, 0);
        }

        double mean = d.Sum(x => x.Indexing.MeanA * x.Points) / d.Sum(x => (double)x.Points);
        double m = d.Average(x => x.Indexing.MeanA);
        double std = d.Count > 1 ? Math.Sqrt(d.Sum(x => (x.Indexing.MeanA - m) * (x.Indexing.MeanA - m)) / (d.Count - 1)) : 0;
        return (mean, std, d.Count);
    }

    /// <summary>Raster points without a frame.</summary>
    public int PointsWithoutData => HasData.Count(h => !h);

    /// <summary>End-to-end throughput: raster points with data per second of total wall time.</summary>
    public double FramesPerSecond => TotalSeconds > 0 ? FramesProcessed / TotalSeconds : 0;
}
