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
/// it, their fcc indexing, and the SAXS and WAXS (q, φ) cakes whose per-frame features feed the live maps. A
/// <see cref="Quick"/> setup is learnt from the first frame(s) alone, to show frames at once; it is replaced by the
/// setup from the first <c>SetupFrames</c> frames (the one checkpointed) as soon as that is ready.
/// </summary>
public sealed record LiveSetup
{
    /// <summary>Per-pixel geometry.</summary>
    public required PixelGeometry Geometry { get; init; }

    /// <summary>The combined mask (true = excluded).</summary>
    public required DetectorMask Mask { get; init; }

    /// <summary>
    /// Pixels excluded by <see cref="Mask"/> that the mask files do not exclude (the master's pixel_mask, all-ones and
    /// hot pixels of the frames), ascending: the survey (<see cref="Static"/>) was set up before they were known.
    /// </summary>
    public required int[] FrameExclusions { get; init; }

    /// <summary>
    /// What the setup was built on: geometry, mask files, the survey over the whole q range with the mask files only
    /// (reused for the latest frame's profile: apply <see cref="ExcludeFrameDerived"/> to a frame before its survey).
    /// </summary>
    public required StaticSetup Static { get; init; }

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

    /// <summary>Learnt from the first frame(s) only, to show frames at once; replaced by the setup proper.</summary>
    public bool Quick { get; init; }

    /// <summary>True when at least one ring was found (otherwise there is nothing to extract per frame).</summary>
    public bool HasRings => Saxs is not null || Waxs is not null;

    /// <summary>Sets the <see cref="FrameExclusions"/> of a whole frame to all-ones, which the remap kernel skips.</summary>
    public void ExcludeFrameDerived(Span<uint> frame)
    {
        foreach (int i in FrameExclusions)
        {
            frame[i] = uint.MaxValue;
        }
    }
}
