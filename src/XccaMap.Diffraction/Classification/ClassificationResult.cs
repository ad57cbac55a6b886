namespace XccaMap.Diffraction.Classification;

/// <summary>The classes of a set of points.</summary>
/// <param name="Labels">Per point: class ≥ 0 (0 = the largest class), <see cref="ClassLabels.Empty"/> or <see cref="ClassLabels.Mixed"/>.</param>
/// <param name="ClassCount">Number of classes.</param>
/// <param name="Centroids">Mean fingerprint of each class (ClassCount × Dimension, unit length).</param>
/// <param name="Dimension">Fingerprint length.</param>
/// <param name="Silhouette">Simplified silhouette (Hruschka et al. 2004) of the class assignment, in [−1, 1]; NaN with fewer than two classes.</param>
/// <param name="MixedClusters">Candidate patterns (raster regions or clusters) found to be sums of two classes: boundaries, no class.</param>
/// <param name="Criterion">How the number of classes was chosen, in words.</param>
public sealed record ClassificationResult(int[] Labels, int ClassCount, float[] Centroids, int Dimension, double Silhouette, int MixedClusters, string Criterion)
{
    /// <summary>
    /// Per point: labelled mixed because no class and no pair of classes explains its peaks (as opposed to a
    /// point explained by two classes). A spatial clean-up may give such points their neighbours' class.
    /// </summary>
    public bool[] Unexplained { get; init; } = [];

    /// <summary>Points per class.</summary>
    public int[] ClassSizes()
    {
        var sizes = new int[ClassCount];
        foreach (int l in Labels)
        {
            if (l >= 0)
            {
                sizes[l]++;
            }
        }

        return sizes;
    }

    /// <summary>Points labelled <paramref name="label"/>.</summary>
    public int Count(int label) => Labels.Count(l => l == label);
}
