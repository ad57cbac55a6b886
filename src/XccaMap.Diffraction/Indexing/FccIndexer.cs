namespace XccaMap.Diffraction.Indexing;

/// <summary>
/// Indexes powder peaks on a face-centred cubic lattice (design.md §4.6; Table S1 of Mukharamova et al. 2019):
/// finds the lattice constant a that best explains the peak positions by allowed lines q_N = 2π√N/a
/// (N = h² + k² + l², h, k, l all even or all odd), then reports hkl, q and a = 2π√N/q per peak and
/// ⟨a⟩ ± std. Candidates for a come from assigning each allowed low-order line to each of the lowest peaks; a
/// candidate scores the number of peaks it explains within the tolerance minus a small penalty per allowed line it
/// predicts in the observed range but that is absent. The penalty is what separates the true lattice from its
/// multiples (2a explains every peak as well, but predicts many lines that are not there). Ties go to the smaller a.
/// </summary>
public static class FccIndexer
{
    /// <summary>Finds a and indexes <paramref name="q"/> (Å⁻¹).</summary>
    public static FccIndexing Index(IReadOnlyList<double> q, FccIndexerOptions? options = null)
    {
        options ??= new FccIndexerOptions();
        var sorted = q.Where(x => x > 0 && double.IsFinite(x)).OrderBy(x => x).ToArray();
        if (sorted.Length == 0)
        {
            return FccIndexing.None(q);
        }

        var allowed = FccReflections.AllowedN(options.MaxN);
        double bestScore = double.NegativeInfinity, bestA = double.NaN;
        int seeds = Math.Min(3, sorted.Length);
        for (int s = 0; s < seeds; s++)
        {
            foreach (int n in allowed.Where(n => n <= options.MaxSeedN))
            {
                double a = FccReflections.LatticeConstant(n, sorted[s]);
                if ((options.MinA is { } lo && a < lo) || (options.MaxA is { } hi && a > hi))
                {
                    continue;
                }

                // Assign, refine a by least squares over the matched peaks, assign again.
                var assigned = Assign(sorted, a, allowed, options.Tolerance);
                double refined = LeastSquaresA(sorted, assigned);
                if (double.IsFinite(refined))
                {
                    a = refined;
                    assigned = Assign(sorted, a, allowed, options.Tolerance);
                }

                int matched = assigned.Count(x => x > 0);
                int missing = Missing(sorted, assigned, a, allowed, options.Tolerance);
                double score = matched - (options.MissingLinePenalty * missing);
                bool better = score > bestScore + 1e-9 || (Math.Abs(score - bestScore) <= 1e-9 && a < bestA);
                if (better)
                {
                    bestScore = score;
                    bestA = a;
                }
            }
        }

        return double.IsFinite(bestA) ? IndexWith(sorted, bestA, options) : FccIndexing.None(sorted);
    }

    /// <summary>
    /// Indexes <paramref name="q"/> (Å⁻¹) against a known lattice constant <paramref name="a"/> (Å), e.g. a domain's
    /// peaks against the scan's lattice: each peak takes the nearest allowed line within the tolerance.
    /// </summary>
    public static FccIndexing IndexWith(IReadOnlyList<double> q, double a, FccIndexerOptions? options = null)
    {
        options ??= new FccIndexerOptions();
        var sorted = q.Where(x => x > 0 && double.IsFinite(x)).OrderBy(x => x).ToArray();
        var allowed = FccReflections.AllowedN(options.MaxN);
        var assigned = Assign(sorted, a, allowed, options.Tolerance);
        double ls = LeastSquaresA(sorted, assigned);
        var perPeak = new List<double>();
        var peaks = new List<IndexedPeak>(sorted.Length);
        for (int i = 0; i < sorted.Length; i++)
        {
            int n = assigned[i];
            if (n == 0)
            {
                peaks.Add(new IndexedPeak(sorted[i], 0, null, double.NaN, double.NaN));
                continue;
            }

            double ai = FccReflections.LatticeConstant(n, sorted[i]);
            perPeak.Add(ai);
            double residual = Math.Abs((sorted[i] / FccReflections.Q(n, double.IsFinite(ls) ? ls : a)) - 1);
            peaks.Add(new IndexedPeak(sorted[i], n, FccReflections.Label(n), ai, residual));
        }

        if (perPeak.Count == 0)
        {
            return FccIndexing.None(sorted);
        }

        double mean = perPeak.Average();
        double std = perPeak.Count > 1 ? Math.Sqrt(perPeak.Sum(v => (v - mean) * (v - mean)) / (perPeak.Count - 1)) : 0;
        return new FccIndexing(ls, mean, std, peaks);
    }

    /// <summary>Nearest allowed N per peak for lattice a (0 when outside the tolerance); each line used at most once.</summary>
    private static int[] Assign(double[] q, double a, int[] allowed, double tolerance)
    {
        var result = new int[q.Length];
        var residual = new double[q.Length];
        for (int i = 0; i < q.Length; i++)
        {
            double x = q[i] * a / (2 * Math.PI);
            double n2 = x * x;
            int best = 0;
            double bestR = double.PositiveInfinity;
            foreach (int n in allowed)
            {
                double r = Math.Abs((x / Math.Sqrt(n)) - 1);
                if (r < bestR)
                {
                    bestR = r;
                    best = n;
                }

                if (n > n2 * 2)
                {
                    break;
                }
            }

            if (bestR <= tolerance)
            {
                result[i] = best;
                residual[i] = bestR;
            }
        }

        // Two peaks on one line: keep the closer one.
        for (int i = 0; i < q.Length; i++)
        {
            for (int j = i + 1; j < q.Length; j++)
            {
                if (result[i] != 0 && result[i] == result[j])
                {
                    if (residual[i] <= residual[j])
                    {
                        result[j] = 0;
                    }
                    else
                    {
                        result[i] = 0;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>a minimising Σ (q_i − 2π√N_i/a)²: 1/a = Σ q g / Σ g² with g = 2π√N.</summary>
    private static double LeastSquaresA(double[] q, int[] n)
    {
        double sqg = 0, sgg = 0;
        for (int i = 0; i < q.Length; i++)
        {
            if (n[i] > 0)
            {
                double g = 2 * Math.PI * Math.Sqrt(n[i]);
                sqg += q[i] * g;
                sgg += g * g;
            }
        }

        return sqg > 0 ? sgg / sqg : double.NaN;
    }

    /// <summary>Allowed lines predicted within the observed q range that no peak was assigned to.</summary>
    private static int Missing(double[] q, int[] assigned, double a, int[] allowed, double tolerance)
    {
        double lo = q[0] * (1 - tolerance), hi = q[^1] * (1 + tolerance);
        var used = new HashSet<int>(assigned.Where(n => n > 0));
        int missing = 0;
        foreach (int n in allowed)
        {
            double qn = FccReflections.Q(n, a);
            if (qn > hi)
            {
                break;
            }

            if (qn >= lo && !used.Contains(n))
            {
                missing++;
            }
        }

        return missing;
    }
}
