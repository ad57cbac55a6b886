namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Assigns points to classes by cosine similarity, with the two-class test for "mixed" points.
/// <list type="bullet">
/// <item>A point's similarity to a class is the larger of its cosine with the class's mean fingerprint and with the
/// patterns of the regions the class was learnt from (a domain's rim, where only some reflections are excited, finds
/// its class through the rim's region).</item>
/// <item>It is <b>mixed</b> when a non-negative sum α·u + β·v of its class's mean u and another class's mean v
/// (<see cref="TwoClassFit"/>) explains it well (cosine ≥ <see cref="ClassifierOptions.MixedMinFit"/>), better than
/// any single class, and each of the two carries at least <see cref="ClassifierOptions.MixedMinShare"/> of its
/// scattered intensity (<see cref="TwoClassFit.IntensityShare"/>) — the paper's "peaks of two classes at once", not a
/// faint tail of the neighbouring domain. A relative drop of the misfit alone is no evidence: a point its own class
/// already fits to cos 0.99 is nearly always fitted a little better by adding anything.</item>
/// <item>A point resembling no class (cosine below <see cref="ClassifierOptions.MinSimilarity"/>) is mixed and flagged
/// unexplained (the spatial clean-up may give it its neighbours' class).</item>
/// </list>
/// </summary>
internal static class ClassAssignment
{
    /// <summary>Assigns the <paramref name="active"/> points.</summary>
    /// <param name="fingerprints">Points × <paramref name="dim"/>, unit rows.</param>
    /// <param name="active">Points to assign.</param>
    /// <param name="dim">Fingerprint length.</param>
    /// <param name="means">Per class, its mean fingerprint (unit length).</param>
    /// <param name="prototypes">Further patterns of each class (unit length) and the class they belong to.</param>
    /// <param name="options">Settings.</param>
    /// <param name="labels">Receives the class, or <see cref="ClassLabels.Mixed"/>.</param>
    /// <param name="unexplained">Set for points resembling no class.</param>
    /// <param name="pairs">Receives, for mixed points explained by two classes, (the better class, the other); else (−1, −1).</param>
    public static void Assign(float[] fingerprints, int[] active, int dim, IReadOnlyList<float[]> means, IReadOnlyList<(float[] Pattern, int Class)> prototypes,
        ClassifierOptions options, int[] labels, bool[] unexplained, (int First, int Second)[] pairs)
    {
        Array.Fill(pairs, (-1, -1));
        int k = means.Count;
        if (k == 0)
        {
            foreach (int i in active)
            {
                labels[i] = ClassLabels.Mixed;
                unexplained[i] = true;
            }

            return;
        }

        var uv = new double[k * k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                uv[(a * k) + b] = SphericalKMeans.Dot(means[a], means[b]);
            }
        }

        Parallel.ForEach(active, () => (Mean: new double[k], Best: new double[k]), (i, _, buffers) =>
        {
            var x = fingerprints.AsSpan(i * dim, dim);
            var mean = buffers.Mean;
            var best = buffers.Best;
            for (int c = 0; c < k; c++)
            {
                mean[c] = SphericalKMeans.Dot(x, means[c]);
                best[c] = mean[c];
            }

            foreach (var (pattern, c) in prototypes)
            {
                best[c] = Math.Max(best[c], SphericalKMeans.Dot(x, pattern));
            }

            int top = 0;
            for (int c = 1; c < k; c++)
            {
                if (best[c] > best[top])
                {
                    top = c;
                }
            }

            int second = -1;
            double secondFit = 0;
            for (int b = 0; b < k; b++)
            {
                if (b == top)
                {
                    continue;
                }

                var fit = TwoClassFit.From(mean[top], mean[b], uv[(top * k) + b]);
                if (fit.Cosine >= options.MixedMinFit && fit.Cosine > best[top] && fit.Cosine > secondFit)
                {
                    double share = TwoClassFit.IntensityShare(x, means[top], means[b]);
                    if (share >= options.MixedMinShare && share <= 1 - options.MixedMinShare)
                    {
                        (second, secondFit) = (b, fit.Cosine);
                    }
                }
            }

            if (second >= 0)
            {
                labels[i] = ClassLabels.Mixed;
                pairs[i] = (top, second);
            }
            else if (best[top] >= options.MinSimilarity)
            {
                labels[i] = top;
            }
            else
            {
                labels[i] = ClassLabels.Mixed;
                unexplained[i] = true;
            }

            return buffers;
        }, _ => { });
    }
}
