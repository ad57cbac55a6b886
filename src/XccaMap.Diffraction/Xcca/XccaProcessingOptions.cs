using XccaMap.Diffraction.Remap;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// The cross-correlation step of <c>xccamap process</c> (config section <c>xcca</c>; docs/xcca-outputs.md): per SAXS
/// class the CCF of its strongest superlattice ring with the 200 ring of the atomic lattice, both autocorrelations,
/// and the orientational disorder of its 200_AL peak.
/// </summary>
public sealed record XccaProcessingOptions
{
    /// <summary>Run the step. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Δ bins over 360° (Δ step = 360°/N). Default 360 (1°). Rounded up to a multiple of the feature cakes'
    /// <c>phi_bins</c>, whose atomic-lattice profiles are repeated onto this grid.
    /// </summary>
    public int PhiBins { get; init; } = 360;

    /// <summary>q1 for every domain, Å⁻¹ (the superlattice ring nearest to it); null = each domain's strongest SL ring.</summary>
    public double? Q1 { get; init; }

    /// <summary>q2 for every domain, Å⁻¹ (the atomic-lattice ring nearest to it); null = the AL 200 ring.</summary>
    public double? Q2 { get; init; }

    /// <summary>
    /// Half-width of the q windows correlated, in units of each ring's radial FWHM (from the scan-averaged profile).
    /// Default 0.5 (±HWHM): the CCF is defined on the rings at q1 and q2, and the core of a ring is where its spots
    /// stand highest above the diffuse background. Never wider than the ring's analysis window; a ring without a
    /// FWHM keeps that window.
    /// </summary>
    public double WindowFwhm { get; init; } = 0.5;

    /// <summary>φ bins of a ring window covered less than this (0–1, relative to its best-covered bin) get W = 0. Default 0: any coverage counts, weighted by W.</summary>
    public double MinCoverage { get; init; }

    /// <summary>Also the autocorrelations C(q1, q1, Δ) and C(q2, q2, Δ). Default true.</summary>
    public bool Autocorrelations { get; init; } = true;

    /// <summary>
    /// Average only a domain's interior: its points at least this many raster steps (4-neighbour moves) from a point
    /// of another label (class, mixed, empty, no data), as the bulk the truth and the paper describe — at the edges the
    /// superlattice is compressed and turned and the beam sees the neighbouring grain. Relaxed per domain so that at
    /// least <see cref="MinInteriorFraction"/> of its points remain. Default 3 (1.5 µm at a 0.5 µm step); 0 or 1 = all points.
    /// </summary>
    public int MinDepth { get; init; } = 3;

    /// <summary>The fraction of a domain's points its interior keeps at least (0–1). Default 0.25.</summary>
    public double MinInteriorFraction { get; init; } = 0.25;

    /// <summary>
    /// A fitted 200_AL peak must be carried by the domain's frames at large: its <see cref="Disorder.DisorderResult.PeakPresence"/>
    /// (median over frames of the core excess / its mean) at least this, else the fit is reported as not usable —
    /// a domain without a 200 spot of its own on the detector would otherwise report the spot of a few misclassified
    /// points. Default 0.5; 0 = no check.
    /// </summary>
    public double MinPeakPresence { get; init; } = 0.5;

    /// <summary>Domains with fewer frames are skipped. Default 1.</summary>
    public int MinFrames { get; init; } = 1;

    /// <summary>
    /// Pixel splitting of the superlattice ring profiles. Default full: a 1° bin of a ring 65 pixels from the beam is
    /// about one pixel wide, so whole-pixel binning would leave some bins empty and double others.
    /// </summary>
    public PixelSplit Split { get; init; } = PixelSplit.None;
}
