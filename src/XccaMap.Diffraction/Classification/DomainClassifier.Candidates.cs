namespace XccaMap.Diffraction.Classification;

/// <summary>The candidate patterns classes are learnt from (raster regions or k-means clusters) and fixed-k classes.</summary>
public static partial class DomainClassifier
{
    /// <summary>One candidate per raster region (<see cref="RasterSegmentation"/>); the population is every point with signal.</summary>
    private static (List<PatternCandidate> Candidates, int Population) RegionCandidates(float[] fingerprints, bool[] hasSignal, int dim, int[][] neighbours, ClassifierOptions options, int blockLength)
    {
        var region = RasterSegmentation.Segment(fingerprints, hasSignal, dim, neighbours, options.SegmentScale, Math.Max(1, options.SegmentMinPoints));
        int regions = region.Length == 0 ? 0 : region.Max() + 1;
        var sums = new double[regions][];
        var sizes = new int[regions];
        var interior = new int[regions];
        var borders = new HashSet<int>[regions];
        for (int s = 0; s < regions; s++)
        {
            sums[s] = new double[dim];
            borders[s] = [];
        }

        int population = 0;
        for (int i = 0; i < region.Length; i++)
        {
            int s = region[i];
            if (s < 0)
            {
                continue;
            }

            population++;
            sizes[s]++;
            var x = fingerprints.AsSpan(i * dim, dim);
            for (int d = 0; d < dim; d++)
            {
                sums[s][d] += x[d];
            }

            // Interior: every raster neighbour has signal and lies in the same region (a region along empty ground or
            // the rim of another domain is not interior there: the lattice turns at any domain edge).
            bool inside = true;
            foreach (int j in neighbours[i])
            {
                int t = j >= 0 && j < region.Length ? region[j] : -1;
                if (t != s)
                {
                    inside = false;
                    if (t >= 0)
                    {
                        borders[s].Add(t);
                    }
                }
            }

            interior[s] += inside ? 1 : 0;
        }

        var candidates = new List<PatternCandidate>(regions);
        for (int s = 0; s < regions; s++)
        {
            var pattern = sums[s].Select(v => (float)v).ToArray();
            SphericalKMeans.Normalise(pattern);
            var support = ClassSupport.FromCentroid(pattern, options.SupportFraction, options.SupportDilation, blockLength);
            candidates.Add(new PatternCandidate(pattern, sizes[s], interior[s], support, borders[s]) { Spatial = true });
        }

        return (candidates, population);
    }

    /// <summary>
    /// One candidate per cluster of a spherical k-means over-segmentation of (a sample of) the points, near-duplicates
    /// merged; without a raster every point counts as interior. The population is the sample.
    /// </summary>
    private static (List<PatternCandidate> Candidates, int Population) ClusterCandidates(float[] fingerprints, int[] active, int dim, ClassifierOptions options, int blockLength)
    {
        var sample = Sample(active, options.SampleSize);
        var data = Gather(fingerprints, sample, dim);
        var (centroids, k, _) = SphericalKMeans.Cluster(data, sample.Length, dim, Math.Max(1, options.InitialClusters), options.Seed);
        centroids = ClusterRefinement.MergeSimilar(data, sample.Length, dim, centroids, ref k, options.MergeSimilarity);
        var assign = new int[sample.Length];
        SphericalKMeans.Assign(data, sample.Length, dim, centroids, k, assign, out _);
        var sizes = new int[k];
        foreach (int a in assign)
        {
            sizes[a]++;
        }

        var candidates = new List<PatternCandidate>(k);
        for (int c = 0; c < k; c++)
        {
            var pattern = centroids.AsSpan(c * dim, dim).ToArray();
            var support = ClassSupport.FromCentroid(pattern, options.SupportFraction, options.SupportDilation, blockLength);
            candidates.Add(new PatternCandidate(pattern, sizes[c], sizes[c], support, new HashSet<int>()));
        }

        return (candidates, sample.Length);
    }

    /// <summary>A fixed number of classes: the clusters of a spherical k-means with that k, largest first.</summary>
    private static List<float[]> FixedClasses(float[] fingerprints, int[] active, int dim, int classes, ClassifierOptions options)
    {
        var sample = Sample(active, options.SampleSize);
        var data = Gather(fingerprints, sample, dim);
        var (centroids, k, assign) = SphericalKMeans.Cluster(data, sample.Length, dim, Math.Max(1, classes), options.Seed);
        var sizes = new int[k];
        foreach (int a in assign)
        {
            sizes[a]++;
        }

        return Enumerable.Range(0, k).Where(c => sizes[c] > 0).OrderByDescending(c => sizes[c]).ThenBy(c => c)
            .Select(c => centroids.AsSpan(c * dim, dim).ToArray()).ToList();
    }
}
