using MathNet.Numerics.LinearAlgebra;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// The linear part of a CCF fit (variable projection): for fixed peak positions and widths the data are
/// y ≈ c₀ + Σⱼ cⱼ·xⱼ with an offset c₀ of any sign and amplitudes cⱼ ≥ 0, solved exactly by least squares.
/// </summary>
/// <remarks>
/// Non-negativity by a simple active set: solve, drop the most negative constrained coefficient, repeat. The normal
/// equations are tiny (one offset plus a few peaks) and solved by SVD, so collinear or empty columns (a WAXS peak
/// outside the detector window) get a zero coefficient instead of an error.
/// </remarks>
internal static class LinearBlockFit
{
    /// <summary>Coefficients [c₀, c₁ …]; <paramref name="columns"/>[j] holds xⱼ at the data points.</summary>
    public static double[] Solve(IReadOnlyList<double[]> columns, ReadOnlySpan<double> y)
    {
        int m = columns.Count + 1, n = y.Length;
        var active = Enumerable.Repeat(true, m).ToArray();
        var coef = new double[m];
        for (int round = 0; round < m; round++)
        {
            int[] idx = Enumerable.Range(0, m).Where(j => active[j]).ToArray();
            var ata = Matrix<double>.Build.Dense(idx.Length, idx.Length);
            var atb = Vector<double>.Build.Dense(idx.Length);
            for (int a = 0; a < idx.Length; a++)
            {
                for (int b = a; b < idx.Length; b++)
                {
                    double s = 0;
                    for (int i = 0; i < n; i++)
                    {
                        s += Column(columns, idx[a], i) * Column(columns, idx[b], i);
                    }

                    ata[a, b] = ata[b, a] = s;
                }

                double t = 0;
                for (int i = 0; i < n; i++)
                {
                    t += Column(columns, idx[a], i) * y[i];
                }

                atb[a] = t;
            }

            Vector<double> x = PseudoSolve(ata, atb);
            Array.Clear(coef);
            for (int a = 0; a < idx.Length; a++)
            {
                coef[idx[a]] = x[a];
            }

            int worst = -1;
            for (int j = 1; j < m; j++)
            {
                if (active[j] && coef[j] < 0 && (worst < 0 || coef[j] < coef[worst]))
                {
                    worst = j;
                }
            }

            if (worst < 0)
            {
                return coef;
            }

            active[worst] = false;
        }

        return coef;
    }

    /// <summary>c₀ + Σ cⱼ xⱼ at each data point.</summary>
    public static double[] Predict(IReadOnlyList<double[]> columns, double[] coef, int n)
    {
        var f = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = coef[0];
            for (int j = 0; j < columns.Count; j++)
            {
                v += coef[j + 1] * columns[j][i];
            }

            f[i] = v;
        }

        return f;
    }

    private static double Column(IReadOnlyList<double[]> columns, int j, int i) => j == 0 ? 1.0 : columns[j - 1][i];

    private static Vector<double> PseudoSolve(Matrix<double> a, Vector<double> b)
    {
        var svd = a.Svd(computeVectors: true);
        double sMax = svd.S.AbsoluteMaximum();
        var x = Vector<double>.Build.Dense(b.Count);
        for (int k = 0; k < svd.S.Count; k++)
        {
            double s = svd.S[k];
            if (s > 1e-10 * sMax && s > 0)
            {
                x += svd.VT.Row(k) * (svd.U.Column(k).DotProduct(b) / s);
            }
        }

        return x;
    }
}
