using XccaMap.Tomography.Order;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tomography.Analysis;

/// <summary>Settings of the structure analysis (defaults follow Friedrich et al. 2009 SI).</summary>
public sealed record AnalysisOptions
{
    /// <summary>Species used for Voronoi, Q₆ and the lattice (the paper's PbSe); null: the species with the largest mean radius.</summary>
    public string? PrimarySpecies { get; init; }

    /// <summary>Voronoi settings (facet-area tolerance, box margin).</summary>
    public VoronoiOptions Voronoi { get; init; } = new();

    /// <summary>
    /// Neighbour weights in q₆ₘ. Null (automatic): equal weights as in the paper, and if they leave more than a fifth
    /// of the trusted particles outside crystallites, facet-area weights when those assign more.
    /// </summary>
    public Q6Weighting? Weighting { get; init; }

    /// <summary>C_q threshold of eq. 3 (0.5).</summary>
    public double CqThreshold { get; init; } = 0.5;

    /// <summary>Clusters need more than this many particles to be analysed (50).</summary>
    public int MinimumClusterSize { get; init; } = 50;

    /// <summary>A particle is on the lattice if within this fraction of the neighbour distance of a node (dimensionless).</summary>
    public double NodeToleranceFraction { get; init; } = 0.3;

    /// <summary>Distance tolerance (nm) of the space-group search on the averaged cell (FINDSYM-like).</summary>
    public double SymmetryTolerance { get; init; } = 1.0;

    /// <summary>Look for a true cell larger than the primary-species lattice (e.g. NaZn13's alternating icosahedra).</summary>
    public bool DetectSuperstructure { get; init; } = true;

    /// <summary>Threads; null uses all processors.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
