namespace XccaMap.Diffraction.Indexing;

/// <summary>Settings of <see cref="FccIndexer"/> (config section <c>indexing</c>).</summary>
public sealed record FccIndexerOptions
{
    /// <summary>
    /// A peak is explained by a line when |q/q_N − 1| is below this. Default 0.03: per-peak lattice constants of a
    /// real superlattice scatter by ±2–3 % (Table S1), more than the q resolution.
    /// </summary>
    public double Tolerance { get; init; } = 0.03;

    /// <summary>Largest N = h² + k² + l² considered. Default 100.</summary>
    public int MaxN { get; init; } = 100;

    /// <summary>Largest N tried for one of the lowest peaks when generating candidate lattice constants. Default 27.</summary>
    public int MaxSeedN { get; init; } = 27;

    /// <summary>
    /// Penalty per allowed line predicted inside the observed q range but not observed, in units of one matched
    /// peak. Default 0.4: it makes a doubled lattice (which explains every peak too, and a stray peak or two besides)
    /// lose against the true one, while a true lattice may still miss a few weak lines.
    /// </summary>
    public double MissingLinePenalty { get; init; } = 0.4;

    /// <summary>Smallest lattice constant considered, Å; null = no limit.</summary>
    public double? MinA { get; init; }

    /// <summary>Largest lattice constant considered, Å; null = no limit.</summary>
    public double? MaxA { get; init; }
}
