namespace XccaMap.Tomography.Synthesis;

/// <summary>Settings of a synthetic superlattice sample (imperfections as in the acceptance tests).</summary>
public sealed record SyntheticSampleOptions
{
    /// <summary>Number of crystallites (grains), each with a random orientation.</summary>
    public int Grains { get; init; } = 3;

    /// <summary>Unit cells per grain (sets the box volume).</summary>
    public double CellsPerGrain { get; init; } = 150;

    /// <summary>Fraction of particles removed (undetected), 0…1.</summary>
    public double MissingFraction { get; init; } = 0.10;

    /// <summary>False positives added at random positions, as a fraction of the particles kept.</summary>
    public double FalsePositiveFraction { get; init; } = 0.05;

    /// <summary>Gaussian positional noise σ per coordinate (nm).</summary>
    public double PositionNoise { get; init; } = 0.5;

    /// <summary>Relative σ of the radii (dimensionless).</summary>
    public double RadiusSpread { get; init; } = 0.05;

    /// <summary>Empty gap between grains (nm), so boundaries do not pile particles onto each other.</summary>
    public double GrainGap { get; init; } = 3;

    /// <summary>Random seed.</summary>
    public int Seed { get; init; } = 1;
}
