namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// Spot model of a superlattice (SAXS) pattern. The defaults follow the simulator's P10 scan (design.md §4.11):
/// 1° mosaic spread of the superlattice, radial σ 0.0012 Å⁻¹, reflections up to 0.25 Å⁻¹.
/// </summary>
public sealed record SaxsPatternOptions
{
    /// <summary>Mosaic (orientational) spread of the superlattice, σ in degrees (&gt; 0).</summary>
    public double MosaicSigmaDeg { get; init; } = 1.0;

    /// <summary>Radial spot σ_q in Å⁻¹ (&gt; 0), from the finite domain size and the instrument.</summary>
    public double RadialSigma { get; init; } = 0.0012;

    /// <summary>Largest q enumerated, Å⁻¹.</summary>
    public double QMax { get; init; } = 0.25;

    /// <summary>Spots weaker than this fraction of the strongest possible one (largest |F|²) are dropped.</summary>
    public double MinRelativeIntensity { get; init; } = 1e-3;

    /// <summary>Throws if a value is not physical.</summary>
    public void Validate()
    {
        if (!(MosaicSigmaDeg > 0) || !(RadialSigma > 0) || !(QMax > 0) || !(MinRelativeIntensity >= 0))
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"SAXS pattern options need σ_mosaic > 0 (got {MosaicSigmaDeg}°), σ_q > 0 (got {RadialSigma} Å⁻¹), q_max > 0 (got {QMax} Å⁻¹) and a cut ≥ 0 (got {MinRelativeIntensity})."));
        }
    }
}
