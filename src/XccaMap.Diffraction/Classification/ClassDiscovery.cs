namespace XccaMap.Diffraction.Classification;

/// <summary>
/// How many classes, and which: candidate patterns (<see cref="PatternCandidate"/>) are taken from the largest to the
/// smallest and each one joins a class, is set aside, or founds a new class (see <see cref="DomainClassifier"/>).
/// </summary>
internal static class ClassDiscovery
{
    /// <summary>The outcome: each class's candidates and the candidates set aside, by reason.</summary>
    public sealed class Outcome
    {
        /// <summary>Per class, the indices of its candidates (the first founded it).</summary>
        public List<List<int>> Classes { get; } = [];

        /// <summary>Candidates whose peaks are those of two classes at once (boundaries).</summary>
        public int Mixed { get; set; }

        /// <summary>Candidates that are the edge band of a class (little interior, resembling a class they touch).</summary>
        public int EdgeBands { get; set; }

        /// <summary>Candidates too small, or without interior, to found a class.</summary>
        public int TooSmall { get; set; }
    }

    /// <summary>Runs the discovery.</summary>
    /// <param name="candidates">The candidates.</param>
    /// <param name="options">Settings.</param>
    /// <param name="minSize">Points a candidate needs to found or join a class.</param>
    public static Outcome Discover(IReadOnlyList<PatternCandidate> candidates, ClassifierOptions options, double minSize)
    {
        var outcome = new Outcome();
        var sums = new List<double[]>();
        var supports = new List<ClassSupport>();
        var classOf = new int[candidates.Count];
        Array.Fill(classOf, -1);
        var order = Enumerable.Range(0, candidates.Count).OrderByDescending(c => candidates[c].Size).ThenBy(c => c);
        foreach (int c in order)
        {
            var cand = candidates[c];
            var x = cand.Pattern;
            if (cand.Size < minSize || cand.Interior < Math.Max(1, options.MinInteriorFraction * cand.Size))
            {
                outcome.TooSmall++;
                continue;
            }

            // Band-like: a rim or a boundary, where the lattice turns or two domains meet. A region with a domain's
            // interior is neither, whatever its peak positions have in common with other classes.
            bool boundaryLike = !cand.Spatial || cand.InteriorFraction < options.EdgeBandInteriorFraction;
            var means = sums.Select(Mean).ToList();
            int target = Same(x, means, options.MergeSimilarity);
            if (target < 0)
            {
                target = Part(cand, supports, means, boundaryLike, options);
            }

            if (target < 0 && boundaryLike && IsMixed(x, supports, options.PartContainment, options.MixedMinShare))
            {
                outcome.Mixed++;
                continue;
            }

            if (target < 0)
            {
                var held = Fuller(cand, outcome.Classes, candidates, supports, options);
                if (held.Count >= 2 && boundaryLike)
                {
                    outcome.Mixed++;
                    continue;
                }

                target = held.Count == 1 ? held[0] : -1;
            }

            if (target < 0 && IsEdgeBand(cand, means, classOf, options))
            {
                outcome.EdgeBands++;
                continue;
            }

            if (target < 0)
            {
                outcome.Classes.Add([]);
                sums.Add(new double[x.Length]);
                supports.Add(cand.Support);
                target = outcome.Classes.Count - 1;
            }
            else
            {
                supports[target] = supports[target].Union(cand.Support);
            }

            outcome.Classes[target].Add(c);
            classOf[c] = target;
            for (int d = 0; d < x.Length; d++)
            {
                sums[target][d] += cand.Size * x[d];
            }
        }

        return outcome;
    }

    /// <summary>
    /// The mean pattern of a class's candidates (unit length), each weighted by its interior points: a class is its
    /// domains' pattern; a joined rim or part counts little.
    /// </summary>
    public static float[] MeanOf(IEnumerable<int> members, IReadOnlyList<PatternCandidate> candidates, int dim)
    {
        var sum = new double[dim];
        foreach (int c in members)
        {
            for (int d = 0; d < dim; d++)
            {
                sum[d] += candidates[c].Interior * candidates[c].Pattern[d];
            }
        }

        return Mean(sum);
    }

    private static float[] Mean(double[] sum)
    {
        var v = sum.Select(s => (float)s).ToArray();
        SphericalKMeans.Normalise(v);
        return v;
    }

    /// <summary>The class whose mean pattern is most similar, if at least <paramref name="threshold"/>; else −1.</summary>
    private static int Same(float[] x, List<float[]> means, double threshold)
    {
        int best = -1;
        double bestCos = threshold;
        for (int g = 0; g < means.Count; g++)
        {
            double cos = SphericalKMeans.Dot(x, means[g]);
            if (cos >= bestCos)
            {
                (best, bestCos) = (g, cos);
            }
        }

        return best;
    }

    /// <summary>
    /// A part: its peaks lie inside a class's peak set (near an edge the lattice turns out of plane and some
    /// reflections leave the Ewald sphere; a thin film shows only the strongest). A domain-like region must also show
    /// them with the class's profile (restricted cosine ≥ merge similarity): broad peaks of another orientation (WAXS)
    /// can fall inside a class's support without being its reflections. The class holding most of it, or −1.
    /// </summary>
    private static int Part(PatternCandidate cand, List<ClassSupport> supports, List<float[]> means, bool boundaryLike, ClassifierOptions options)
    {
        int best = -1;
        double bestInside = options.PartContainment;
        for (int g = 0; g < supports.Count; g++)
        {
            double inside = supports[g].Containment(cand.Pattern);
            if (inside >= bestInside && (boundaryLike || cand.Support.RestrictedCosine(cand.Pattern, means[g]) >= options.MergeSimilarity))
            {
                (best, bestInside) = (g, inside);
            }
        }

        return best;
    }

    /// <summary>
    /// The classes this candidate is a fuller pattern of: it holds the class's first pattern, is largely made of the
    /// class's peaks, and shows them with the class's profile (restricted cosine ≥ merge similarity: a rich pattern of
    /// another orientation may hold a sparse class's peak positions by coincidence, rarely its profile).
    /// </summary>
    private static List<int> Fuller(PatternCandidate cand, List<List<int>> classes, IReadOnlyList<PatternCandidate> candidates, List<ClassSupport> supports, ClassifierOptions options)
    {
        var held = new List<int>();
        for (int g = 0; g < classes.Count; g++)
        {
            var first = candidates[classes[g][0]].Pattern;
            if (cand.Support.Containment(first) >= options.PartContainment
                && supports[g].Containment(cand.Pattern) >= options.FullerPatternShare
                && supports[g].RestrictedCosine(cand.Pattern, first) >= options.MergeSimilarity)
            {
                held.Add(g);
            }
        }

        return held;
    }

    /// <summary>
    /// An edge band: a region with little interior (a band, not a domain) that touches a class it resembles (cosine ≥
    /// <see cref="ClassifierOptions.MinSimilarity"/>) — the rim of that class's domain, where the lattice turns out of
    /// plane and reflections leave and join. Its points are assigned one by one later.
    /// </summary>
    private static bool IsEdgeBand(PatternCandidate cand, List<float[]> means, int[] classOf, ClassifierOptions options)
    {
        if (cand.InteriorFraction >= options.EdgeBandInteriorFraction)
        {
            return false;
        }

        foreach (int other in cand.Borders)
        {
            int g = classOf[other];
            if (g >= 0 && SphericalKMeans.Dot(cand.Pattern, means[g]) >= options.MinSimilarity)
            {
                return true;
            }
        }

        return false;
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
}
