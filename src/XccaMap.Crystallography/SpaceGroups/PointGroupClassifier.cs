namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// Names the crystallographic point group of a set of rotation matrices (any basis) from the numbers of
/// operations of each type (1, 2, 3, 4, 6, −1, m, −3, −4, −6), which is unique for the 32 classes.
/// </summary>
public static class PointGroupClassifier
{
    // Counts in the order −6, −4, −3, m, −1, 1, 2, 3, 4, 6.
    private static readonly (string Symbol, CrystalSystem System, int[] Counts)[] Table =
    [
        ("1", CrystalSystem.Triclinic, [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]),
        ("-1", CrystalSystem.Triclinic, [0, 0, 0, 0, 1, 1, 0, 0, 0, 0]),
        ("2", CrystalSystem.Monoclinic, [0, 0, 0, 0, 0, 1, 1, 0, 0, 0]),
        ("m", CrystalSystem.Monoclinic, [0, 0, 0, 1, 0, 1, 0, 0, 0, 0]),
        ("2/m", CrystalSystem.Monoclinic, [0, 0, 0, 1, 1, 1, 1, 0, 0, 0]),
        ("222", CrystalSystem.Orthorhombic, [0, 0, 0, 0, 0, 1, 3, 0, 0, 0]),
        ("mm2", CrystalSystem.Orthorhombic, [0, 0, 0, 2, 0, 1, 1, 0, 0, 0]),
        ("mmm", CrystalSystem.Orthorhombic, [0, 0, 0, 3, 1, 1, 3, 0, 0, 0]),
        ("4", CrystalSystem.Tetragonal, [0, 0, 0, 0, 0, 1, 1, 0, 2, 0]),
        ("-4", CrystalSystem.Tetragonal, [0, 2, 0, 0, 0, 1, 1, 0, 0, 0]),
        ("4/m", CrystalSystem.Tetragonal, [0, 2, 0, 1, 1, 1, 1, 0, 2, 0]),
        ("422", CrystalSystem.Tetragonal, [0, 0, 0, 0, 0, 1, 5, 0, 2, 0]),
        ("4mm", CrystalSystem.Tetragonal, [0, 0, 0, 4, 0, 1, 1, 0, 2, 0]),
        ("-42m", CrystalSystem.Tetragonal, [0, 2, 0, 2, 0, 1, 3, 0, 0, 0]),
        ("4/mmm", CrystalSystem.Tetragonal, [0, 2, 0, 5, 1, 1, 5, 0, 2, 0]),
        ("3", CrystalSystem.Trigonal, [0, 0, 0, 0, 0, 1, 0, 2, 0, 0]),
        ("-3", CrystalSystem.Trigonal, [0, 0, 2, 0, 1, 1, 0, 2, 0, 0]),
        ("32", CrystalSystem.Trigonal, [0, 0, 0, 0, 0, 1, 3, 2, 0, 0]),
        ("3m", CrystalSystem.Trigonal, [0, 0, 0, 3, 0, 1, 0, 2, 0, 0]),
        ("-3m", CrystalSystem.Trigonal, [0, 0, 2, 3, 1, 1, 3, 2, 0, 0]),
        ("6", CrystalSystem.Hexagonal, [0, 0, 0, 0, 0, 1, 1, 2, 0, 2]),
        ("-6", CrystalSystem.Hexagonal, [2, 0, 0, 1, 0, 1, 0, 2, 0, 0]),
        ("6/m", CrystalSystem.Hexagonal, [2, 0, 2, 1, 1, 1, 1, 2, 0, 2]),
        ("622", CrystalSystem.Hexagonal, [0, 0, 0, 0, 0, 1, 7, 2, 0, 2]),
        ("6mm", CrystalSystem.Hexagonal, [0, 0, 0, 6, 0, 1, 1, 2, 0, 2]),
        ("-6m2", CrystalSystem.Hexagonal, [2, 0, 0, 4, 0, 1, 3, 2, 0, 0]),
        ("6/mmm", CrystalSystem.Hexagonal, [2, 0, 2, 7, 1, 1, 7, 2, 0, 2]),
        ("23", CrystalSystem.Cubic, [0, 0, 0, 0, 0, 1, 3, 8, 0, 0]),
        ("m-3", CrystalSystem.Cubic, [0, 0, 8, 3, 1, 1, 3, 8, 0, 0]),
        ("432", CrystalSystem.Cubic, [0, 0, 0, 0, 0, 1, 9, 8, 6, 0]),
        ("-43m", CrystalSystem.Cubic, [0, 6, 0, 6, 0, 1, 3, 8, 0, 0]),
        ("m-3m", CrystalSystem.Cubic, [0, 6, 8, 9, 1, 1, 9, 8, 6, 0]),
    ];

    /// <summary>
    /// Rotation type: order of the proper part, negative for improper operations (−1 inversion, −2 mirror,
    /// −3, −4, −6 rotoinversions); 0 if the matrix is not a crystallographic rotation.
    /// </summary>
    public static int TypeOf(IntMat3 w) => (w.Determinant, w.Trace) switch
    {
        (1, 3) => 1,
        (1, -1) => 2,
        (1, 0) => 3,
        (1, 1) => 4,
        (1, 2) => 6,
        (-1, -3) => -1,
        (-1, 1) => -2,
        (-1, 0) => -3,
        (-1, -1) => -4,
        (-1, -2) => -6,
        _ => 0,
    };

    /// <summary>The point-group symbol and crystal system of <paramref name="rotations"/>, or null if no class matches.</summary>
    public static (string Symbol, CrystalSystem System)? Classify(IEnumerable<IntMat3> rotations)
    {
        ArgumentNullException.ThrowIfNull(rotations);
        var counts = new int[10];
        foreach (var w in rotations.Distinct())
        {
            int slot = TypeOf(w) switch
            {
                -6 => 0,
                -4 => 1,
                -3 => 2,
                -2 => 3,
                -1 => 4,
                1 => 5,
                2 => 6,
                3 => 7,
                4 => 8,
                6 => 9,
                _ => -1,
            };
            if (slot < 0)
            {
                return null;
            }

            counts[slot]++;
        }

        foreach (var (symbol, system, c) in Table)
        {
            if (c.AsSpan().SequenceEqual(counts))
            {
                return (symbol, system);
            }
        }

        return null;
    }
}
