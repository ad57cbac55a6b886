namespace XccaMap.Simulation.Rendering;

/// <summary>
/// A diffraction spot drawn as a 2D Gaussian in (q, φ) (S.I. eq. 4 in φ, times a Gaussian in q):
/// I = A·exp(−(q − q₀)²/2σ_q² − Δφ²/2σ_φ²), Δφ wrapped to (−180°, 180°].
/// </summary>
/// <param name="Q">Centre q₀, Å⁻¹.</param>
/// <param name="PhiDeg">Centre φ₀, degrees (design.md §3 convention).</param>
/// <param name="SigmaQ">Radial σ_q, Å⁻¹.</param>
/// <param name="SigmaPhiDeg">Azimuthal σ_φ, degrees.</param>
/// <param name="Amplitude">Peak value A (counts per pixel before solid angle and polarisation).</param>
public readonly record struct SpotShape(double Q, double PhiDeg, double SigmaQ, double SigmaPhiDeg, double Amplitude)
{
    /// <summary>Gaussian FWHM / σ.</summary>
    public const double FwhmPerSigma = 2.3548200450309493;

    /// <summary>Radial FWHM, Å⁻¹.</summary>
    public double FwhmQ => FwhmPerSigma * SigmaQ;

    /// <summary>Azimuthal FWHM, degrees.</summary>
    public double FwhmPhiDeg => FwhmPerSigma * SigmaPhiDeg;
}
