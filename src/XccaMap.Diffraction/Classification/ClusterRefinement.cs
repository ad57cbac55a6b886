namespace XccaMap.Diffraction.Classification;

/// <summary>Post-processing of k-means clusters: merging near-duplicates and a few Lloyd iterations.</summary>
internal static class ClusterRefinement
{
    /// <summary>
    /// Merges the most similar pair of clusters (size-weighted mean) while their centroids' cosine is at least
    /// <paramref name="threshold"/>, then polishes with a few Lloyd iterations; empty clusters are dropped.
    /// </summary>
    public static float[] MergeSimilar(float[] data, int count, int dim, float[] centroids, ref int k, double threshold)
    {
        var assign = new int[count];
        SphericalKMeans.Assign(data, count, dim, centroids, k, assign, out _);
        var sizes = new double[k];
        foreach (int a in assign)
        {
            sizes[a]++;
        }

        var list = Enumerable.Range(0, k).Where(c => sizes[c] > 0).Select(c => (Vector: centroids.AsSpan(c * dim, dim).ToArray(), Size: sizes[c])).ToList();
        while (list.Count > 1)
        {
            double best = double.NegativeInfinity;
            int bi = -1, bj = -1;
            for (int i = 0; i < list.Count; i++)
            {
                for (int j = i + 1; j < list.Count; j++)
                {
                    double s = SphericalKMeans.Dot(list[i].Vector, list[j].Vector);
                    if (s > best)
                    {
                        (best, bi, bj) = (s, i, j);
                    }
                }
            }

            if (best < threshold)
            {
                break;
            }

            var (a, na) = list[bi];
            var (b, nb) = list[bj];
            var merged = new float[dim];
            for (int d = 0; d < dim; d++)
            {
                merged[d] = (float)((na * a[d]) + (nb * b[d]));
            }

            SphericalKMeans.Normalise(merged);
            list[bi] = (merged, na + nb);
            list.RemoveAt(bj);
        }

        k = list.Count;
        return Lloyd(data, count, dim, list.SelectMany(c => c.Vector).ToArray(), ref k, 10);
    }

    /// <summary>Lloyd iterations from the given centroids; clusters that lose all points are removed.</summary>
    public static float[] Lloyd(float[] data, int count, int dim, float[] centroids, ref int k, int iterations)
    {
        var assign = new int[count];
        for (int it = 0; it < iterations; it++)
        {
            SphericalKMeans.Assign(data, count, dim, centroids, k, assign, out bool changed);
            var sums = new double[k * dim];
            var sizes = new int[k];
            for (int i = 0; i < count; i++)
            {
                sizes[assign[i]]++;
                for (int d = 0; d < dim; d++)
                {
                    sums[(assign[i] * dim) + d] += data[(i * dim) + d];
                }
            }

            var kept = Enumerable.Range(0, k).Where(c => sizes[c] > 0).ToList();
            var next = new float[kept.Count * dim];
            for (int j = 0; j < kept.Count; j++)
            {
                for (int d = 0; d < dim; d++)
                {
                    next[(j * dim) + d] = (float)sums[(kept[j] * dim) + d];
                }

                SphericalKMeans.Normalise(next.AsSpan(j * dim, dim));
            }

            centroids = next;
            k = kept.Count;
            if (!changed && it > 0)
            {
                break;
            }
        }

        return centroids;
    }
}
