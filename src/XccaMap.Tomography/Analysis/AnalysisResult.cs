using XccaMap.Tomography.Particles;

namespace XccaMap.Tomography.Analysis;

/// <summary>Result of <see cref="TomographyAnalyzer"/>: per-particle columns and the crystallites.</summary>
public sealed record AnalysisResult
{
    /// <summary>The analysed table.</summary>
    public required ParticleTable Table { get; init; }

    /// <summary>Id of the primary species (Voronoi, Q₆, lattice).</summary>
    public required int PrimarySpecies { get; init; }

    /// <summary>Q₆ per particle (NaN for other species).</summary>
    public required double[] Q6 { get; init; }

    /// <summary>Voronoi neighbour count per particle (primary species; 0 for others).</summary>
    public required int[] Neighbors { get; init; }

    /// <summary>True for primary particles whose Voronoi cell is open (surface; not trusted for Q₆).</summary>
    public required bool[] Open { get; init; }

    /// <summary>Crystallite id per particle, −1 if none.</summary>
    public required int[] Crystallite { get; init; }

    /// <summary>Distance (nm) of primary particles from their lattice node (NaN elsewhere): Fig. SI 4b.</summary>
    public required double[] Displacement { get; init; }

    /// <summary>Crystallites with more than the minimum number of particles.</summary>
    public required IReadOnlyList<CrystalliteResult> Crystallites { get; init; }

    /// <summary>eq. 3 clusters that were too small or did not index (count).</summary>
    public required int RejectedClusters { get; init; }

    /// <summary>Neighbour weights used for q₆ (equal as in the paper, or facet-area as the automatic fallback).</summary>
    public required XccaMap.Tomography.Order.Q6Weighting Weighting { get; init; }

    /// <summary>Facets dropped by the area tolerance.</summary>
    public required int DroppedFacets { get; init; }

    /// <summary>Wall-clock seconds per stage.</summary>
    public required IReadOnlyList<(string Stage, double Seconds)> Timings { get; init; }

    /// <summary>Things the user should know (e.g. superstructure found, groups without Wyckoff tables).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
