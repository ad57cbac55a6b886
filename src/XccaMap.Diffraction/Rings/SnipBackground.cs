namespace XccaMap.Diffraction.Rings;

/// <summary>
/// SNIP background estimation (Statistics-sensitive Non-linear Iterative Peak-clipping; Ryan et al. 1988,
/// Morháč et al. 1997) with a clipping window that may vary along the profile. Each iteration p = 1 … W replaces
/// b[i] by min(b[i], (b[i − p] + b[i + p]) / 2) for every bin whose own window w[i] ≥ p: peaks narrower than
/// the window are clipped, convex and straight backgrounds are kept. Applied to ln I(q) on a linear q grid, a
/// power-law SAXS background (convex in q) and a slowly varying WAXS background both survive, while Bragg rings
/// are removed; a window proportional to q follows peaks whose width grows with q.
/// </summary>
public static class SnipBackground
{
    /// <summary>
    /// The background under <paramref name="y"/> (same length). <paramref name="window"/>[i] is the half-width in
    /// bins of the clipping window at bin i (0 keeps the bin as is). Bins near the ends use the largest window
    /// that fits.
    /// </summary>
    public static double[] Estimate(ReadOnlySpan<double> y, ReadOnlySpan<int> window)
    {
        if (window.Length != y.Length)
        {
            throw new ArgumentException($"window has {window.Length} entries for {y.Length} bins", nameof(window));
        }

        int n = y.Length;
        var b = y.ToArray();
        var next = new double[n];
        int maxWindow = 0;
        foreach (int w in window)
        {
            maxWindow = Math.Max(maxWindow, w);
        }

        // Decreasing windows (largest first, as Morháč recommends for smooth backgrounds) would clip broad
        // humps too; increasing windows keep the estimate close to the data for narrow features first.
        for (int p = 1; p <= maxWindow; p++)
        {
            for (int i = 0; i < n; i++)
            {
                double v = b[i];
                if (window[i] >= p && i - p >= 0 && i + p < n)
                {
                    double mid = 0.5 * (b[i - p] + b[i + p]);
                    if (mid < v)
                    {
                        v = mid;
                    }
                }

                next[i] = v;
            }

            Array.Copy(next, b, n);
        }

        return b;
    }

    /// <summary>The same with one window half-width for every bin.</summary>
    public static double[] Estimate(ReadOnlySpan<double> y, int window)
    {
        var w = new int[y.Length];
        Array.Fill(w, window);
        return Estimate(y, w);
    }
}
