namespace XccaMap.Detector.Geometry;

/// <summary>Where one point of the detector looks, in double precision.</summary>
/// <param name="TwoTheta">Scattering angle 2θ, radians.</param>
/// <param name="Q">Momentum transfer q = 4π sin θ/λ, Å⁻¹.</param>
/// <param name="Phi">Azimuth φ, degrees in [0, 360) (see <see cref="Azimuth"/>).</param>
/// <param name="SolidAngle">pyFAI-normalised solid angle cos³α (1 at the PONI), dimensionless.</param>
public readonly record struct PixelPosition(double TwoTheta, double Q, double Phi, double SolidAngle)
{
    /// <summary>pyFAI's azimuth χ in radians, (−π, π].</summary>
    public double Chi => Azimuth.ToPyFaiChi(Phi);

    /// <summary>Polarisation factor (pyFAI <c>polarization(factor)</c>) for fraction <paramref name="factor"/> ∈ [−1, 1].</summary>
    public double Polarisation(double factor) => GeometryKernel.Polarisation(TwoTheta, Phi * (Math.PI / 180.0), factor);
}
