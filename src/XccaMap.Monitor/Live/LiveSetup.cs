using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Monitor.Live;

/// <summary>
/// The provisional setup of a monitored scan, learnt from its first frames the way <c>process</c> learns its setup
/// from frames spread over the whole scan: the combined mask, the averaged radial profile and the rings found in
/// it, their fcc indexing, and the SAXS and WAXS (q, φ) cakes whose per-frame features feed the live maps.
/// </summary>
public sealed record LiveSetup
{
    /// <summary>Per-pixel geometry.</summary>
    public required PixelGeometry Geometry { get; init; }

    /// <summary>The combined mask (true = excluded).</summary>
    public required DetectorMask Mask { get; init; }

    /// <summary>Radial remap over the whole q range (the survey; reused for the latest frame's profile).</summary>
    public required RemapTable SurveyTable { get; init; }

    /// <summary>q-bin centres of the survey profile, Å⁻¹.</summary>
    public required double[] SurveyQ { get; init; }

    /// <summary>Averaged I(q) of the setup frames.</summary>
    public required double[] SurveyIntensity { get; init; }

    /// <summary>Pixels per bin per frame.</summary>
    public required double[] SurveyCount { get; init; }

    /// <summary>Frames averaged.</summary>
    public required int SurveyFrames { get; init; }

    /// <summary>Rings of interest (labelled with hkl when indexed).</summary>
    public required RingSet Rings { get; init; }

    /// <summary>fcc indexing of the SL rings.</summary>
    public required FccIndexing Superlattice { get; init; }

    /// <summary>fcc indexing of the AL rings.</summary>
    public required FccIndexing Atomic { get; init; }

    /// <summary>SAXS band cake, or null without SL rings.</summary>
    public required BandCake? Saxs { get; init; }

    /// <summary>WAXS band cake, or null without AL rings.</summary>
    public required BandCake? Waxs { get; init; }

    /// <summary>Pixels the per-frame features need (only their compressed blocks are decoded), or null without rings.</summary>
    public required FrameRoi? Roi { get; init; }

    /// <summary>SL reflections mapped by Gaussian fits.</summary>
    public required IReadOnlyList<QFitTarget> QTargets { get; init; }

    /// <summary>Where the setup's time went (for the log), e.g. "geometry 0.4 s, frames 0.9 s, tables 1.2 s".</summary>
    public string Timing { get; init; } = string.Empty;

    /// <summary>True when at least one ring was found (otherwise there is nothing to extract per frame).</summary>
    public bool HasRings => Saxs is not null || Waxs is not null;
}
