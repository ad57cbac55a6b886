namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Assigns points to class prototypes (unit mean fingerprints) by cosine similarity, with the two-class test for
/// "mixed" points: a non-negative sum of the best class and another (<see cref="TwoClassFit"/>) that leaves at most
/// <see cref="ClassifierOptions.MixedResidualRatio"/> of the single class's misfit, the other class carrying at least
/// <see cref="ClassifierOptions.MixedMinShare"/>. Points resembling no class (cosine below
/// <see cref="ClassifierOptions.MinSimilarity"/>) are mixed and flagged unexplained.
/// </summary>
internal static class ClassAssignment
{
    public static void Assign(float[] fingerprints, int[] active, int dim, float[] prototypes, int k, ClassifierOptions options, int[] labels, bool[] unexplained)
    {
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
                uv[(a * k) + b] = SphericalKMeans.Dot(prototypes.AsSpan(a * dim, dim), prototypes.AsSpan(b * dim, dim));
            }
        }

        Parallel.ForEach(active, i =>
        {
            var x = fingerprints.AsSpan(i * dim, dim);
            Span<double> sims = stackalloc double[k];
            int best = 0;
            for (int c = 0; c < k; c++)
            {
                sims[c] = SphericalKMeans.Dot(x, prototypes.AsSpan(c * dim, dim));
                if (sims[c] > sims[best])
                {
                    best = c;
                }
            }

            bool mixed = false;
            for (int b = 0; b < k && !mixed; b++)
            {
                if (b == best)
                {
                    continue;
                }

                var fit = TwoClassFit.From(sims[best], sims[b], uv[(best * k) + b]);
                double before = 1 - (sims[best] * sims[best]), after = 1 - (fit.Cosine * fit.Cosine);
                mixed = fit.ShareOfSecond >= options.MixedMinShare && after <= options.MixedResidualRatio * before;
            }

            if (mixed)
            {
                labels[i] = ClassLabels.Mixed;
            }
            else if (sims[best] >= options.MinSimilarity)
            {
                labels[i] = best;
            }
            else
            {
                labels[i] = ClassLabels.Mixed;
                unexplained[i] = true;
            }
        });
    }
}
