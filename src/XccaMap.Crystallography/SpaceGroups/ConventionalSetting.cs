using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// Candidate conventional bases (ITA) for a point group given in a primitive basis: the axes come from
/// the rotation axes (c along the 3-, 4- or 6-fold axis, cube axes along the 4- or 2-folds, orthorhombic
/// axes along the three 2-folds, b along the monoclinic 2-fold), each the shortest lattice vector in its
/// direction. Columns of each candidate P hold the conventional basis vectors in the primitive basis
/// (det P = number of lattice points per conventional cell).
/// </summary>
internal static class ConventionalSetting
{
    private const int Range = 4;

    public static IEnumerable<IntMat3> Candidates(CrystalSystem system, IReadOnlyList<IntMat3> rotations, Lattice lattice)
    {
        var proper = rotations.Select(w => w.Determinant == 1 ? w : -w).Distinct().ToList();
        switch (system)
        {
            case CrystalSystem.Triclinic:
                yield return IntMat3.Identity;
                break;
            case CrystalSystem.Monoclinic:
            {
                var w2 = proper.First(w => PointGroupClassifier.TypeOf(w) == 2);
                var b = Axis(w2, lattice);
                var plane = Shortest(lattice, n => Eq(w2.Apply(n), Neg(n)), 6);
                for (int i = 0; i < plane.Count; i++)
                {
                    for (int j = 0; j < plane.Count; j++)
                    {
                        var p = Right(IntMat3.FromColumns(plane[i], b, plane[j]));
                        if (p.Determinant != 0)
                        {
                            yield return p;
                        }
                    }
                }

                break;
            }

            case CrystalSystem.Orthorhombic:
            {
                var axes = proper.Where(w => PointGroupClassifier.TypeOf(w) == 2).Select(w => Axis(w, lattice)).ToList();
                foreach (var perm in new[] { (0, 1, 2), (1, 2, 0), (2, 0, 1), (1, 0, 2), (0, 2, 1), (2, 1, 0) })
                {
                    yield return Right(IntMat3.FromColumns(axes[perm.Item1], axes[perm.Item2], axes[perm.Item3]));
                }

                break;
            }

            case CrystalSystem.Tetragonal:
            {
                var w4 = proper.First(w => PointGroupClassifier.TypeOf(w) == 4);
                var c = Axis(w4, lattice);
                var a = Shortest(lattice, n => Eq(w4.Apply(w4.Apply(n)), Neg(n)), 1)[0];
                var p = IntMat3.FromColumns(a, w4.Apply(a), c);
                yield return p.Determinant > 0 ? p : IntMat3.FromColumns(a, Neg(w4.Apply(a)), c);
                break;
            }

            case CrystalSystem.Trigonal or CrystalSystem.Hexagonal:
            {
                var w = proper.FirstOrDefault(r => PointGroupClassifier.TypeOf(r) == 6);
                var w3 = w != default ? w * w : proper.First(r => PointGroupClassifier.TypeOf(r) == 3);
                var c = Axis(w3, lattice);
                var a = Shortest(lattice, n => Eq(Add(Add(n, w3.Apply(n)), w3.Apply(w3.Apply(n))), (0, 0, 0)), 1)[0];
                var p = IntMat3.FromColumns(a, w3.Apply(a), c);
                p = p.Determinant > 0 ? p : IntMat3.FromColumns(a, w3.Apply(w3.Apply(a)), c);
                yield return p;
                // The same axes turned by 180° about c: swaps obverse and reverse rhombohedral centring.
                yield return IntMat3.FromColumns(Neg(p.Apply((1, 0, 0))), Neg(p.Apply((0, 1, 0))), c);
                break;
            }

            default:
            {
                var fours = proper.Where(r => PointGroupClassifier.TypeOf(r) == 4).ToList();
                var source = fours.Count > 0 ? fours : proper.Where(r => PointGroupClassifier.TypeOf(r) == 2).ToList();
                var axes = new List<(int, int, int)>();
                foreach (var r in source)
                {
                    var ax = Axis(r, lattice);
                    if (!axes.Any(x => Eq(x, ax) || Eq(x, Neg(ax))))
                    {
                        axes.Add(ax);
                    }
                }

                if (axes.Count == 3)
                {
                    yield return Right(IntMat3.FromColumns(axes[0], axes[1], axes[2]));
                }

                break;
            }
        }
    }

    /// <summary>Shortest lattice vector n with W·n = n (the rotation axis).</summary>
    public static (int X, int Y, int Z) Axis(IntMat3 w, Lattice lattice) => Shortest(lattice, n => Eq(w.Apply(n), n), 1)[0];

    private static List<(int X, int Y, int Z)> Shortest(Lattice lattice, Func<(int X, int Y, int Z), bool> accept, int count)
    {
        var found = new List<((int, int, int) N, double L)>();
        for (int i = -Range; i <= Range; i++)
        {
            for (int j = -Range; j <= Range; j++)
            {
                for (int k = -Range; k <= Range; k++)
                {
                    if ((i, j, k) != (0, 0, 0) && accept((i, j, k)))
                    {
                        found.Add(((i, j, k), lattice.ToCartesian(new Vec3(i, j, k)).Norm));
                    }
                }
            }
        }

        // Prefer short vectors; among equals, deterministic order; drop vectors parallel to an earlier one.
        var result = new List<(int, int, int)>();
        foreach (var (n, _) in found.OrderBy(f => Math.Round(f.L, 9)).ThenBy(f => f.N))
        {
            if (!result.Any(r => Parallel(r, n)))
            {
                result.Add(n);
            }

            if (result.Count == count)
            {
                break;
            }
        }

        if (result.Count < count)
        {
            throw new InvalidOperationException("No lattice vector found for a rotation axis; the operations are not crystallographic.");
        }

        return result;
    }

    private static IntMat3 Right(IntMat3 p) => p.Determinant >= 0 ? p : IntMat3.FromColumns(Neg(p.Apply((1, 0, 0))), p.Apply((0, 1, 0)), p.Apply((0, 0, 1)));

    private static bool Parallel((int X, int Y, int Z) a, (int X, int Y, int Z) b) =>
        (a.Y * b.Z) - (a.Z * b.Y) == 0 && (a.Z * b.X) - (a.X * b.Z) == 0 && (a.X * b.Y) - (a.Y * b.X) == 0;

    private static bool Eq((int X, int Y, int Z) a, (int X, int Y, int Z) b) => a == b;

    private static (int X, int Y, int Z) Neg((int X, int Y, int Z) a) => (-a.X, -a.Y, -a.Z);

    private static (int X, int Y, int Z) Add((int X, int Y, int Z) a, (int X, int Y, int Z) b) => (a.X + b.X, a.Y + b.Y, a.Z + b.Z);
}
