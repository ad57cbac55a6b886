namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Groups scan points into domain classes by the positions of their angular peaks (design.md §4.5; S.I.
/// "Resolving the domain structure" of Mukharamova et al. 2019), independently for SAXS and WAXS.
/// <list type="number">
/// <item>Points without angular peaks are "empty".</item>
/// <item>Classes are learnt from domain interiors: points whose pattern agrees with their raster neighbours'
/// (near a domain edge the lattice turns out of plane, so reflections leave or join the Ewald sphere, and at a
/// boundary two patterns add up). These are over-segmented by spherical k-means into typical patterns and
/// near-duplicates merge.</item>
/// <item>Class-count criterion: patterns are taken from the most to the least frequent. A pattern whose peaks lie
/// inside an existing class's peak set (<see cref="ClassSupport"/>) is part of it (a subset of its reflections); one
/// whose peaks need two classes is a boundary; one that holds exactly one class inside it is that class's fuller
/// pattern; any other starts a new class. So the count follows from which peak sets occur, not from a fixed k;
/// patterns rarer than <see cref="ClassifierOptions.MinClassPoints"/> / <see cref="ClassifierOptions.MinClassFraction"/>
/// found none.</item>
/// <item>Every point joins the class whose mean fingerprint it resembles most (cosine); it is "mixed" when a
/// non-negative sum of two classes fits it clearly better, and "unexplained" (mixed, unless the spatial clean-up
/// gives it its neighbours' class) when it resembles no class.</item>
/// </list>
/// Classes are numbered by size, largest first.
/// </summary>
public static class DomainClassifier
{
    /// <summary>Classifies <paramref name="count"/> points.</summary>
    /// <param name="fingerprints">count × dim, row-major, non-negative, each row unit length (rows of points without signal are ignored).</param>
    /// <param name="hasSignal">Per point: false = empty.</param>
    /// <param name="count">Number of points.</param>
    /// <param name="dim">Fingerprint length.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="blockLength">Fingerprint entries per ring (the circle wraps within each block); 0 = one block.</param>
    /// <param name="neighbours">Per point, its raster neighbours (point indices), or null: then every point counts as interior.</param>
    public static ClassificationResult Classify(float[] fingerprints, bool[] hasSignal, int count, int dim, ClassifierOptions? options = null, int blockLength = 0, int[][]? neighbours = null)
    {
        options ??= new ClassifierOptions();
        blockLength = blockLength > 0 ? blockLength : dim;
        var labels = new int[count];
        Array.Fill(labels, ClassLabels.Empty);
        var active = Enumerable.Range(0, count).Where(i => hasSignal[i]).ToArray();
        if (active.Length == 0 || dim == 0)
        {
            return new ClassificationResult(labels, 0, [], dim, double.NaN, 0, "no point has angular peaks");
        }

        var interior = Interior(fingerprints, hasSignal, active, dim, neighbours, options);
        var sample = Sample(interior, options.SampleSize);
        var data = Gather(fingerprints, sample, dim);
        int k0 = options.Classes ?? options.InitialClusters;
        var (centroids, k, _) = SphericalKMeans.Cluster(data, sample.Length, dim, Math.Max(1, k0), options.Seed);
        if (options.Classes is null)
        {
            centroids = ClusterRefinement.MergeSimilar(data, sample.Length, dim, centroids, ref k, options.MergeSimilarity);
        }

        var assign = new int[sample.Length];
        SphericalKMeans.Assign(data, sample.Length, dim, centroids, k, assign, out _);
        var sizes = new int[k];
        foreach (int a in assign)
        {
            sizes[a]++;
        }

        var supports = Enumerable.Range(0, k).Select(c => ClassSupport.FromCentroid(centroids.AsSpan(c * dim, dim), options.SupportFraction, options.SupportDilation, blockLength)).ToArray();
        double minSize = Math.Max(options.MinClassPoints, options.MinClassFraction * sample.Length);
        var order = Enumerable.Range(0, k).Where(c => sizes[c] > 0).OrderByDescending(c => sizes[c]).ThenBy(c => c).ToList();
        List<float[]> classes;
        int mixedClusters = 0;
        string criterion;
        if (options.Classes is { } fixedK)
        {
            classes = order.Select(c => centroids.AsSpan(c * dim, dim).ToArray()).ToList();
            criterion = $"fixed by the configuration ({fixedK})";
        }
        else
        {
            classes = Discover(centroids, sizes, dim, supports, order.Where(c => sizes[c] >= minSize).ToList(), options, out mixedClusters);
            criterion = FormattableString.Invariant(
                $"peak-set classes learnt from {interior.Length}{(interior.Length < active.Length ? " interior" : string.Empty)} points: {order.Count} typical patterns (k-means of {options.InitialClusters}, merged at cosine ≥ {options.MergeSimilarity}) taken by frequency; a pattern inside a class is part of it, one needing two classes is a boundary, one holding one class and made largely of it is its fuller pattern, any other is a new class; patterns below {minSize:0} points ignored");
        }

        var unexplained = new bool[count];
        var prototypes = classes.SelectMany(c => c).ToArray();
        ClassAssignment.Assign(fingerprints, active, dim, prototypes, classes.Count, options, labels, unexplained);
        var (relabelled, classCentroids, nClasses) = Finish(fingerprints, labels, dim, classes.Count);
        double silhouette = SimplifiedSilhouette(fingerprints, relabelled, dim, classCentroids, nClasses);
        return new ClassificationResult(relabelled, nClasses, classCentroids, dim, silhouette, mixedClusters, criterion) { Unexplained = unexplained };
    }

    /// <summary>The greedy peak-set class discovery (see the class summary); returns each class's mean pattern.</summary>
    private static List<float[]> Discover(float[] centroids, int[] sizes, int dim, ClassSupport[] supports, List<int> order, ClassifierOptions options, out int mixedClusters)
    {
        var classes = new List<ClassSupport>();
        var firstPattern = new List<float[]>();
        var sums = new List<double[]>();
        mixedClusters = 0;
        foreach (int c in order)
        {
            var x = centroids.AsSpan(c * dim, dim);
            var inside = new List<double>(classes.Count);
            foreach (var s in classes)
            {
                inside.Add(s.Containment(x));
            }

            int target = inside.Count > 0 && inside.Max() >= options.PartContainment ? inside.IndexOf(inside.Max()) : -1;
            if (target < 0)
            {
                if (IsMixed(x, classes, options.PartContainment, options.MixedMinShare))
                {
                    mixedClusters++;
                    continue;
                }

                // A fuller pattern holds the class and is largely made of it (a subset is typically half of the whole);
                // a rich pattern of another orientation may hold a sparse class by coincidence but not be made of it.
                var held = new List<int>();
                for (int i = 0; i < classes.Count; i++)
                {
                    if (supports[c].Containment(firstPattern[i]) >= options.PartContainment && classes[i].Containment(x) >= options.FullerPatternShare)
                    {
                        held.Add(i);
                    }
                }

                if (held.Count >= 2)
                {
                    mixedClusters++;
                    continue;
                }

                if (held.Count == 1)
                {
                    target = held[0];
                }
            }

            if (target < 0)
            {
                classes.Add(supports[c]);
                firstPattern.Add(x.ToArray());
                sums.Add(new double[dim]);
                target = classes.Count - 1;
            }
            else
            {
                classes[target] = classes[target].Union(supports[c]);
            }

            for (int d = 0; d < dim; d++)
            {
                sums[target][d] += sizes[c] * x[d];
            }
        }

        return sums.Select(s =>
        {
            var v = s.Select(x => (float)x).ToArray();
            SphericalKMeans.Normalise(v);
            return v;
        }).ToList();
    }

    /// <summary>
    /// Points whose fingerprint has a median cosine ≥ <see cref="ClassifierOptions.InteriorSimilarity"/> with their
    /// neighbours' (at least 3 neighbours with signal); all points with signal when there are too few of them.
    /// </summary>
    private static int[] Interior(float[] fingerprints, bool[] hasSignal, int[] active, int dim, int[][]? neighbours, ClassifierOptions options)
    {
        if (neighbours is null || options.InteriorSimilarity <= 0)
        {
            return active;
        }

        var keep = new bool[active.Length];
        Parallel.For(0, active.Length, a =>
        {
            int i = active[a];
            var x = fingerprints.AsSpan(i * dim, dim);
            var sims = new List<double>(8);
            foreach (int j in neighbours[i])
            {
                if (j >= 0 && j < hasSignal.Length && hasSignal[j])
                {
                    sims.Add(SphericalKMeans.Dot(x, fingerprints.AsSpan(j * dim, dim)));
                }
            }

            if (sims.Count >= 3)
            {
                sims.Sort();
                double median = sims.Count % 2 == 1 ? sims[sims.Count / 2] : 0.5 * (sims[(sims.Count / 2) - 1] + sims[sims.Count / 2]);
                keep[a] = median >= options.InteriorSimilarity;
            }
        });
        var interior = active.Where((_, a) => keep[a]).ToArray();
        double needed = Math.Max(4 * options.MinClassPoints, 0.1 * active.Length);
        return interior.Length >= needed ? interior : active;
    }

    /// <summary>True when two classes together hold <paramref name="containment"/> of x, each at least <paramref name="minShare"/> on its own peaks.</summary>
    private static bool IsMixed(ReadOnlySpan<float> x, List<ClassSupport> classes, double containment, double minShare)
    {
        for (int a = 0; a < classes.Count; a++)
        {
            for (int b = a + 1; b < classes.Count; b++)
            {
                if (classes[a].Union(classes[b]).Containment(x) >= containment
                    && classes[a].ContainmentExcluding(x, classes[b]) >= minShare
                    && classes[b].ContainmentExcluding(x, classes[a]) >= minShare)
                {
                    return true;
                }
            }
        }

        return false;
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
