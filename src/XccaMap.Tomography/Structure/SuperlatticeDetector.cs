using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Structure;

/// <summary>
/// The periodicity of the whole structure may be lower than that of the large particles alone (NaZn13: the
/// PbSe form a simple cubic lattice of 14 nm, but the CdSe icosahedra alternate by 90° from cube to cube, so
/// the structure repeats on an fcc lattice with a 28 nm cube). Short translations of the large-particle
/// lattice are scored on the other species (<see cref="TranslationScore"/>); those that map them onto
/// themselves span the true lattice, a sublattice of index 1 (no change), 2, 3, 4…
/// </summary>
public static class SuperlatticeDetector
{
    /// <summary>Translations scoring at least this fraction of the best one are symmetries of the other species.</summary>
    public const double RelativeScore = 0.6;

    /// <summary>
    /// Integer matrix M (columns: true base vectors in the basis of <paramref name="lattice"/>) and the scores; M = 1
    /// when every species repeats with <paramref name="lattice"/> or there are too few other particles to tell.
    /// </summary>
    /// <param name="lattice">Base vectors of the large-particle lattice (columns, nm).</param>
    /// <param name="others">Other-species particles of the crystallite, by species (nm).</param>
    /// <param name="region">The crystallite's large particles (nm), defining its extent.</param>
    /// <param name="nearestNeighbor">Large-particle neighbour distance (nm).</param>
    /// <param name="tolerance">σ (nm) of the soft match (<see cref="TranslationScore.EvaluateSoft"/>): the per-axis spread of a pair difference.</param>
    public static (Mat3 M, IReadOnlyList<(Vec3 Indices, double Score)> Scores) Detect(
        Mat3 lattice, IReadOnlyList<IReadOnlyList<Vec3>> others, IReadOnlyList<Vec3> region, double nearestNeighbor, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(others);
        var candidates = new List<Vec3>();
        for (int i = -2; i <= 2; i++)
        {
            for (int j = -2; j <= 2; j++)
            {
                for (int k = -2; k <= 2; k++)
                {
                    if ((i, j, k) != (0, 0, 0))
                    {
                        candidates.Add(new Vec3(i, j, k));
                    }
                }
            }
        }

        var species = others.Where(o => o.Count >= 20).ToList();
        if (species.Count == 0)
        {
            return (Mat3.Identity, []);
        }

        var scorers = species.Select(o => new TranslationScore(o, region, nearestNeighbor, 1)).ToList();
        var scores = new List<(Vec3, double)>();
        foreach (var n in candidates)
        {
            Vec3 v = lattice * n;
            double s = double.MaxValue;
            for (int k = 0; k < species.Count; k++)
            {
                s = Math.Min(s, scorers[k].EvaluateSoft(species[k], v, tolerance, 1500));
            }

            scores.Add((n, s));
        }

        double best = scores.Max(x => x.Item2);
        var accepted = scores.Where(x => x.Item2 >= RelativeScore * best).Select(x => x.Item1).ToList();
        var basis = LatticeFinder.SuccessiveMinima(accepted.Select(n => lattice * n).ToList());
        if (basis is not { } b)
        {
            return (Mat3.Identity, scores);
        }

        Mat3 inv = lattice.Inverse();
        Mat3 m = Round(Mat3.FromColumns(inv * b.A, inv * b.B, inv * b.C));
        double det = Math.Abs(m.Determinant);
        // Every accepted translation must be a lattice vector of the new basis, else the scores are inconsistent.
        Mat3 minv = det >= 1 ? m.Inverse() : Mat3.Identity;
        bool consistent = det >= 1 && accepted.All(n => IsInteger(minv * n));
        return consistent ? (m, scores) : (Mat3.Identity, scores);
    }

    private static Mat3 Round(Mat3 m) => new(
        Math.Round(m.M11), Math.Round(m.M12), Math.Round(m.M13),
        Math.Round(m.M21), Math.Round(m.M22), Math.Round(m.M23),
        Math.Round(m.M31), Math.Round(m.M32), Math.Round(m.M33));

    private static bool IsInteger(Vec3 v) =>
        Math.Abs(v.X - Math.Round(v.X)) < 1e-6 && Math.Abs(v.Y - Math.Round(v.Y)) < 1e-6 && Math.Abs(v.Z - Math.Round(v.Z)) < 1e-6;
}
