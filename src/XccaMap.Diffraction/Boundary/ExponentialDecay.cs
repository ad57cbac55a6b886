namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// A fitted exponential decay away from a domain edge, y(d) = b·(1 + C·e^(−d/L)) (q of a reflection, or the lattice
/// scale, with the bulk level b), or c(d) = C·e^(−d/L) (compression relative to the bulk; then b = 1 is fixed).
/// Errors are 1-σ from the covariance of the least-squares fit scaled by the reduced χ² (so they reflect the scatter
/// of the points about the model).
/// </summary>
/// <param name="Converged">The fit converged with at least one degree of freedom.</param>
/// <param name="Points">Points fitted.</param>
/// <param name="Bulk">b: the level far from the edge (y unit; 1 for a compression fit).</param>
/// <param name="BulkError">1-σ error of b (0 when fixed).</param>
/// <param name="Amplitude">C: the compression at the edge (dimensionless; 0.08 = 8 %).</param>
/// <param name="AmplitudeError">1-σ error of C.</param>
/// <param name="DecayLength">L: decay length, distance unit (µm, or steps).</param>
/// <param name="DecayLengthError">1-σ error of L.</param>
/// <param name="ReducedChiSquare">χ² per degree of freedom (weights as given).</param>
/// <param name="RmsResidual">Root-mean-square residual of the compression, (y − model)/b (dimensionless).</param>
/// <param name="Rejected">Outliers left out (residual above <see cref="DecayFitter.RejectSigmas"/> robust σ).</param>
public sealed record ExponentialDecay(
    bool Converged, int Points, double Bulk, double BulkError, double Amplitude, double AmplitudeError,
    double DecayLength, double DecayLengthError, double ReducedChiSquare, double RmsResidual, int Rejected = 0)
{
    /// <summary>A failed or impossible fit.</summary>
    public static ExponentialDecay Failed(int points) =>
        new(false, points, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>
    /// The fit converged and the data determine it: finite errors smaller than the amplitude and the decay length
    /// themselves (a few points near an edge often cannot tell a large C over a short L from a small C over a long L).
    /// </summary>
    public bool IsDetermined =>
        Converged && double.IsFinite(AmplitudeError) && double.IsFinite(DecayLengthError)
        && AmplitudeError < Math.Abs(Amplitude) && DecayLengthError < DecayLength;

    /// <summary>The model at distance <paramref name="d"/> (y unit).</summary>
    public double Evaluate(double d) => Bulk * (1 + (Amplitude * Math.Exp(-d / DecayLength)));

    /// <summary>The model's compression C·e^(−d/L) at distance <paramref name="d"/> (dimensionless).</summary>
    public double Compression(double d) => Amplitude * Math.Exp(-d / DecayLength);
}
