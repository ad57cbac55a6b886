namespace XccaMap.Diffraction.Disorder;

/// <summary>
/// Orientational disorder of a domain's nanocrystals from the 2D fit of its averaged 200_AL peak (design.md §4.8;
/// S.I. eq. 7 and Table S2): FWHM_az, FWHM_rad = (Δq_FWHM/q)·180/π and ΔΦ = √(FWHM_az² − FWHM_rad²), all in
/// degrees, each with a standard error propagated from the fit covariance (including the q0–σq correlation).
/// </summary>
public sealed record DisorderResult
{
    /// <summary>True when the fit converged to a peak inside its window with positive widths.</summary>
    public required bool Success { get; init; }

    /// <summary>Why the fit failed, or null.</summary>
    public string? Message { get; init; }

    /// <summary>Azimuthal FWHM of the peak, degrees.</summary>
    public Measurement FwhmAzDeg { get; init; } = Measurement.NaN;

    /// <summary>Radial FWHM as an angle, (Δq_FWHM/q)·180/π, degrees.</summary>
    public Measurement FwhmRadDeg { get; init; } = Measurement.NaN;

    /// <summary>ΔΦ = √(FWHM_az² − FWHM_rad²), degrees (NaN when FWHM_az ≤ FWHM_rad).</summary>
    public Measurement DeltaPhiDeg { get; init; } = Measurement.NaN;

    /// <summary>Peak position q0, Å⁻¹.</summary>
    public Measurement QAngstrom { get; init; } = Measurement.NaN;

    /// <summary>Peak azimuth φ0, degrees in [0, 360).</summary>
    public Measurement PhiDeg { get; init; } = Measurement.NaN;

    /// <summary>The fitted model (for plotting cuts, Fig. S6), or null.</summary>
    public PeakModel? Model { get; init; }

    /// <summary>Azimuthal window of the fit, degrees (start, end; may wrap).</summary>
    public (double Start, double End) PhiWindowDeg { get; init; }

    /// <summary>Points fitted.</summary>
    public int Points { get; init; }

    /// <summary>Radial and azimuthal cuts through the peak with the fitted curve (Fig. S6), or null without a model.</summary>
    public PeakCuts? Cuts { get; init; }

    /// <summary>
    /// How many of the averaged frames carry the peak: the median over frames of the peak core's excess over the
    /// fitted background divided by its mean — ≈ 1 when every frame shows the spot (it is the domain's own), ≪ 1 when
    /// a few frames carry it (e.g. points of another domain among its frames). NaN when not checked.
    /// </summary>
    public double PeakPresence { get; init; } = double.NaN;

    /// <summary>χ² per degree of freedom (≈ 1 when the model and the Poisson errors describe the data).</summary>
    public double ReducedChiSquare { get; init; } = double.NaN;
}
