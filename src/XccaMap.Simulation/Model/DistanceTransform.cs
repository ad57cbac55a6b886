namespace XccaMap.Simulation.Model;

/// <summary>
/// Exact Euclidean distance transform on a grid (Felzenszwalb &amp; Huttenlocher, "Distance transforms of sampled
/// functions", Theory of Computing 8, 2012): two passes of the 1D lower-envelope-of-parabolas transform.
/// </summary>
public static class DistanceTransform
{
    /// <summary>Distance (in cells) from every cell to the nearest feature cell; +∞ everywhere if there is none.</summary>
    /// <param name="feature">Feature cells (true), row-major rows × cols.</param>
    /// <param name="rows">Rows.</param>
    /// <param name="cols">Columns.</param>
    public static double[] Compute(ReadOnlySpan<bool> feature, int rows, int cols)
    {
        const double Inf = 1e20;
        var d = new double[rows * cols];
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = feature[i] ? 0 : Inf;
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

            Transform1D(f, rows, result, v, z);
            for (int r = 0; r < rows; r++)
            {
                d[(r * cols) + c] = result[r];
            }
        }

        for (int r = 0; r < rows; r++)
        {
            d.AsSpan(r * cols, cols).CopyTo(f);
            Transform1D(f, cols, result, v, z);
            result.AsSpan(0, cols).CopyTo(d.AsSpan(r * cols, cols));
        }

        for (int i = 0; i < d.Length; i++)
        {
            d[i] = d[i] >= Inf / 2 ? double.PositiveInfinity : Math.Sqrt(d[i]);
        }

        return d;
    }

    private static void Transform1D(double[] f, int n, double[] d, int[] v, double[] z)
    {
        int k = 0;
        v[0] = 0;
        z[0] = double.NegativeInfinity;
        z[1] = double.PositiveInfinity;
        for (int q = 1; q < n; q++)
        {
            double s = Intersection(f, q, v[k]);
            while (s <= z[k])
            {
                k--;
                s = Intersection(f, q, v[k]);
            }

            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = double.PositiveInfinity;
        }

        k = 0;
        for (int q = 0; q < n; q++)
        {
            while (z[k + 1] < q)
            {
                k++;
            }

            double dq = q - v[k];
            d[q] = (dq * dq) + f[v[k]];
        }
    }

    private static double Intersection(double[] f, int q, int p) =>
        ((f[q] + ((double)q * q)) - (f[p] + ((double)p * p))) / (2.0 * (q - p));
}
