namespace XccaMap.Simulation.Scan;

/// <summary>The nanocrystal superlattice film, its grains and grain boundaries, and the spot intensities.</summary>
public sealed record SampleSettings
{
    /// <summary>fcc superlattice constant, Å.</summary>
    public double SlAAngstrom { get; init; } = 150.0;

    /// <summary>Mean nanocrystal radius, Å (spheres with normally distributed radii).</summary>
    public double NcRadiusAngstrom { get; init; } = 65.0;

    /// <summary>Standard deviation of the nanocrystal radius, Å.</summary>
    public double NcRadiusSigmaAngstrom { get; init; } = 5.0;

    /// <summary>Largest superlattice q simulated (bulk), Å⁻¹.</summary>
    public double SlQMaxInvAngstrom { get; init; } = 0.25;

    /// <summary>Radial σ of a superlattice spot (and size of its reciprocal-lattice blob in every direction), Å⁻¹.</summary>
    public double SlRadialSigmaInvAngstrom { get; init; } = 0.0012;

    /// <summary>Mosaic spread of the superlattice (σ, degrees): azimuthal spot width and Ewald tolerance.</summary>
    public double SlMosaicSigmaDeg { get; init; } = 1.0;

    /// <summary>Peak counts per pixel of a fully excited superlattice reflection with the largest |F|² (bulk, unit thickness).</summary>
    public double SaxsPeakCounts { get; init; } = 800.0;

    /// <summary>Rock-salt (PbS) lattice constant of the nanocrystals, Å.</summary>
    public double AlAAngstrom { get; init; } = 5.936;

    /// <summary>Largest atomic-lattice q simulated, Å⁻¹ (3.1 keeps 111, 200 and 220).</summary>
    public double AlQMaxInvAngstrom { get; init; } = 3.1;

    /// <summary>Coherent size of a nanocrystal for Scherrer broadening, Å (Δq_FWHM = 2πK/L).</summary>
    public double AlCrystalSizeAngstrom { get; init; } = 65.0;

    /// <summary>Scherrer constant K.</summary>
    public double ScherrerK { get; init; } = 0.9;

    /// <summary>Peak counts per pixel of an exactly Bragg-oriented 200 atomic-lattice reflection (unit thickness).</summary>
    public double WaxsPeakCounts { get; init; } = 3.0;

    /// <summary>Nanocrystal orientations drawn to integrate the orientational disorder over the Ewald sphere.</summary>
    public int AlOrientationSamples { get; init; } = 4096;

    /// <summary>Typical grain size, µm: the scanned area holds about area / size² Voronoi grains.</summary>
    public double GrainSizeUm { get; init; } = 2.0;

    /// <summary>Probability that a grain holds no sample (no scattering but the membrane).</summary>
    public double EmptyFraction { get; init; } = 0.15;

    /// <summary>Footprint share of the second grain above which a point shows both patterns ("mixed").</summary>
    public double MixedThreshold { get; init; } = 0.25;

    /// <summary>Relative thickness variation (standard deviation of a smooth random field; mean thickness 1).</summary>
    public double ThicknessVariation { get; init; } = 0.2;

    /// <summary>Correlation length of the thickness variation, µm.</summary>
    public double ThicknessCorrelationUm { get; init; } = 2.0;

    /// <summary>Relative increase of the superlattice q at a domain edge (0.08 = 8 % compression).</summary>
    public double BoundaryCompression { get; init; } = 0.08;

    /// <summary>Decay length of the compression away from the edge, µm (exp(−d/L)).</summary>
    public double CompressionDecayUm { get; init; } = 0.75;

    /// <summary>Out-of-plane rotation of the superlattice (and its nanocrystals) at a domain edge, degrees.</summary>
    public double BoundaryRotationDeg { get; init; } = 11.0;

    /// <summary>Decay length of the rotation away from the edge, µm.</summary>
    public double RotationDecayUm { get; init; } = 0.75;
}
