namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Exact Euclidean distance transform on a regular grid (Felzenszwalb &amp; Huttenlocher 2012, "Distance transforms of
/// sampled functions"): the squared distance from every node to the nearest feature node, by two passes of the 1D
/// lower-envelope-of-parabolas transform (rows, then columns). O(nodes); grid units.
/// </summary>
public static class EuclideanDistance
{
    /// <summary>Squared distance (grid units²) from each node to the nearest node with <paramref name="feature"/> set; +∞ without features.</summary>
    /// <param name="feature">rows × cols flags, row-major.</param>
    /// <param name="rows">Grid rows.</param>
    /// <param name="cols">Grid columns.</param>
    public static double[] Squared(ReadOnlySpan<bool> feature, int rows, int cols)
    {
        if (feature.Length != rows * cols)
        {
            throw new ArgumentException($"feature has {feature.Length} nodes, expected {rows} x {cols}");
        }

        var d = new double[feature.Length];
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = feature[i] ? 0 : double.PositiveInfinity;
        }

        int n = Math.Max(rows, cols);
        var f = new double[n];
        var result = new double[n];
        var v = new int[n];
        var z = new double[n + 1];
        for (int c = 0; c < cols; c++)
        {
            for (int r = 0; r < rows; r++)
            {
                f[r] = d[(r * cols) + c];
            }

            Transform1D(f.AsSpan(0, rows), result.AsSpan(0, rows), v, z);
            for (int r = 0; r < rows; r++)
            {
                d[(r * cols) + c] = result[r];
            }
        }

        for (int r = 0; r < rows; r++)
        {
            var row = d.AsSpan(r * cols, cols);
            row.CopyTo(f);
            Transform1D(f.AsSpan(0, cols), result.AsSpan(0, cols), v, z);
            result.AsSpan(0, cols).CopyTo(row);
        }

        return d;
    }

    /// <summary>Distance (grid units) to the nearest feature node; +∞ without features.</summary>
    public static double[] Distance(ReadOnlySpan<bool> feature, int rows, int cols)
    {
        var d = Squared(feature, rows, cols);
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = Math.Sqrt(d[i]);
        }

        return d;
    }

    /// <summary>Brute-force twin of <see cref="Distance"/> for tests: O(nodes × features).</summary>
    public static double[] DistanceReference(ReadOnlySpan<bool> feature, int rows, int cols)
    {
        var features = new List<(int R, int C)>();
        for (int i = 0; i < feature.Length; i++)
        {
            if (feature[i])
            {
                features.Add((i / cols, i % cols));
            }
        }

        var d = new double[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                double best = double.PositiveInfinity;
                foreach (var (fr, fc) in features)
                {
                    best = Math.Min(best, ((r - fr) * (r - fr)) + ((c - fc) * (c - fc)));
                }

                d[(r * cols) + c] = Math.Sqrt(best);
            }
        }

        return d;
    }

    /// <summary>1D squared distance transform of the sampled function f (∞ = no feature) by the lower envelope of parabolas.</summary>
    private static void Transform1D(ReadOnlySpan<double> f, Span<double> d, int[] v, double[] z)
    {
        int n = f.Length;
        int k = -1;
        for (int q = 0; q < n; q++)
        {
            if (double.IsPositiveInfinity(f[q]))
            {
                continue;
            }

            if (k < 0)
            {
                k = 0;
                v[0] = q;
                z[0] = double.NegativeInfinity;
                z[1] = double.PositiveInfinity;
                continue;
            }

            double s;
            while (true)
            {
                int p = v[k];
                s = ((f[q] + ((double)q * q)) - (f[p] + ((double)p * p))) / (2.0 * (q - p));
                if (s <= z[k] && k > 0)
                {
                    k--;
                    continue;
                }

                break;
            }

            if (s <= z[k])
            {
                // k == 0 and the new parabola is lower everywhere: replace the only one.
                v[0] = q;
                z[0] = double.NegativeInfinity;
                z[1] = double.PositiveInfinity;
                continue;
            }

            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = double.PositiveInfinity;
        }

        if (k < 0)
        {
            d.Fill(double.PositiveInfinity);
            return;
        }

        int j = 0;
        for (int q = 0; q < n; q++)
        {
            while (z[j + 1] < q)
            {
                j++;
            }

            int p = v[j];
            d[q] = ((double)(q - p) * (q - p)) + f[p];
        }
    }
}
