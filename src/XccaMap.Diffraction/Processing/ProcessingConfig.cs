using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Rings;
using XccaMap.Diffraction.Xcca;

namespace XccaMap.Diffraction.Processing;

/// <summary>
/// Everything <c>xccamap process</c> can be told (the <c>--config</c> JSON; keys are the snake_case property
/// names, unknown keys are rejected). Every default is derived from the data or is generic; nothing is specific to
/// one sample. Documented in docs/process-outputs.md.
/// </summary>
public sealed record ProcessingConfig
{
    /// <summary>Frames (evenly spaced over the scan) read whole for the scan-averaged radial profile that locates the rings. Default 200; 0 = all.</summary>
    public int SurveyFrames { get; init; } = 200;

    /// <summary>Find pixels hot in most of <see cref="HotPixelFrames"/> frames and mask them. Default true.</summary>
    public bool DetectHotPixels { get; init; } = true;

    /// <summary>Frames used for hot-pixel detection. Default 8.</summary>
    public int HotPixelFrames { get; init; } = 8;

    /// <summary>φ bins over 360° of the per-frame cakes and angular profiles. Default 180 (2°).</summary>
    public int PhiBins { get; init; } = 180;

    /// <summary>q bin width as a fraction of the q step between neighbouring pixels near the beam. Default 0.5.</summary>
    public double QStepFactor { get; init; } = 0.5;

    /// <summary>Divide by the solid angle of each pixel (pyFAI normalised cos³α). Default true.</summary>
    public bool CorrectSolidAngle { get; init; } = true;

    /// <summary>Polarisation factor to correct for (pyFAI convention), or null for none. Default null.</summary>
    public double? PolarisationFactor { get; init; }

    /// <summary>φ bins of a ring covered less than this (0–1) by unmasked pixels are left out. Default 0.5.</summary>
    public double MinCoverage { get; init; } = 0.5;

    /// <summary>Rings of interest.</summary>
    public RingFinderOptions Rings { get; init; } = new();

    /// <summary>fcc indexing of the superlattice rings (tolerance 3 %: a real superlattice's lines scatter by 2–3 %).</summary>
    public FccIndexerOptions Indexing { get; init; } = new();

    /// <summary>
    /// fcc indexing of the atomic-lattice rings. Default tolerance 1 %: an atomic lattice's lines sit where the
    /// lattice puts them, and at 3 % four PbS lines (111, 200, a stray ring, 220) are "explained" as 220, 311, 400,
    /// 420 of a lattice 1.6× too large.
    /// </summary>
    public FccIndexerOptions AtomicIndexing { get; init; } = new() { Tolerance = 0.01 };

    /// <summary>Angular peaks and fingerprints.</summary>
    public AngularAnalyzerOptions Angular { get; init; } = new();

    /// <summary>Classification by the SAXS (superlattice) rings.</summary>
    public ClassifierOptions SaxsClassification { get; init; } = new();

    /// <summary>Classification by the WAXS (atomic-lattice) rings.</summary>
    public ClassifierOptions WaxsClassification { get; init; } = new();

    /// <summary>q maps from per-frame Gaussian fits.</summary>
    public QFitOptions QFit { get; init; } = new();

    /// <summary>
    /// A class is indexed on its core: its points deepest inside its regions (the lattice is compressed at domain
    /// edges), at least this fraction of its points… Default 0.05.
    /// </summary>
    public double DomainCoreFraction { get; init; } = 0.05;

    /// <summary>…and at least this many points. Default 3.</summary>
    public int DomainCoreMinPoints { get; init; } = 3;

    /// <summary>
    /// Frames per class (evenly spaced among its points) read whole for the class-averaged 2D pattern and full-q
    /// profile. Default 32 (a picture; the band profiles and the indexing use every frame of the class); 0 = all.
    /// </summary>
    public int ClassAverageFrames { get; init; } = 32;

    /// <summary>Detector pixels binned per side in the stored class-averaged patterns. Default 2.</summary>
    public int PatternBinning { get; init; } = 2;

    /// <summary>Cross-correlations and orientational disorder per SAXS class (docs/xcca-outputs.md).</summary>
    public XccaProcessingOptions Xcca { get; init; } = new();

    /// <summary>Frames in flight in the reading pipeline; 0 = the reader's default (2 per core + 2).</summary>
    public int MaxFramesInFlight { get; init; }
}
