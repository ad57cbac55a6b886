using XccaMap.Crystallography.Lattices;

namespace XccaMap.Tomography.Synthesis;

/// <summary>
/// A binary nanocrystal superlattice cell: lattice (nm, degrees), sites and core radii per species, the
/// expected space group and where the numbers come from.
/// </summary>
public sealed record SuperlatticeCell
{
    /// <summary>Short name, e.g. "alb2".</summary>
    public required string Name { get; init; }

    /// <summary>Prototype and stoichiometry, e.g. "AlB2-type AB2".</summary>
    public required string Prototype { get; init; }

    /// <summary>Cell lengths (nm) and angles (degrees).</summary>
    public required LatticeParameters Parameters { get; init; }

    /// <summary>All sites of the cell.</summary>
    public required IReadOnlyList<CellSite> Sites { get; init; }

    /// <summary>Mean core radius per species (nm).</summary>
    public required IReadOnlyDictionary<string, double> Radii { get; init; }

    /// <summary>ITA number of the cell's space group.</summary>
    public required int SpaceGroup { get; init; }

    /// <summary>The species of the larger particles (the Voronoi/Q6 species of the analysis).</summary>
    public required string LargeSpecies { get; init; }

    /// <summary>Where the cell comes from.</summary>
    public required string Source { get; init; }

    /// <summary>The cell as a lattice in the standard orientation (nm).</summary>
    public Lattice Lattice => Lattice.FromParameters(Parameters);

    /// <summary>Number of sites of <paramref name="species"/> per cell.</summary>
    public int CountOf(string species) => Sites.Count(s => s.Species == species);
}
