using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// A space-group type in its standard setting: number, symbols and the full list of operations of the
/// conventional cell (coset representatives combined with the centring translations, translations in [0, 1)).
/// </summary>
public sealed class SpaceGroupType
{
    internal SpaceGroupType(int number, int hallNumber, string hall, string hermannMauguin, IReadOnlyList<SymmetryOperation> operations)
    {
        Number = number;
        HallNumber = hallNumber;
        Hall = hall;
        HermannMauguin = hermannMauguin;
        Operations = operations;
        Centrings = operations.Where(o => o.Rotation == IntMat3.Identity).Select(o => o.Translation).ToList();
        Rotations = operations.Select(o => o.Rotation).Distinct().ToList();
        System = number switch
        {
            <= 2 => CrystalSystem.Triclinic,
            <= 15 => CrystalSystem.Monoclinic,
            <= 74 => CrystalSystem.Orthorhombic,
            <= 142 => CrystalSystem.Tetragonal,
            <= 167 => CrystalSystem.Trigonal,
            <= 194 => CrystalSystem.Hexagonal,
            _ => CrystalSystem.Cubic,
        };
    }

    /// <summary>ITA number, 1…230.</summary>
    public int Number { get; }

    /// <summary>spglib's Hall number of this setting (1…530).</summary>
    public int HallNumber { get; }

    /// <summary>Hall symbol of the setting.</summary>
    public string Hall { get; }

    /// <summary>Short Hermann–Mauguin symbol, e.g. "P-6m2" (bars as '-', subscripts as '_').</summary>
    public string HermannMauguin { get; }

    /// <summary>All operations of the conventional cell.</summary>
    public IReadOnlyList<SymmetryOperation> Operations { get; }

    /// <summary>Centring translations, including (0, 0, 0).</summary>
    public IReadOnlyList<Vec3> Centrings { get; }

    /// <summary>Distinct rotation parts (the point group in the conventional basis).</summary>
    public IReadOnlyList<IntMat3> Rotations { get; }

    /// <summary>Order of the point group.</summary>
    public int PointGroupOrder => Rotations.Count;

    /// <summary>Crystal system.</summary>
    public CrystalSystem System { get; }

    /// <summary>First letter of the Hall symbol's lattice (P, A, B, C, I, R, F).</summary>
    public char Centering => Hall.TrimStart('-')[0];

    /// <inheritdoc />
    public override string ToString() => $"{HermannMauguin} (No. {Number})";
}
