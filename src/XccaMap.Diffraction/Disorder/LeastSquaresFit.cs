namespace XccaMap.Diffraction.Disorder;

/// <summary>The outcome of a <see cref="LevenbergMarquardt"/> fit.</summary>
/// <param name="Parameters">Best-fit parameters.</param>
/// <param name="Covariance">Parameter covariance (row-major P × P), (JᵀWJ)⁻¹ scaled by the reduced χ² so that the errors do not depend on the scale of the given σ; NaN if singular.</param>
/// <param name="ChiSquare">Σ ((y − f)/σ)² at the solution.</param>
/// <param name="DegreesOfFreedom">Points − parameters.</param>
/// <param name="Iterations">Iterations used.</param>
/// <param name="Converged">True when the relative χ² change fell below the tolerance.</param>
public sealed record LeastSquaresFit(double[] Parameters, double[] Covariance, double ChiSquare, int DegreesOfFreedom, int Iterations, bool Converged)
{
    /// <summary>χ² per degree of freedom.</summary>
    public double ReducedChiSquare => DegreesOfFreedom > 0 ? ChiSquare / DegreesOfFreedom : double.NaN;

    /// <summary>Standard error of parameter <paramref name="i"/>.</summary>
    public double Error(int i) => Math.Sqrt(Covariance[(i * Parameters.Length) + i]);
}
