using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// Orientational-spread integration of the Bragg condition, analytically: the fraction of a population of
/// nanocrystals, whose orientations scatter about a mean by small Gaussian rotations, that diffracts into a given
/// reflection, each crystal weighted by its (Scherrer) rocking curve.
/// </summary>
/// <remarks>
/// <para>
/// Geometry (lab frame of <see cref="Orientation.LabFrame"/>, beam +z): a reflection G of length q at elevation
/// ε = asin(G_z/q) above the detector plane meets the Ewald sphere (radius k = 2π/λ, through the origin, centre −k·ẑ)
/// at ε_B = −θ_B = −asin(q/2k). Near there the excitation error is s ≈ q·cos θ_B·(ε − ε_B), so a crystal's rocking
/// curve exp(−s²/2σ_s²) is a Gaussian in ε of width σ_e = σ_s/(q cos θ_B).
/// </para>
/// <para>
/// Disorder: a small rotation with rotation vector ω moves the unit vector ĝ by ω × ĝ; its components along the two
/// tangent directions (elevation and azimuth) are ω·(ĝ × e_ε) and ω·(ĝ × e_φ), projections of ω on two orthonormal
/// vectors. For an isotropic Gaussian ω with standard deviation σ_D per component (the default
/// <see cref="Orientation.DisorderModel.IsotropicRotationVector"/>) the elevation is therefore N(ε₀, σ_D²) and the
/// azimuth N(φ₀, σ_D²/cos²ε), independent, to first order in σ_D.
/// </para>
/// <para>
/// The population average of the rocking curve is then the convolution of two Gaussians:
/// P = σ_e/√(σ_D² + σ_e²) · exp[−(ε₀ − ε_B)² / 2(σ_D² + σ_e²)]. P = 1 for a perfect crystal (σ_D = 0) exactly at the
/// Bragg condition. The diffracting crystals sit at ε ≈ ε_B, so the spot's azimuthal standard deviation is
/// √((σ_D/cos θ_B)² + (σ_size/q)²) — eq. 7 of the Mukharamova et al. 2019 S.I. in σ form (σ_az² = σ_rad² + ΔΦ²).
/// A Monte-Carlo check against <see cref="Orientation.OrientationalDisorder"/> is in the tests.
/// </para>
/// </remarks>
public static class BraggProbability
{
    /// <summary>
    /// Population-averaged rocking-curve weight P ∈ (0, 1] of reflection <paramref name="gLab"/> (see remarks).
    /// </summary>
    /// <param name="gLab">Mean reflection vector in the lab frame, Å⁻¹ (non-zero).</param>
    /// <param name="wavenumber">k = 2π/λ in Å⁻¹; <see cref="double.PositiveInfinity"/> for a flat Ewald sphere.</param>
    /// <param name="disorderSigmaDeg">
    /// Standard deviation of the rotation about any fixed axis, degrees (σ per rotation-vector component; use
    /// <see cref="Orientation.OrientationalDisorder.SigmaAboutFixedAxisDeg"/> for other disorder models).
    /// </param>
    /// <param name="sizeSigmaQ">Scherrer width σ_s of a single crystal's rocking curve, Å⁻¹ (≥ 0).</param>
    public static double Probability(Vec3 gLab, double wavenumber, double disorderSigmaDeg, double sizeSigmaQ)
    {
        double total = TotalSigmaRad(gLab.Norm, wavenumber, disorderSigmaDeg, sizeSigmaQ, out double sigmaE);
        double d = ElevationRad(gLab) - BraggElevationRad(gLab.Norm, wavenumber);
        return sigmaE / total * Math.Exp(-(d * d) / (2 * total * total));
    }

    /// <summary>
    /// The same weight relative to a reflection of the same q exactly at the Bragg condition with the same disorder:
    /// exp[−(ε₀ − ε_B)²/2(σ_D² + σ_e²)] ∈ (0, 1]; defined also for σ_s = 0.
    /// </summary>
    public static double RelativeToIdeal(Vec3 gLab, double wavenumber, double disorderSigmaDeg, double sizeSigmaQ)
    {
        double total = TotalSigmaRad(gLab.Norm, wavenumber, disorderSigmaDeg, sizeSigmaQ, out _);
        double d = ElevationRad(gLab) - BraggElevationRad(gLab.Norm, wavenumber);
        return Math.Exp(-(d * d) / (2 * total * total));
    }

    /// <summary>Elevation ε = asin(G_z/|G|) of a lab vector above the detector plane, radians.</summary>
    public static double ElevationRad(Vec3 gLab)
    {
        double q = gLab.Norm;
        if (!(q > 0))
        {
            throw new ArgumentException("The reflection vector must be non-zero.", nameof(gLab));
        }

        return Math.Asin(Math.Clamp(gLab.Z / q, -1, 1));
    }

    /// <summary>Elevation ε_B = −asin(q/2k) at which a vector of length q (Å⁻¹) lies on the Ewald sphere, radians.</summary>
    public static double BraggElevationRad(double q, double wavenumber) =>
        double.IsPositiveInfinity(wavenumber) ? 0.0 : -Math.Asin(Math.Min(1, q / (2 * wavenumber)));

    /// <summary>
    /// Azimuthal standard deviation (degrees) of the spot of a reflection at q (Å⁻¹): √((σ_D/cos θ_B)² + (σ_s/q)²).
    /// </summary>
    public static double AzimuthalSigmaDeg(double q, double wavenumber, double disorderSigmaDeg, double sizeSigmaQ)
    {
        double cosB = Math.Cos(BraggElevationRad(q, wavenumber));
        double d = disorderSigmaDeg / cosB;
        double s = Angles.ToDeg(sizeSigmaQ / q);
        return Math.Sqrt((d * d) + (s * s));
    }

    /// <summary>
    /// Inverse of <see cref="AzimuthalSigmaDeg"/>: the disorder σ_D (degrees) that gives an azimuthal spot σ of
    /// <paramref name="azimuthalSigmaDeg"/>; clamped at <paramref name="minimumDeg"/> when the size term alone is wider.
    /// </summary>
    public static double DisorderFromAzimuthalSigmaDeg(double azimuthalSigmaDeg, double q, double wavenumber, double sizeSigmaQ, double minimumDeg = 0.05)
    {
        double cosB = Math.Cos(BraggElevationRad(q, wavenumber));
        double s = Angles.ToDeg(sizeSigmaQ / q);
        double d2 = (azimuthalSigmaDeg * azimuthalSigmaDeg) - (s * s);
        return Math.Max(minimumDeg, Math.Sqrt(Math.Max(0, d2)) * cosB);
    }

    private static double TotalSigmaRad(double q, double wavenumber, double disorderSigmaDeg, double sizeSigmaQ, out double sigmaE)
    {
        if (!(disorderSigmaDeg >= 0) || !(sizeSigmaQ >= 0) || !(wavenumber > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(disorderSigmaDeg), FormattableString.Invariant(
                $"Need σ_D ≥ 0 (got {disorderSigmaDeg}°), σ_s ≥ 0 (got {sizeSigmaQ} Å⁻¹) and k > 0 (got {wavenumber} Å⁻¹)."));
        }

        double cosB = Math.Cos(BraggElevationRad(q, wavenumber));
        sigmaE = sizeSigmaQ / (q * cosB);
        double sd = Angles.ToRad(disorderSigmaDeg);
        double total = Math.Sqrt((sd * sd) + (sigmaE * sigmaE));
        if (!(total > 0))
        {
            throw new ArgumentException("Both the disorder and the size broadening are zero: the Bragg probability is a delta function.");
        }

        return total;
    }
}
