namespace XccaMap.Diffraction.Remap;

/// <summary>
/// A diffraction ring for synthetic test frames: a Gaussian in q, optionally modulated in φ with
/// <see cref="Symmetry"/>-fold peaks: I(q, φ) = A·exp(−(q − q0)²/2σ²)·(1 + m·cos(n(φ − φ0))).
/// </summary>
/// <param name="Q">Ring position q0, Å⁻¹.</param>
/// <param name="Sigma">Gaussian width σ, Å⁻¹.</param>
/// <param name="Amplitude">Peak counts A per pixel (before solid angle and polarisation).</param>
/// <param name="Symmetry">Number n of angular peaks (0 = uniform ring).</param>
/// <param name="Modulation">Depth m of the angular modulation, 0–1.</param>
/// <param name="PhaseDegrees">Angle φ0 of the first angular peak, degrees.</param>
public sealed record SyntheticRing(double Q, double Sigma, double Amplitude, int Symmetry = 0, double Modulation = 0, double PhaseDegrees = 0)
{
    /// <summary>Intensity of this ring at (q Å⁻¹, φ degrees).</summary>
    public double At(double q, double phi)
    {
        double x = (q - Q) / Sigma;
        double radial = Amplitude * Math.Exp(-0.5 * x * x);
        return Symmetry == 0 ? radial : radial * (1 + Modulation * Math.Cos(Symmetry * (phi - PhaseDegrees) * (Math.PI / 180.0)));
    }
}
