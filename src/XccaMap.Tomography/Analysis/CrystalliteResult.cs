using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.SpaceGroups;
using XccaMap.Tomography.Structure;

namespace XccaMap.Tomography.Analysis;

/// <summary>One analysed crystallite: its particles, lattices, averaged cell, space group and statistics.</summary>
public sealed record CrystalliteResult
{
    /// <summary>Crystallite number (0, 1, … in order of detection).</summary>
    public required int Id { get; init; }

    /// <summary>Seed particle (table index) and its Q₆.</summary>
    public required (int Index, double Q6) Seed { get; init; }

    /// <summary>Size of the eq. 3 cluster before completion.</summary>
    public required int ClusterSize { get; init; }

    /// <summary>Primary-species particles of the completed crystallite (table indices).</summary>
    public required IReadOnlyList<int> Members { get; init; }

    /// <summary>Other-species particles attributed to the crystallite (table indices).</summary>
    public required IReadOnlyList<int> Others { get; init; }

    /// <summary>Eq. 5 lattice of the primary species (reduced), with displacements: the A, B, C of SI Tables 1–4.</summary>
    public required LatticeFit PrimaryLattice { get; init; }

    /// <summary>Index of the structure's cell in the primary lattice (1: same lattice; 2: e.g. NaZn13).</summary>
    public required int SupercellIndex { get; init; }

    /// <summary>Primary-species fit in the structure's cell (Niggli-reduced), whose origin is the cell origin.</summary>
    public required LatticeFit CellFit { get; init; }

    /// <summary>The structure's (averaged) cell, Niggli-reduced (nm).</summary>
    public Lattice Cell => CellFit.Lattice;

    /// <summary>Averaged positions of all species in the cell (mean ± std, fractional).</summary>
    public required IReadOnlyList<AveragedSite> Sites { get; init; }

    /// <summary>Space group of the averaged cell, or null if not attempted.</summary>
    public required SymmetryAnalysis? Symmetry { get; init; }

    /// <summary>Per-species size and shell statistics.</summary>
    public required IReadOnlyList<SpeciesStatistics> Species { get; init; }

    /// <summary>ρ for d_core, d_core + t_min, d_core + t_3NN.</summary>
    public required (double Core, double CoreTMin, double CoreT3NN) FillingFraction { get; init; }

    /// <summary>γ (small/large diameter) for d_core, d_core + t_min, d_core + t_3NN.</summary>
    public required (double Core, double CoreTMin, double CoreT3NN) SizeRatio { get; init; }

    /// <summary>Estimated number of cells (primary particles per site).</summary>
    public required double Cells { get; init; }
}
