using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.SpaceGroups;

namespace XccaMap.Tomography.Synthesis;

/// <summary>
/// Published binary superlattice cells for synthetic tests: lattice constants and core sizes from the SI
/// tables of Friedrich et al. 2009 and Table S3 of Boneschanscher et al. 2013; sites generated from
/// Wyckoff positions with the group's operations, so each cell has exactly its space group.
/// </summary>
public static class SuperlatticeCells
{
    /// <summary>Names accepted by <see cref="ByName"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["alb2", "nazn13", "cuau", "a6b19"];

    /// <summary>The cell called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static SuperlatticeCell ByName(string name) => name?.ToLowerInvariant() switch
    {
        "alb2" => AlB2(),
        "nazn13" => NaZn13(),
        "cuau" => CuAu(),
        "a6b19" => A6B19(),
        _ => throw new ArgumentException($"Unknown superlattice cell '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>AlB2-type PbSe–CdSe AB2 (P6/mmm, 191): a = 11.4 nm, c = 8.4 nm, d_core 9.0 and 3.4 nm (SI Table 1, ROI 1).</summary>
    public static SuperlatticeCell AlB2() => new()
    {
        Name = "alb2",
        Prototype = "AlB2-type AB2",
        Parameters = new LatticeParameters(11.4, 11.4, 8.4, 90, 90, 120),
        Sites = Generate(191, ("PbSe", new Vec3(0, 0, 0)), ("CdSe", new Vec3(1.0 / 3, 2.0 / 3, 0.5))),
        Radii = new Dictionary<string, double> { ["PbSe"] = 4.5, ["CdSe"] = 1.7 },
        SpaceGroup = 191,
        LargeSpecies = "PbSe",
        Source = "Friedrich et al. 2009, SI Table 1 (ROI 1)",
    };

    /// <summary>
    /// NaZn13-type PbSe–CdSe AB13 (Fm-3c, 226): cubic a = 28.0 nm (twice the 14.0 nm PbSe sub-cell of SI Table 3),
    /// PbSe on 8a, CdSe on 8b and 96i (0, 0.1806, 0.1192) as in NaZn13; d_core 8.8 and 3.8 nm.
    /// </summary>
    public static SuperlatticeCell NaZn13() => new()
    {
        Name = "nazn13",
        Prototype = "NaZn13-type AB13",
        Parameters = new LatticeParameters(28.0, 28.0, 28.0, 90, 90, 90),
        Sites = Generate(226, ("PbSe", new Vec3(0.25, 0.25, 0.25)), ("CdSe", new Vec3(0, 0, 0)), ("CdSe", new Vec3(0, 0.1806, 0.1192))),
        Radii = new Dictionary<string, double> { ["PbSe"] = 4.4, ["CdSe"] = 1.9 },
        SpaceGroup = 226,
        LargeSpecies = "PbSe",
        Source = "Friedrich et al. 2009, SI Table 3; NaZn13 positions (Zintl & Hauke 1938)",
    };

    /// <summary>
    /// CuAu-type PbSe–Au AB (P4/mmm, 123) in its primitive tetragonal cell: a = 10.6/√2 = 7.5 nm, c = 10.6 nm
    /// (SI Table 4); d_core 6.8 and 4.6 nm.
    /// </summary>
    public static SuperlatticeCell CuAu() => new()
    {
        Name = "cuau",
        Prototype = "CuAu-type AB",
        Parameters = new LatticeParameters(7.5, 7.5, 10.6, 90, 90, 90),
        Sites = Generate(123, ("PbSe", new Vec3(0, 0, 0)), ("Au", new Vec3(0.5, 0.5, 0.5))),
        Radii = new Dictionary<string, double> { ["PbSe"] = 3.4, ["Au"] = 2.3 },
        SpaceGroup = 123,
        LargeSpecies = "PbSe",
        Source = "Friedrich et al. 2009, SI Table 4",
    };

    /// <summary>
    /// The A6B19 PbSe–CdSe cell of Boneschanscher et al. 2013, Table S3 (P-6m2, 187): a = 23.36 nm, c = 11.21 nm,
    /// from its Wyckoff parameters. (The table's third 3j CdSe line, 0.572 0.763 0, is a typo for 0.526 0.763 0,
    /// which its own x = 0.237 requires.) Core diameters 6.5 and 3.4 nm (SI section I).
    /// </summary>
    public static SuperlatticeCell A6B19() => new()
    {
        Name = "a6b19",
        Prototype = "A6B19",
        Parameters = new LatticeParameters(23.36, 23.36, 11.21, 90, 90, 120),
        Sites = Generate(187,
            ("PbSe", new Vec3(-0.135, 0.135, 0)), // 3j x = −0.135
            ("PbSe", new Vec3(-0.182, 0.182, 0.5)), // 3k x = −0.182
            ("CdSe", new Vec3(2.0 / 3, 1.0 / 3, 0)), // 1e
            ("CdSe", new Vec3(-0.497, 0.497, 0)), // 3j x = −0.497
            ("CdSe", new Vec3(0.237, -0.237, 0)), // 3j x = 0.237
            ("CdSe", new Vec3(1.0 / 3, 2.0 / 3, 0.26)), // 2h z = 0.26
            ("CdSe", new Vec3(0.166, -0.166, 0.345)), // 6n x = 0.166, z = 0.345
            ("CdSe", new Vec3(0, 0, 0.5)), // 1b
            ("CdSe", new Vec3(0.430, -0.430, 0.5))), // 3k x = 0.430
        Radii = new Dictionary<string, double> { ["PbSe"] = 3.25, ["CdSe"] = 1.7 },
        SpaceGroup = 187,
        LargeSpecies = "PbSe",
        Source = "Boneschanscher et al. 2013, Table S3",
    };

    /// <summary>All images of the given representatives under the group's operations (conventional cell), duplicates removed.</summary>
    public static IReadOnlyList<CellSite> Generate(int spaceGroup, params (string Species, Vec3 Position)[] representatives)
    {
        ArgumentNullException.ThrowIfNull(representatives);
        var ops = SpaceGroupTable.Get(spaceGroup).Operations;
        var sites = new List<CellSite>();
        foreach (var (species, x) in representatives)
        {
            foreach (var op in ops)
            {
                Vec3 y = SymmetryOperation.Wrap(op.Apply(x));
                if (!sites.Any(s => Vec3.MaxAbsDifference(SymmetryOperation.WrapCentered(s.Fractional - y), Vec3.Zero) < 1e-6))
                {
                    sites.Add(new CellSite(species, y));
                }
            }
        }

        return sites;
    }

    /// <summary>Species names in order of first appearance.</summary>
    public static IReadOnlyList<string> Species(SuperlatticeCell cell) => cell.Sites.Select(s => s.Species).Distinct().ToList();

    /// <summary>The cell's lattice and its sites as symmetry input (species ids by first appearance).</summary>
    public static (Lattice Lattice, List<SymmetrySite> Sites) AsSymmetryInput(SuperlatticeCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var species = Species(cell).ToList();
        return (cell.Lattice, cell.Sites.Select(s => new SymmetrySite(species.IndexOf(s.Species), s.Fractional)).ToList());
    }
}
