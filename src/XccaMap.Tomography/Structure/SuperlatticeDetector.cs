using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Structure;

/// <summary>
/// The periodicity of the whole structure may be lower than that of the large particles alone (NaZn13: the
/// PbSe form a simple cubic lattice of 14 nm, but the CdSe icosahedra alternate by 90° from cube to cube, so
/// the structure repeats on an fcc lattice with a 28 nm cube). The 124 translations n·(a, b, c), |nᵢ| ≤ 2, of the
/// large-particle lattice are scored on the other species (<see cref="TranslationScore.EvaluateSoft"/>); the
/// structure's cell is the sublattice (index 2…4) whose translations score well while all others score poorly,
/// or the large-particle lattice itself when no sublattice separates them.
/// </summary>
public static class SuperlatticeDetector
{
    /// <summary>A sublattice is the structure's cell if the translations outside it score at most this fraction of those inside.</summary>
    public const double MaxRatio = 0.35;

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

        // Every sublattice T of index 2…4 splits the candidates into translations of T and the rest. For the true
        // cell the rest score far lower than T's own translations; where the other species share the primary
        // lattice, no T separates them. Averaging over the candidates makes this robust to single scores.
        Mat3 best = Mat3.Identity;
        double bestRatio = MaxRatio;
        for (int n = 2; n <= 4; n++)
        {
            foreach (var h in SublatticeSelection.HermiteNormalForms(n))
            {
                Mat3 hi = h.Inverse();
                double inSum = 0, outSum = 0;
                int inCount = 0, outCount = 0;
                foreach (var (idx, score) in scores)
                {
                    if (IsInteger(hi * idx))
                    {
                        inSum += score;
                        inCount++;
                    }
                    else
                    {
                        outSum += score;
                        outCount++;
                    }
                }

                if (inCount == 0 || outCount == 0 || !(inSum > 0))
                {
                    continue;
                }

                double ratio = (outSum / outCount) / (inSum / inCount);
                if (ratio < bestRatio - 1e-9)
                {
                    (best, bestRatio) = (h, ratio);
                }
            }
        }

        return (best, scores);
    }

    private static bool IsInteger(Vec3 v) =>
        Math.Abs(v.X - Math.Round(v.X)) < 1e-6 && Math.Abs(v.Y - Math.Round(v.Y)) < 1e-6 && Math.Abs(v.Z - Math.Round(v.Z)) < 1e-6;
}
