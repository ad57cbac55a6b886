namespace XccaMap.Diffraction.Processing;

/// <summary>
/// How deep each point lies inside its class's region of the raster: the number of steps (4-neighbour moves) to
/// the nearest point of another label (another class, mixed, empty or no data); the raster's own border is not an
/// edge. The paper takes the superlattice constant of a domain "in the centre of each domain far from its
/// boundary" (the lattice is compressed at the edges, Fig. 3): the class's indexing uses its deepest points.
/// </summary>
internal static class DomainDepth
{
    /// <summary>Depth per frame (int.MaxValue for a class that fills the raster; 0 for points without a class).</summary>
    /// <param name="labels">Per frame labels.</param>
    /// <param name="hasData">Per frame: read.</param>
    /// <param name="raster">The raster.</param>
    public static int[] Compute(int[] labels, bool[] hasData, Raster raster)
    {
        int rows = raster.Rows, cols = raster.Cols, points = raster.Points;
        var label = new int[points];
        Array.Fill(label, int.MinValue);
        var frameOf = new int[points];
        Array.Fill(frameOf, -1);
        for (int f = 0; f < Math.Min(points, labels.Length); f++)
        {
            int p = raster.MapIndexOfFrame(f);
            frameOf[p] = f;
            label[p] = hasData[f] ? labels[f] : int.MinValue;
        }

        var depthOfPoint = new int[points];
        var queue = new Queue<int>();
        foreach (int c in label.Where(l => l >= 0).Distinct())
        {
            var dist = new int[points];
            Array.Fill(dist, int.MaxValue);
            queue.Clear();
            for (int p = 0; p < points; p++)
            {
                if (label[p] != c)
                {
                    dist[p] = 0;
                    queue.Enqueue(p);
                }
            }

            while (queue.Count > 0)
            {
                int p = queue.Dequeue();
                int r = p / cols, col = p % cols;
                Span<int> next = [r > 0 ? p - cols : -1, r < rows - 1 ? p + cols : -1, col > 0 ? p - 1 : -1, col < cols - 1 ? p + 1 : -1];
                foreach (int q in next)
                {
                    if (q >= 0 && dist[q] == int.MaxValue)
                    {
                        dist[q] = dist[p] + 1;
                        queue.Enqueue(q);
                    }
                }
            }

            for (int p = 0; p < points; p++)
            {
                if (label[p] == c)
                {
                    depthOfPoint[p] = dist[p];
                }
            }
        }

        var result = new int[labels.Length];
        for (int p = 0; p < points; p++)
        {
            if (frameOf[p] >= 0)
            {
                result[frameOf[p]] = label[p] >= 0 ? depthOfPoint[p] : 0;
            }
        }

        return result;
    }

    /// <summary>
    /// The core of a class: its members at the greatest depth d such that at least
    /// max(<paramref name="minPoints"/>, <paramref name="minFraction"/> × members) lie at depth ≥ d.
    /// </summary>
    public static (int[] Core, int Depth) Core(int[] members, int[] depth, int minPoints, double minFraction)
    {
        if (members.Length == 0)
        {
            return ([], 0);
        }

        int needed = Math.Min(members.Length, Math.Max(minPoints, (int)Math.Ceiling(minFraction * members.Length)));
        var sorted = members.Select(f => depth[f]).OrderByDescending(d => d).ToArray();
        int d = sorted[needed - 1];
        return (members.Where(f => depth[f] >= d).ToArray(), d);
    }
}
