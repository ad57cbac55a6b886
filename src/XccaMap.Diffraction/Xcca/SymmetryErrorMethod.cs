namespace XccaMap.Diffraction.Xcca;

/// <summary>How the uncertainty of a CCF symmetry axis was estimated.</summary>
public enum SymmetryErrorMethod
{
    /// <summary>No estimate (no axis).</summary>
    None = 0,

    /// <summary>
    /// Delete-one-group jackknife over the frames of the domain (≥ 5 non-empty groups): the axis of the CCF without
    /// each group in turn; σ² = (G−1)/G · Σ (Δ0_g − mean)². Covers the frame-to-frame scatter.
    /// </summary>
    Jackknife = 1,

    /// <summary>
    /// From the curvature of the mirror residual at its minimum, treating the residual as noise (Δχ² = 1); used for
    /// a single CCF or too few frames. Genuine asymmetry also counts as noise here, so it is an upper-side estimate.
    /// </summary>
    Curvature = 2,
}
