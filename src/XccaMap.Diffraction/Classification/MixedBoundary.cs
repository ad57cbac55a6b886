namespace XccaMap.Diffraction.Classification;

/// <summary>
/// The beam sees two domains at once only where it straddles their boundary. A connected group of points that sums of
/// the classes u and v explain (<see cref="ClassAssignment"/>) but that touches no point of class v lies inside u —
/// its pattern is u's, turned near an edge so that it looks partly like v (in the simulator's demo scan a domain's
/// rim turned by 5–9° out of plane resembles a neighbouring orientation) — and gets class u; likewise with u and v
/// swapped. A group touching neither class keeps, point by point, the class that explains it better. Groups touching
/// both stay mixed.
/// </summary>
internal static class MixedBoundary
{
    /// <summary>Relabels in place the mixed groups that are not at a boundary of their two classes.</summary>
    /// <param name="labels">Per point label (changed in place).</param>
    /// <param name="pairs">Per mixed point, its two classes (better first); (−1, −1) for other points.</param>
    /// <param name="neighbours">Per point, its raster neighbours.</param>
    public static void Apply(int[] labels, (int First, int Second)[] pairs, int[][] neighbours)
    {
        var seen = new bool[labels.Length];
        var group = new List<int>();
        var stack = new Stack<int>();
        for (int start = 0; start < labels.Length; start++)
        {
            if (seen[start] || labels[start] != ClassLabels.Mixed || pairs[start].Second < 0)
            {
                continue;
            }

            var key = Pair(pairs[start]);
            group.Clear();
            stack.Push(start);
            seen[start] = true;
            bool touchesA = false, touchesB = false;
            while (stack.Count > 0)
            {
                int i = stack.Pop();
                group.Add(i);
                foreach (int j in neighbours[i])
                {
                    if (j < 0 || j >= labels.Length)
                    {
                        continue;
                    }

                    touchesA |= labels[j] == key.A;
                    touchesB |= labels[j] == key.B;
                    if (!seen[j] && labels[j] == ClassLabels.Mixed && pairs[j].Second >= 0 && Pair(pairs[j]) == key)
                    {
                        seen[j] = true;
                        stack.Push(j);
                    }
                }
            }

            if (touchesA && touchesB)
            {
                continue;
            }

            foreach (int i in group)
            {
                labels[i] = touchesA || touchesB ? (touchesA ? key.A : key.B) : pairs[i].First;
            }
        }

        static (int A, int B) Pair((int First, int Second) p) => (Math.Min(p.First, p.Second), Math.Max(p.First, p.Second));
    }
}
