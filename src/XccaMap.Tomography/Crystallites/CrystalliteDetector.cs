using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Order;
using XccaMap.Tomography.Structure;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tomography.Crystallites;

/// <summary>
/// The loop of Friedrich et al. 2009 (SI, "Detection of crystalline clusters" … "Completing the crystallites"):
/// seed at the largest remaining Q₆, grow the eq. 3 cluster; if it has more than the minimum number of
/// particles, find its lattice (eqs. 4–5) and complete it on the lattice; exclude its particles and repeat.
/// Clusters that are too small or do not index are set aside (not seeds again, but completion may take them).
/// </summary>
public static class CrystalliteDetector
{
    /// <summary>One detected crystallite: members (indices into the Voronoi set), lattice and the seed cluster.</summary>
    public sealed record Found(List<int> Members, LatticeFit Fit, LatticeGuess Guess, int Seed, int ClusterSize);

    /// <summary>Detects crystallites among <paramref name="positions"/> (nm).</summary>
    /// <param name="positions">Primary-species particles (nm).</param>
    /// <param name="voronoi">Their Voronoi neighbours.</param>
    /// <param name="order">Their q₆ vectors.</param>
    /// <param name="meanRadius">Mean particle radius (nm), σ of eq. 4.</param>
    /// <param name="cqThreshold">C_q threshold of eq. 3.</param>
    /// <param name="minimumClusterSize">Clusters need more particles than this.</param>
    /// <param name="nodeToleranceFraction">Node tolerance as a fraction of the neighbour distance.</param>
    /// <param name="progress">Optional progress messages.</param>
    public static (List<Found> Crystallites, int[] CrystalliteOf, int Rejected) Detect(
        IReadOnlyList<Vec3> positions, VoronoiTessellation voronoi, BondOrder order, double meanRadius,
        double cqThreshold, int minimumClusterSize, double nodeToleranceFraction, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(voronoi);
        ArgumentNullException.ThrowIfNull(order);
        int n = positions.Count;
        var crystalliteOf = Enumerable.Repeat(-1, n).ToArray();
        var growable = Enumerable.Range(0, n).Select(i => !voronoi.IsOpen[i]).ToArray(); // unassigned, not set aside, trusted
        var completable = Enumerable.Repeat(true, n).ToArray(); // not in a crystallite
        var found = new List<Found>();
        int rejected = 0;
        var seeds = Enumerable.Range(0, n).Where(i => growable[i] && double.IsFinite(order.Q6[i])).OrderByDescending(i => order.Q6[i]).ToList();
        foreach (int seed in seeds)
        {
            if (!growable[seed])
            {
                continue;
            }

            var cluster = CrystalliteGrowth.Grow(seed, voronoi, order, growable, cqThreshold);
            var result = cluster.Count > minimumClusterSize ? Index(cluster) : null;
            if (result is null)
            {
                foreach (int i in cluster)
                {
                    growable[i] = false;
                }

                rejected++;
                continue;
            }

            int id = found.Count;
            foreach (int i in result.Value.Members)
            {
                crystalliteOf[i] = id;
                growable[i] = false;
                completable[i] = false;
            }

            found.Add(new Found(result.Value.Members, result.Value.Fit, result.Value.Guess, seed, cluster.Count));
            progress?.Report(FormattableString.Invariant($"crystallite {id}: {result.Value.Members.Count} particles (cluster of {cluster.Count} from seed Q6 = {order.Q6[seed]:F3})"));
        }

        return (found, crystalliteOf, rejected);

        (List<int> Members, LatticeFit Fit, LatticeGuess Guess)? Index(List<int> cluster)
        {
            var pos = cluster.Select(k => positions[k]).ToArray();
            var guess = LatticeFinder.Find(pos, meanRadius);
            if (guess is null)
            {
                return null;
            }

            double tol = nodeToleranceFraction * guess.NearestNeighbor;
            var fit = LatticeSelection.Choose(pos, guess, tol);
            if (fit is null || fit.Fitted < cluster.Count / 2)
            {
                return null;
            }

            // Completion accepts particles within the noise of a node (3 × RMS displacement, at most the fit's
            // tolerance): a wider window would let the growth percolate into neighbouring grains.
            double completionTol = Math.Clamp(3 * fit.Rms, 0.1 * guess.NearestNeighbor, tol);
            var completed = CrystalliteCompletion.Complete(cluster, positions, voronoi, fit, completable, completionTol);
            var refit = LatticeFitter.Fit(completed.Select(k => positions[k]).ToArray(), fit.Lattice.A, fit.Lattice.B, fit.Lattice.C, tol, fit.SiteOrigins[0]);
            if (refit is null)
            {
                return null;
            }

            var onLattice = Enumerable.Range(0, completed.Count).Where(m => refit.Site[m] >= 0).Select(m => completed[m]).ToList();
            if (onLattice.Count <= minimumClusterSize)
            {
                return null;
            }

            var final = LatticeFitter.Fit(onLattice.Select(k => positions[k]).ToArray(), refit.Lattice.A, refit.Lattice.B, refit.Lattice.C, tol, refit.SiteOrigins[0]);
            return final is null ? null : (onLattice, final, guess);
        }
    }
}
