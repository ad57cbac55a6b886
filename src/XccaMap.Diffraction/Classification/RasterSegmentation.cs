namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Splits the raster into regions of continuously varying angular pattern: the graph-based segmentation of
/// Felzenszwalb &amp; Huttenlocher (2004, "Efficient graph-based image segmentation") on the raster's 8-neighbour
/// graph with edge weight w = 1 − cos between the two points' fingerprints. Edges are taken from the lightest; two
/// regions join when the edge between them is no heavier than the heaviest edge already inside either region plus
/// <c>scale / size</c> of that region. A domain whose lattice turns gradually towards its edge stays one region,
/// while the jump to another domain (or to a line of mixed points between two) separates regions; regions smaller
/// than <c>minPoints</c> join the neighbour they are most similar to. O(E log E) for E ≈ 4 × points edges.
/// </summary>
internal static class RasterSegmentation
{
    /// <summary>Segments the points with signal.</summary>
    /// <param name="fingerprints">Points × <paramref name="dim"/>, unit rows.</param>
    /// <param name="hasSignal">Per point: false = not segmented (region −1).</param>
    /// <param name="dim">Fingerprint length.</param>
    /// <param name="neighbours">Per point, its raster neighbours.</param>
    /// <param name="scale">The k of Felzenszwalb &amp; Huttenlocher, in units of 1 − cos: larger = larger regions.</param>
    /// <param name="minPoints">Smallest region kept on its own.</param>
    /// <returns>Region of each point, 0 … count − 1, or −1 without signal.</returns>
    public static int[] Segment(float[] fingerprints, bool[] hasSignal, int dim, int[][] neighbours, double scale, int minPoints)
    {
        int n = hasSignal.Length;
        var edges = new List<(float Weight, int A, int B)>(4 * n);
        for (int i = 0; i < n; i++)
        {
            if (!hasSignal[i])
            {
                continue;
            }

            foreach (int j in neighbours[i])
            {
                if (j > i && j < n && hasSignal[j])
                {
                    double cos = SphericalKMeans.Dot(fingerprints.AsSpan(i * dim, dim), fingerprints.AsSpan(j * dim, dim));
                    edges.Add(((float)(1 - cos), i, j));
                }
            }
        }

        // Stable order: weight, then the points (deterministic whatever the sort's algorithm).
        edges.Sort((x, y) => x.Weight != y.Weight ? x.Weight.CompareTo(y.Weight) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var sets = new DisjointSets(n);
        var inner = new double[n];
        foreach (var (w, a, b) in edges)
        {
            int ra = sets.Find(a), rb = sets.Find(b);
            if (ra != rb && w <= Math.Min(inner[ra] + (scale / sets.Size(ra)), inner[rb] + (scale / sets.Size(rb))))
            {
                int r = sets.Union(ra, rb);
                inner[r] = Math.Max(Math.Max(inner[ra], inner[rb]), w);
            }
        }

        // Small regions join along their lightest edge (the edges are still sorted).
        foreach (var (_, a, b) in edges)
        {
            int ra = sets.Find(a), rb = sets.Find(b);
            if (ra != rb && (sets.Size(ra) < minPoints || sets.Size(rb) < minPoints))
            {
                sets.Union(ra, rb);
            }
        }

        var region = new int[n];
        var ids = new Dictionary<int, int>();
        for (int i = 0; i < n; i++)
        {
            if (!hasSignal[i])
            {
                region[i] = -1;
                continue;
            }

            int root = sets.Find(i);
            if (!ids.TryGetValue(root, out int id))
            {
                id = ids.Count;
                ids[root] = id;
            }

            region[i] = id;
        }

        return region;
    }

    /// <summary>Union–find with union by size and path halving.</summary>
    private sealed class DisjointSets
    {
        private readonly int[] _parent;
        private readonly int[] _size;

        public DisjointSets(int n)
        {
            _parent = new int[n];
            _size = new int[n];
            for (int i = 0; i < n; i++)
            {
                _parent[i] = i;
                _size[i] = 1;
            }
        }

        public int Size(int root) => _size[root];

        public int Find(int x)
        {
            while (_parent[x] != x)
            {
                _parent[x] = _parent[_parent[x]];
                x = _parent[x];
            }

            return x;
        }

        /// <summary>Joins two roots; returns the new root.</summary>
        public int Union(int a, int b)
        {
            if (_size[a] < _size[b])
            {
                (a, b) = (b, a);
            }

            _parent[b] = a;
            _size[a] += _size[b];
            return a;
        }
    }
}
