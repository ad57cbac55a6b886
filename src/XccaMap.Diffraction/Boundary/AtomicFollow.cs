namespace XccaMap.Diffraction.Boundary;

/// <summary>Whether the atomic lattice turns with the superlattice along a line (Fig. S11; <see cref="AtomicFollowAnalysis"/>).</summary>
/// <param name="Rings">Atomic-lattice ring names.</param>
/// <param name="Similarity">Per line point: cosine similarity of its AL ring profiles with the bulk's, averaged over the rings (NaN without data).</param>
/// <param name="Change">Per line point: D, the rms over rings of the ring intensity's deviation from the core mean in core standard deviations.</param>
/// <param name="RelativeIntensity">Per line point and ring: net ring intensity / the core mean (points × rings, row-major).</param>
/// <param name="Baseline">Mean D of the core frames themselves.</param>
/// <param name="Noise">Standard deviation of D among the core frames.</param>
/// <param name="ChangeAtMaxTilt">D at the point of largest superlattice tilt.</param>
/// <param name="Correlation">Pearson correlation of D with |θ| over the matched points (NaN when undefined).</param>
/// <param name="Verdict">"follows", "no change detected" or "undetermined", with the reason.</param>
public sealed record AtomicFollow(
    IReadOnlyList<string> Rings, double[] Similarity, double[] Change, double[] RelativeIntensity, double Baseline, double Noise, double ChangeAtMaxTilt,
    double Correlation, string Verdict);
