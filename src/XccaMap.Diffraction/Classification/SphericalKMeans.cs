namespace XccaMap.Diffraction.Classification;

/// <summary>
/// k-means on unit vectors with cosine similarity (spherical k-means, Dhillon &amp; Modha 2001): each point joins
/// the centroid it is most similar to, each centroid is the normalised sum of its points. k-means++ seeding
/// (Arthur &amp; Vassilvitskii 2007) with distance 1 − cos, several restarts, a fixed seed: deterministic.
/// </summary>
public static class SphericalKMeans
{
    /// <summary>Clusters <paramref name="count"/> unit vectors of dimension <paramref name="dim"/> (row-major in <paramref name="data"/>).</summary>
    /// <returns>Centroids (k × dim, unit length) and the cluster of each point; fewer than k centroids when there are fewer distinct points.</returns>
    public static (float[] Centroids, int K, int[] Assignment) Cluster(ReadOnlySpan<float> data, int count, int dim, int k, int seed = 1, int restarts = 4, int maxIterations = 50)
    {
        if (data.Length < (long)count * dim)
        {
            throw new ArgumentException($"data holds {data.Length} values; {count} × {dim} needed", nameof(data));
        }

        k = Math.Min(k, count);
        if (k <= 0)
        {
            return ([], 0, new int[count]);
        }

        float[] bestCentroids = [];
        int[] bestAssign = new int[count];
        double bestScore = double.NegativeInfinity;
        var rng = new Random(seed);
        var copy = data[..(count * dim)].ToArray();
        for (int r = 0; r < Math.Max(1, restarts); r++)
        {
            var centroids = Seed(copy, count, dim, k, rng);
            var assign = new int[count];
            double score = 0;
            for (int it = 0; it < maxIterations; it++)
            {
                score = Assign(copy, count, dim, centroids, k, assign, out bool changed);
                Update(copy, count, dim, centroids, k, assign);
                if (!changed && it > 0)
                {
                    break;
                }
            }

            if (score > bestScore)
            {
                bestScore = score;
                bestCentroids = centroids;
                Array.Copy(assign, bestAssign, count);
            }
        }

        return (bestCentroids, k, bestAssign);
    }

    /// <summary>Dot product of two vectors of equal length (their cosine when both are unit vectors).</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>Scales <paramref name="v"/> to unit length; false (and left as is) when it is zero.</summary>
    public static bool Normalise(Span<float> v)
    {
        double s = 0;
        foreach (float x in v)
        {
            s += x * x;
        }

        if (!(s > 0))
        {
            return false;
        }

        float inv = (float)(1 / Math.Sqrt(s));
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= inv;
        }

        return true;
    }

    /// <summary>Assigns each point to its most similar centroid; returns Σ cos (the objective).</summary>
    internal static double Assign(float[] data, int count, int dim, float[] centroids, int k, int[] assign, out bool changed)
    {
        int changes = 0;
        double total = 0;
        var lockObj = new object();
        Parallel.For(0, count, () => (0, 0.0), (i, _, local) =>
        {
            var x = data.AsSpan(i * dim, dim);
            int best = 0;
            double bestSim = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                double s = Dot(x, centroids.AsSpan(c * dim, dim));
                if (s > bestSim)
                {
                    bestSim = s;
                    best = c;
                }
            }

            int ch = local.Item1;
            if (assign[i] != best)
            {
                assign[i] = best;
                ch++;
            }

            return (ch, local.Item2 + bestSim);
        }, local =>
        {
            lock (lockObj)
            {
                changes += local.Item1;
                total += local.Item2;
            }
        });
        changed = changes > 0;
        return total;
    }

    private static void Update(float[] data, int count, int dim, float[] centroids, int k, int[] assign)
    {
        var sums = new double[k * dim];
        var sizes = new int[k];
        for (int i = 0; i < count; i++)
        {
            int c = assign[i];
            sizes[c]++;
            var x = data.AsSpan(i * dim, dim);
            for (int d = 0; d < dim; d++)
            {
                sums[(c * dim) + d] += x[d];
            }
        }

        for (int c = 0; c < k; c++)
        {
            if (sizes[c] == 0)
            {
                continue; // keep the old centroid; it may win points back
            }

            var target = centroids.AsSpan(c * dim, dim);
            for (int d = 0; d < dim; d++)
            {
                target[d] = (float)sums[(c * dim) + d];
            }

            Normalise(target);
        }
    }

    /// <summary>k-means++ seeding with D(x) = 1 − max cos to the chosen centroids.</summary>
    private static float[] Seed(float[] data, int count, int dim, int k, Random rng)
    {
        var centroids = new float[k * dim];
        var dist = new double[count];
        int first = rng.Next(count);
        data.AsSpan(first * dim, dim).CopyTo(centroids);
        for (int i = 0; i < count; i++)
        {
            dist[i] = Math.Max(0, 1 - Dot(data.AsSpan(i * dim, dim), centroids.AsSpan(0, dim)));
        }

        for (int c = 1; c < k; c++)
        {
            double total = dist.Sum(d => d * d);
            int pick;
            if (total <= 0)
            {
                pick = rng.Next(count);
            }
            else
            {
                double u = rng.NextDouble() * total;
                pick = count - 1;
                for (int i = 0; i < count; i++)
                {
                    u -= dist[i] * dist[i];
                    if (u <= 0)
                    {
                        pick = i;
                        break;
                    }
                }
            }

            data.AsSpan(pick * dim, dim).CopyTo(centroids.AsSpan(c * dim, dim));
            for (int i = 0; i < count; i++)
            {
                dist[i] = Math.Min(dist[i], Math.Max(0, 1 - Dot(data.AsSpan(i * dim, dim), centroids.AsSpan(c * dim, dim))));
            }
        }

        return centroids;
    }
}
