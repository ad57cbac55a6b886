namespace XccaMap.Simulation.Scan;

/// <summary>Backgrounds, in mean counts per pixel per frame before solid-angle and polarisation factors.</summary>
public sealed record BackgroundSettings
{
    /// <summary>Diffuse SAXS of the film at q_ref (scales with thickness; absent where there is no sample).</summary>
    public double DiffuseCountsAtQref { get; init; } = 20.0;

    /// <summary>Reference q of the diffuse SAXS, Å⁻¹.</summary>
    public double DiffuseQrefInvAngstrom { get; init; } = 0.05;

    /// <summary>Power-law exponent n of the diffuse SAXS, I ∝ q^−n.</summary>
    public double DiffuseExponent { get; init; } = 3.5;

    /// <summary>Below this q (Å⁻¹) the diffuse SAXS is held constant (it would diverge at the beam).</summary>
    public double DiffuseQMinInvAngstrom { get; init; } = 0.01;

    /// <summary>Centre of the amorphous membrane ring (e.g. Si₃N₄ window), Å⁻¹.</summary>
    public double MembraneRingQInvAngstrom { get; init; } = 1.5;

    /// <summary>Gaussian σ of the membrane ring, Å⁻¹.</summary>
    public double MembraneRingSigmaInvAngstrom { get; init; } = 0.25;

    /// <summary>Peak of the membrane ring, counts/pixel (present at every point, sample or not).</summary>
    public double MembraneRingCounts { get; init; } = 0.02;

    /// <summary>Flat background, counts/pixel (not scaled by solid angle).</summary>
    public double FlatCounts { get; init; } = 0.002;
}
