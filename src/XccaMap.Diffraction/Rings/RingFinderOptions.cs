namespace XccaMap.Diffraction.Rings;

/// <summary>How rings of interest are found (config section <c>rings</c>).</summary>
public sealed record RingFinderOptions
{
    /// <summary>
    /// q separating the SAXS (superlattice) from the WAXS (atomic lattice) range, Å⁻¹. Default 0.6 Å⁻¹ (d ≈ 1 nm):
    /// below any atomic-lattice spacing and above any superlattice spacing of nanocrystals.
    /// </summary>
    public double SplitQ { get; init; } = 0.6;

    /// <summary>At most this many SL rings (the strongest, relative to background). Default 8.</summary>
    public int MaxSuperlatticeRings { get; init; } = 8;

    /// <summary>At most this many AL rings. Default 4.</summary>
    public int MaxAtomicRings { get; init; } = 4;

    /// <summary>Window half-width in units of the ring's FWHM. Default 1 (±FWHM holds 98 % of a Gaussian ring).</summary>
    public double WindowFwhmFactor { get; init; } = 1.0;

    /// <summary>Smallest window half-width relative to q. Default 0.012.</summary>
    public double MinRelativeHalfWidth { get; init; } = 0.012;

    /// <summary>Largest window half-width relative to q. Default 0.05.</summary>
    public double MaxRelativeHalfWidth { get; init; } = 0.05;

    /// <summary>
    /// Peaks wider than this fraction of their q (FWHM/q) are amorphous halos or form-factor oscillations, not
    /// Bragg rings, and are left out. Default 0.1.
    /// </summary>
    public double MaxRelativeFwhm { get; init; } = 0.1;

    /// <summary>Peak-search thresholds on the scan-averaged profile.</summary>
    public RadialPeakOptions Peaks { get; init; } = new();

    /// <summary>SL rings to use instead of searching (Å⁻¹), or null.</summary>
    public IReadOnlyList<RingOverride>? Superlattice { get; init; }

    /// <summary>AL rings to use instead of searching (Å⁻¹), or null.</summary>
    public IReadOnlyList<RingOverride>? AtomicLattice { get; init; }
}
