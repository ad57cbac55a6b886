namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Groups scan points into domain classes by the positions of their angular peaks (design.md §4.5; S.I.
/// "Resolving the domain structure" of Mukharamova et al. 2019), independently for SAXS and WAXS.
/// <list type="number">
/// <item>Points without angular peaks are "empty".</item>
/// <item><b>Candidate patterns.</b> With a raster (<c>neighbours</c> given) the points are split into regions of
/// continuously varying pattern (<see cref="RasterSegmentation"/>): a domain whose lattice turns gradually towards
/// its edge stays one region, the jump to another domain or a line of mixed points separates regions. Each region's
/// mean fingerprint is a candidate, with its size and its <i>interior</i> (points all of whose 8 neighbours lie in
/// it). Without a raster the candidates are the clusters of a spherical k-means over-segmentation
/// (<see cref="ClassifierOptions.InitialClusters"/>, near-duplicates merged at
/// <see cref="ClassifierOptions.MergeSimilarity"/>).</item>
/// <item><b>Class-count criterion</b> (<see cref="ClassDiscovery"/>): candidates are taken from the largest to the
/// smallest. A candidate joins a class when it has the class's pattern (cosine ≥ merge similarity), or its peaks lie
/// inside the class's peak set (<see cref="ClassSupport"/>: near an edge the lattice turns out of plane and some
/// reflections leave the Ewald sphere; a region with a domain's interior must also show them with the class's
/// profile), or it is the class's fuller pattern (holds the class's peaks with the class's profile). A band-like one
/// whose peaks need two classes is a boundary and founds nothing (two domains are seen at once only along their
/// boundary; a region with an interior is a domain even if its peaks coincide with two others'). A new class needs a
/// domain: at least <see cref="ClassifierOptions.MinClassPoints"/> / <see cref="ClassifierOptions.MinClassFraction"/> points and an
/// interior (≥ <see cref="ClassifierOptions.MinInteriorFraction"/> of its points, at least one); and a band-like
/// region (interior below <see cref="ClassifierOptions.EdgeBandInteriorFraction"/>) that touches a class it resembles
/// is that class's edge band, where the out-of-plane rotation of the lattice (up to ~10° in the paper) changes which
/// reflections are excited — not a new orientation. So the number of classes is the number of distinct patterns that
/// fill domains, not a fixed k, and a domain is not split into its turned rim.</item>
/// <item><b>Assignment.</b> Every point joins the class it resembles most (cosine to the class's mean or to any of its
/// regions' patterns, so a rim that shows only some reflections still finds its class); it is "mixed" when a
/// non-negative sum of two classes explains it well and the second carries a real share of it
/// (<see cref="ClassAssignment"/>) — with a raster only where the two classes meet (<see cref="MixedBoundary"/>) —
/// and "unexplained" (mixed, unless the spatial clean-up gives it its neighbours' class) when it resembles no
/// class.</item>
/// </list>
/// Classes are numbered by size, largest first. Deterministic.
/// </summary>
public static partial class DomainClassifier
{
    /// <summary>Classifies <paramref name="count"/> points.</summary>
    /// <param name="fingerprints">count × dim, row-major, non-negative, each row unit length (rows of points without signal are ignored).</param>
    /// <param name="hasSignal">Per point: false = empty.</param>
    /// <param name="count">Number of points.</param>
    /// <param name="dim">Fingerprint length.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="blockLength">Fingerprint entries per ring (the circle wraps within each block); 0 = one block.</param>
    /// <param name="neighbours">Per point, its raster neighbours (point indices), or null: then the candidates are k-means clusters.</param>
    public static ClassificationResult Classify(float[] fingerprints, bool[] hasSignal, int count, int dim, ClassifierOptions? options = null, int blockLength = 0, int[][]? neighbours = null)
    {
        ArgumentNullException.ThrowIfNull(fingerprints);
        ArgumentNullException.ThrowIfNull(hasSignal);
        options ??= new ClassifierOptions();
        blockLength = blockLength > 0 ? blockLength : dim;
        var labels = new int[count];
        Array.Fill(labels, ClassLabels.Empty);
        var active = Enumerable.Range(0, count).Where(i => hasSignal[i]).ToArray();
        if (active.Length == 0 || dim == 0)
        {
            return new ClassificationResult(labels, 0, [], dim, double.NaN, 0, "no point has angular peaks");
        }

        List<float[]> means;
        List<(float[] Pattern, int Class)> prototypes;
        int mixedCandidates = 0;
        string criterion;
        if (options.Classes is { } fixedK)
        {
            means = FixedClasses(fingerprints, active, dim, fixedK, options);
            prototypes = means.Select((m, g) => (m, g)).ToList();
            criterion = $"fixed by the configuration ({fixedK})";
        }
        else
        {
            bool raster = neighbours is not null;
            var (candidates, population) = raster
                ? RegionCandidates(fingerprints, hasSignal, dim, neighbours!, options, blockLength)
                : ClusterCandidates(fingerprints, active, dim, options, blockLength);
            double minSize = Math.Max(options.MinClassPoints, options.MinClassFraction * population);
            var outcome = ClassDiscovery.Discover(candidates, options, minSize);
            means = outcome.Classes.Select(members => ClassDiscovery.MeanOf(members, candidates, dim)).ToList();
            prototypes = outcome.Classes.SelectMany((members, g) => members.Select(c => (candidates[c].Pattern, g))).ToList();
            mixedCandidates = outcome.Mixed;
            criterion = Describe(raster, candidates.Count, outcome, minSize, options);
        }

        var unexplained = new bool[count];
        var pairs = new (int First, int Second)[count];
        ClassAssignment.Assign(fingerprints, active, dim, means, prototypes, options, labels, unexplained, pairs);
        if (neighbours is not null)
        {
            MixedBoundary.Apply(labels, pairs, neighbours);
        }

        var (relabelled, classCentroids, nClasses) = Finish(fingerprints, labels, dim, means.Count);
        double silhouette = SimplifiedSilhouette(fingerprints, relabelled, dim, classCentroids, nClasses);
        return new ClassificationResult(relabelled, nClasses, classCentroids, dim, silhouette, mixedCandidates, criterion) { Unexplained = unexplained };
    }

    private static string Describe(bool raster, int candidates, ClassDiscovery.Outcome outcome, double minSize, ClassifierOptions options)
    {
        string source = raster
            ? FormattableString.Invariant($"raster regions (graph segmentation at scale {options.SegmentScale})")
            : FormattableString.Invariant($"typical patterns (k-means of {options.InitialClusters}, merged at cosine ≥ {options.MergeSimilarity})");
        return FormattableString.Invariant(
            $"{outcome.Classes.Count} classes from {candidates} {source}, largest first: one with a class's pattern, inside its peak set or its fuller pattern joins it; {outcome.Mixed} needing two classes are boundaries; {outcome.EdgeBands} band-like ones resembling a class they touch are its edge bands; {outcome.TooSmall} below {minSize:0} points or without interior (< {options.MinInteriorFraction:0.##} of their points) found no class");
    }

    private static int[] Sample(int[] active, int max)
    {
        if (active.Length <= max)
        {
            return active;
        }

        var s = new int[max];
        for (int i = 0; i < max; i++)
        {
            s[i] = active[(int)((long)i * active.Length / max)];
        }

        return s;
    }

    private static float[] Gather(float[] fingerprints, int[] rows, int dim)
    {
        var data = new float[rows.Length * dim];
        for (int i = 0; i < rows.Length; i++)
        {
            fingerprints.AsSpan(rows[i] * dim, dim).CopyTo(data.AsSpan(i * dim, dim));
        }

        return data;
    }

    /// <summary>
    /// <paramref name="result"/> after its labels were changed in place (classes merged or points moved): classes
    /// renumbered by size (classes left without points dropped), mean fingerprints and silhouette recomputed.
    /// </summary>
    internal static ClassificationResult Renumber(ClassificationResult result, float[] fingerprints, string criterion)
    {
        var (labels, centroids, k) = Finish(fingerprints, result.Labels, result.Dimension, result.ClassCount);
        return result with
        {
            Labels = labels,
            ClassCount = k,
            Centroids = centroids,
            Silhouette = SimplifiedSilhouette(fingerprints, labels, result.Dimension, centroids, k),
            Criterion = criterion,
        };
    }

    /// <summary>Numbers classes by size (empty classes dropped) and computes their mean fingerprints.</summary>
    private static (int[] Labels, float[] Centroids, int K) Finish(float[] fingerprints, int[] labels, int dim, int k)
    {
        var sizes = new int[k];
        foreach (int l in labels)
        {
            if (l >= 0)
            {
                sizes[l]++;
            }
        }

        var order = Enumerable.Range(0, k).Where(c => sizes[c] > 0).OrderByDescending(c => sizes[c]).ThenBy(c => c).ToArray();
        var map = new int[k];
        for (int j = 0; j < order.Length; j++)
        {
            map[order[j]] = j;
        }

        var result = labels.Select(l => l >= 0 ? map[l] : l).ToArray();
        var centroids = new float[order.Length * dim];
        for (int i = 0; i < result.Length; i++)
        {
            if (result[i] >= 0)
            {
                var x = fingerprints.AsSpan(i * dim, dim);
                var c = centroids.AsSpan(result[i] * dim, dim);
                for (int d = 0; d < dim; d++)
                {
                    c[d] += x[d];
                }
            }
        }

        for (int j = 0; j < order.Length; j++)
        {
            SphericalKMeans.Normalise(centroids.AsSpan(j * dim, dim));
        }

        return (result, centroids, order.Length);
    }

    private static double SimplifiedSilhouette(float[] fingerprints, int[] labels, int dim, float[] centroids, int k)
    {
        if (k < 2)
        {
            return double.NaN;
        }

        double total = 0;
        int n = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
            {
                continue;
            }

            var x = fingerprints.AsSpan(i * dim, dim);
            double a = 1 - SphericalKMeans.Dot(x, centroids.AsSpan(labels[i] * dim, dim));
            double b = double.PositiveInfinity;
            for (int c = 0; c < k; c++)
            {
                if (c != labels[i])
                {
                    b = Math.Min(b, 1 - SphericalKMeans.Dot(x, centroids.AsSpan(c * dim, dim)));
                }
            }

            double m = Math.Max(a, b);
            total += m > 0 ? (b - a) / m : 0;
            n++;
        }

        return n > 0 ? total / n : double.NaN;
    }
}
