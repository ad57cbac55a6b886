namespace XccaMap.Diffraction.Features;

/// <summary>
/// A Gaussian peak on a linear background fitted by <see cref="GaussianPeakFit"/>:
/// y(x) = Amplitude·exp(−(x − Centre)²/(2·Sigma²)) + Offset + Slope·(x − XMid).
/// x is in the caller's unit (Å⁻¹ for radial profiles), y in the profile's unit.
/// </summary>
/// <param name="Converged">The iteration met its tolerance within the iteration limit.</param>
/// <param name="Amplitude">Peak height above the background line, y unit.</param>
/// <param name="Centre">Peak centre, x unit.</param>
/// <param name="Sigma">Gaussian σ, x unit (FWHM = 2.3548 σ).</param>
/// <param name="Offset">Background at <paramref name="XMid"/>, y unit.</param>
/// <param name="Slope">Background slope, y unit per x unit.</param>
/// <param name="XMid">Reference abscissa of the background line (middle of the window), x unit.</param>
/// <param name="AmplitudeError">1-σ standard error of the amplitude (covariance scaled by the reduced χ²).</param>
/// <param name="CentreError">1-σ standard error of the centre, x unit.</param>
/// <param name="ReducedChiSquare">χ² per degree of freedom.</param>
/// <param name="Iterations">Levenberg–Marquardt iterations used.</param>
public readonly record struct GaussianFitResult(
    bool Converged, double Amplitude, double Centre, double Sigma, double Offset, double Slope, double XMid,
    double AmplitudeError, double CentreError, double ReducedChiSquare, int Iterations)
{
    /// <summary>Full width at half maximum, x unit.</summary>
    public double Fwhm => 2.0 * Math.Sqrt(2.0 * Math.Log(2.0)) * Sigma;

    /// <summary>Amplitude / its standard error (0 when the error is unknown).</summary>
    public double Significance => AmplitudeError > 0 ? Amplitude / AmplitudeError : 0;

    /// <summary>The fitted model at <paramref name="x"/>.</summary>
    public double Evaluate(double x)
    {
        double u = (x - Centre) / Sigma;
        return (Amplitude * Math.Exp(-0.5 * u * u)) + Offset + (Slope * (x - XMid));
    }
}
