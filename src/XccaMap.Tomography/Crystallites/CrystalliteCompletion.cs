using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Structure;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tomography.Crystallites;

/// <summary>
/// Crystallite completion (Friedrich et al. 2009 SI, "Completing the crystallites"): the cluster grows one
/// particle at a time by any particle that touches it (Voronoi neighbour) and lies within the node tolerance
/// of a node of the fitted lattice. Surface particles (open cells) may join here.
/// </summary>
public static class CrystalliteCompletion
{
    /// <summary>Members after completion (the input members first).</summary>
    /// <param name="members">Cluster members (indices into <paramref name="positions"/>).</param>
    /// <param name="positions">Positions of the Voronoi particle set (nm).</param>
    /// <param name="voronoi">Neighbours.</param>
    /// <param name="fit">The cluster's lattice.</param>
    /// <param name="available">Particles not yet in any crystallite.</param>
    /// <param name="tolerance">Largest distance from a node (nm).</param>
    public static List<int> Complete(IReadOnlyList<int> members, IReadOnlyList<Vec3> positions, VoronoiTessellation voronoi, LatticeFit fit, IReadOnlyList<bool> available, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(voronoi);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(available);
        var result = new List<int>(members);
        var inside = new HashSet<int>(members);
        var rejected = new HashSet<int>();
        var queue = new Queue<int>(members);
        while (queue.Count > 0)
        {
            int i = queue.Dequeue();
            foreach (int j in voronoi.NeighborsOf(i))
            {
                if (!available[j] || inside.Contains(j) || rejected.Contains(j))
                {
                    continue;
                }

                if (fit.Locate(positions[j]).Residual.Norm <= tolerance)
                {
                    inside.Add(j);
                    result.Add(j);
                    queue.Enqueue(j);
                }
                else
                {
                    rejected.Add(j);
                }
            }
        }

        return result;
    }
}
