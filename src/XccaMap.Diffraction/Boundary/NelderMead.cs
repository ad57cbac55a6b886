namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Nelder–Mead simplex minimisation (Nelder &amp; Mead 1965; standard coefficients 1, 2, ½, ½) for the few smooth
/// parameters of the orientation refinements, where the objective is a rendered pattern comparison without gradients.
/// </summary>
public static class NelderMead
{
    /// <summary>Minimises <paramref name="f"/> from <paramref name="start"/> with initial steps <paramref name="steps"/>.</summary>
    /// <param name="f">Objective.</param>
    /// <param name="start">Starting point.</param>
    /// <param name="steps">Initial simplex edge per parameter.</param>
    /// <param name="maxEvaluations">Evaluation budget.</param>
    /// <param name="tolerance">Stop when the simplex's values span less than this.</param>
    /// <returns>The best point and its value.</returns>
    public static (double[] X, double Value) Minimise(Func<double[], double> f, double[] start, double[] steps, int maxEvaluations = 400, double tolerance = 1e-7)
    {
        ArgumentNullException.ThrowIfNull(f);
        int n = start.Length;
        var x = new double[n + 1][];
        var y = new double[n + 1];
        x[0] = (double[])start.Clone();
        y[0] = f(x[0]);
        for (int i = 0; i < n; i++)
        {
            x[i + 1] = (double[])start.Clone();
            x[i + 1][i] += steps[i];
            y[i + 1] = f(x[i + 1]);
        }

        int evaluations = n + 1;
        var centroid = new double[n];
        while (evaluations < maxEvaluations)
        {
            var order = Enumerable.Range(0, n + 1).OrderBy(i => y[i]).ToArray();
            x = order.Select(i => x[i]).ToArray();
            y = order.Select(i => y[i]).ToArray();
            if (Math.Abs(y[n] - y[0]) <= tolerance)
            {
                break;
            }

            Array.Clear(centroid);
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < n; k++)
                {
                    centroid[k] += x[i][k] / n;
                }
            }

            double[] Along(double t) => Enumerable.Range(0, n).Select(k => centroid[k] + (t * (x[n][k] - centroid[k]))).ToArray();
            var reflected = Along(-1);
            double yr = f(reflected);
            evaluations++;
            if (yr < y[0])
            {
                var expanded = Along(-2);
                double ye = f(expanded);
                evaluations++;
                (x[n], y[n]) = ye < yr ? (expanded, ye) : (reflected, yr);
            }
            else if (yr < y[n - 1])
            {
                (x[n], y[n]) = (reflected, yr);
            }
            else
            {
                var contracted = yr < y[n] ? Along(-0.5) : Along(0.5);
                double yc = f(contracted);
                evaluations++;
                if (yc < Math.Min(yr, y[n]))
                {
                    (x[n], y[n]) = (contracted, yc);
                }
                else
                {
                    for (int i = 1; i <= n; i++)
                    {
                        for (int k = 0; k < n; k++)
                        {
                            x[i][k] = x[0][k] + (0.5 * (x[i][k] - x[0][k]));
                        }

                        y[i] = f(x[i]);
                        evaluations++;
                    }
                }
            }
        }

        int best = Array.IndexOf(y, y.Min());
        return (x[best], y[best]);
    }
}
