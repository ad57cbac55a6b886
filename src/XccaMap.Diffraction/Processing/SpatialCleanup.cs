using XccaMap.Diffraction.Classification;

namespace XccaMap.Diffraction.Processing;

/// <summary>
/// Gives points that no class explains the class of their raster neighbours, like the "grain dilation" clean-up of
/// EBSD maps: near domain edges an out-of-plane rotation can bring reflections onto the Ewald sphere that the
/// domain's bulk pattern lacks, so such a point's peaks alone do not tell its class, but its position inside the
/// domain does. A point flagged <see cref="ClassificationResult.Unexplained"/> takes the class of more than half of
/// its classed neighbours when at least <c>minNeighbours</c> of them agree; repeated until nothing changes (at most
/// 20 rounds), so a band is filled from both sides. A point whose peaks are those of two classes stays mixed.
/// Also, a point without peaks whose every neighbour (at least 3, all with frames) has one and the same class lies
/// inside that domain: a hole smaller than the raster step is a point where the domain's peaks were too weak (the
/// lattice turned out of the Bragg condition), not a gap in the film, and it takes the class.
/// </summary>
internal static class SpatialCleanup
{
    /// <summary>Relabels in place; returns the number of points that got a class.</summary>
    /// <param name="labels">Per frame labels (changed in place).</param>
    /// <param name="unexplained">Per frame: candidate for clean-up.</param>
    /// <param name="hasData">Per frame: a frame was read.</param>
    /// <param name="raster">Maps frames to raster points.</param>
    /// <param name="minNeighbours">Neighbours that must agree.</param>
    public static int Apply(int[] labels, bool[] unexplained, bool[] hasData, Raster raster, int minNeighbours)
    {
        int rows = raster.Rows, cols = raster.Cols, points = raster.Points;
        var frameOf = new int[points];
        Array.Fill(frameOf, -1);
        for (int f = 0; f < Math.Min(points, labels.Length); f++)
        {
            frameOf[raster.MapIndexOfFrame(f)] = f;
        }

        var pending = new HashSet<int>(Enumerable.Range(0, Math.Min(points, labels.Length)).Where(f => unexplained.Length > f && unexplained[f] && hasData[f]));
        int changed = 0;
        for (int round = 0; round < 20 && pending.Count > 0; round++)
        {
            var updates = new List<(int Frame, int Label)>();
            foreach (int f in pending)
            {
                var (r, c) = raster.PointOfFrame(f);
                var votes = new Dictionary<int, int>();
                int classed = 0;
                for (int dr = -1; dr <= 1; dr++)
                {
                    for (int dc = -1; dc <= 1; dc++)
                    {
                        int rr = r + dr, cc = c + dc;
                        if ((dr == 0 && dc == 0) || rr < 0 || rr >= rows || cc < 0 || cc >= cols)
                        {
                            continue;
                        }

                        int g = frameOf[(rr * cols) + cc];
                        if (g < 0 || !hasData[g] || labels[g] < 0 || pending.Contains(g))
                        {
                            continue;
                        }

                        classed++;
                        votes[labels[g]] = votes.GetValueOrDefault(labels[g]) + 1;
                    }
                }

                if (votes.Count == 0)
                {
                    continue;
                }

                var (label, n) = votes.MaxBy(v => v.Value);
                if (n >= minNeighbours && 2 * n > classed)
                {
                    updates.Add((f, label));
                }
            }

            if (updates.Count == 0)
            {
                break;
            }

            foreach (var (f, label) in updates)
            {
                labels[f] = label;
                pending.Remove(f);
                changed++;
            }
        }

        return changed + FillEnclosed(labels, hasData, raster, frameOf);
    }

    /// <summary>Points without peaks enclosed by one class get it; returns how many.</summary>
    private static int FillEnclosed(int[] labels, bool[] hasData, Raster raster, int[] frameOf)
    {
        var updates = new List<(int Frame, int Label)>();
        for (int f = 0; f < Math.Min(raster.Points, labels.Length); f++)
        {
            if (labels[f] != ClassLabels.Empty || !hasData[f])
            {
                continue;
            }

            var (r, c) = raster.PointOfFrame(f);
            int label = int.MinValue, count = 0;
            bool enclosed = true;
            for (int dr = -1; dr <= 1 && enclosed; dr++)
            {
                for (int dc = -1; dc <= 1 && enclosed; dc++)
                {
                    int rr = r + dr, cc = c + dc;
                    if ((dr == 0 && dc == 0) || rr < 0 || rr >= raster.Rows || cc < 0 || cc >= raster.Cols)
                    {
                        continue;
                    }

                    int g = frameOf[(rr * raster.Cols) + cc];
                    enclosed = g >= 0 && hasData[g] && labels[g] >= 0 && (label == int.MinValue || labels[g] == label);
                    label = enclosed ? labels[g] : label;
                    count++;
                }
            }

            if (enclosed && count >= 3)
            {
                updates.Add((f, label));
            }
        }

        foreach (var (f, label) in updates)
        {
            labels[f] = label;
        }

        return updates.Count;
    }
}
