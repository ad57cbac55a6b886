namespace XccaMap.Diffraction.CcfFit;

/// <summary>Outcome of <see cref="LevenbergMarquardt.Minimize"/>.</summary>
public sealed record LevenbergMarquardtResult
{
    /// <summary>The minimising parameters.</summary>
    public required double[] Parameters { get; init; }

    /// <summary>Residuals at the minimum.</summary>
    public required double[] Residuals { get; init; }

    /// <summary>Sum of squared residuals at the minimum.</summary>
    public required double Rss { get; init; }

    /// <summary>
    /// Covariance s²·(JᵀJ)⁺ with s² = RSS/(n − p) (pseudo-inverse, so a direction the data do not constrain gets no
    /// finite variance); rows and columns of parameters sitting on a bound are NaN.
    /// </summary>
    public required double[,] Covariance { get; init; }

    /// <summary>Standard errors √diag(Covariance); NaN for parameters at a bound; +∞ for unconstrained directions.</summary>
    public required double[] StandardErrors { get; init; }

    /// <summary>Jacobian ∂rᵢ/∂pⱼ at the minimum (central differences).</summary>
    public required double[,] Jacobian { get; init; }

    /// <summary>Iterations (accepted or rejected steps).</summary>
    public required int Iterations { get; init; }

    /// <summary>Residual evaluations.</summary>
    public required int Evaluations { get; init; }

    /// <summary>True if a convergence test was met (not the iteration limit).</summary>
    public required bool Converged { get; init; }

    /// <summary>Which test stopped the iteration.</summary>
    public required string Reason { get; init; }

    /// <summary>Degrees of freedom n − p (number of residuals minus free parameters).</summary>
    public required int DegreesOfFreedom { get; init; }
}
