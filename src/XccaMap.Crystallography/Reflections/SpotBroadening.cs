namespace XccaMap.Crystallography.Reflections;

/// <summary>
/// Width σ_s (Å⁻¹) of the Gaussian "rocking curve" exp(−s²/2σ_s²) that turns an excitation error s into a spot
/// weight. Two independent contributions added in quadrature:
/// <list type="bullet">
/// <item>orientational spread: a rotation by δ (radians) moves G by q·δ, so σ_orient = q·σ_angle;</item>
/// <item>finite crystal size L (Scherrer): FWHM Δq = 2πK/L, i.e. σ_size = 2πK / (L·2√(2 ln 2)).</item>
/// </list>
/// σ_s(q) = √((q·σ_angle)² + σ_size²). With K = 2√(2 ln 2) ≈ 2.355 one gets the plain σ_size = 2π/L.
/// </summary>
/// <param name="AngularSigmaDeg">Standard deviation of the orientational spread in degrees (≥ 0).</param>
/// <param name="CrystalSizeAngstrom">Coherent crystal size L in Å (&gt; 0; +∞ for no size broadening).</param>
/// <param name="ScherrerK">Scherrer constant K (dimensionless, ≈ 0.9 for spheres/cubes).</param>
public readonly record struct SpotBroadening(double AngularSigmaDeg, double CrystalSizeAngstrom = double.PositiveInfinity, double ScherrerK = 0.9)
{
    /// <summary>2√(2 ln 2): FWHM / σ of a Gaussian.</summary>
    public const double FwhmPerSigma = 2.3548200450309493;

    /// <summary>Size contribution σ_size in Å⁻¹ (0 for an infinite crystal).</summary>
    public double SizeSigma => double.IsPositiveInfinity(CrystalSizeAngstrom) ? 0.0 : 2 * Math.PI * ScherrerK / (CrystalSizeAngstrom * FwhmPerSigma);

    /// <summary>Total σ_s at momentum transfer q (Å⁻¹), in Å⁻¹.</summary>
    public double Sigma(double q)
    {
        double orient = q * AngularSigmaDeg * Math.PI / 180.0;
        double size = SizeSigma;
        return Math.Sqrt((orient * orient) + (size * size));
    }

    /// <summary>Throws if the parameters are not physical.</summary>
    public void Validate()
    {
        if (!(AngularSigmaDeg >= 0) || !(CrystalSizeAngstrom > 0) || !(ScherrerK > 0))
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"Spot broadening needs σ_angle ≥ 0, L > 0, K > 0 (got {AngularSigmaDeg}°, {CrystalSizeAngstrom} Å, {ScherrerK})."));
        }

        if (AngularSigmaDeg == 0 && double.IsPositiveInfinity(CrystalSizeAngstrom))
        {
            throw new ArgumentException("Spot broadening is zero: give an angular spread or a finite crystal size.");
        }
    }
}
