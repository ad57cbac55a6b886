using XccaMap.Tomography.Order;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tomography.Crystallites;

/// <summary>
/// Eq. 3 of Friedrich et al. 2009 (SI): the crystalline cluster of a seed particle i_max is the set of
/// touching (Voronoi-connected) particles j with C_q(i_max, j) &gt; threshold, grown outwards from the seed.
/// Particles with open cells are not trusted for q₆ and are neither seeds nor members here (completion on
/// the lattice may add them later).
/// </summary>
public static class CrystalliteGrowth
{
    /// <summary>The cluster of <paramref name="seed"/> among particles with <paramref name="available"/> set.</summary>
    /// <param name="seed">Seed particle (largest Q₆ among the remaining ones).</param>
    /// <param name="voronoi">Neighbours.</param>
    /// <param name="order">q₆ vectors.</param>
    /// <param name="available">Particles that may join (unassigned and trusted).</param>
    /// <param name="threshold">C_q threshold, 0.5 in the paper.</param>
    public static List<int> Grow(int seed, VoronoiTessellation voronoi, BondOrder order, IReadOnlyList<bool> available, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(voronoi);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(available);
        var member = new HashSet<int> { seed };
        var queue = new Queue<int>();
        queue.Enqueue(seed);
        while (queue.Count > 0)
        {
            int i = queue.Dequeue();
            foreach (int j in voronoi.NeighborsOf(i))
            {
                if (available[j] && !member.Contains(j) && order.Cq(seed, j) > threshold)
                {
                    member.Add(j);
                    queue.Enqueue(j);
                }
            }
        }

        var list = member.ToList();
        list.Sort();
        return list;
    }
}
