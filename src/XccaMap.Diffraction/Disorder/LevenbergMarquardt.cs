namespace XccaMap.Diffraction.Disorder;

/// <summary>
/// A small dense Levenberg–Marquardt least-squares solver (Marquardt's diagonal scaling, so parameters of very
/// different scales — q in Å⁻¹, φ in degrees — need no rescaling) with the parameter covariance at the solution.
/// For a handful of parameters and a few thousand points; the normal equations are solved by Cholesky.
/// </summary>
public static class LevenbergMarquardt
{
    /// <summary>Fits <paramref name="model"/> to (<paramref name="y"/>, <paramref name="sigma"/>).</summary>
    /// <param name="model">Model value and gradient per point.</param>
    /// <param name="y">Data, one per point.</param>
    /// <param name="sigma">Standard errors (&gt; 0), one per point.</param>
    /// <param name="start">Starting parameters.</param>
    /// <param name="isValid">Optional check of a trial parameter vector (e.g. widths &gt; 0); invalid steps are rejected.</param>
    /// <param name="maxIterations">Iteration limit.</param>
    /// <param name="tolerance">Stop when χ² changes by less than this fraction.</param>
    public static LeastSquaresFit Fit(LeastSquaresModel model, ReadOnlySpan<double> y, ReadOnlySpan<double> sigma, ReadOnlySpan<double> start,
        Func<double[], bool>? isValid = null, int maxIterations = 200, double tolerance = 1e-10)
    {
        ArgumentNullException.ThrowIfNull(model);
        int m = y.Length, np = start.Length;
        if (sigma.Length != m || m <= np)
        {
            throw new ArgumentException($"need more points ({m}) than parameters ({np}) and one σ per point");
        }

        var p = start.ToArray();
        var trial = new double[np];
        var grad = new double[np];
        var jtj = new double[np * np];
        var jtr = new double[np];
        var a = new double[np * np];
        var step = new double[np];
        double chi2 = Normal(model, y, sigma, p, grad, jtj, jtr);
        double lambda = 1e-3;
        bool converged = false;
        int iter = 0;
        for (; iter < maxIterations && !converged; iter++)
        {
            bool improved = false;
            while (lambda < 1e16)
            {
                Array.Copy(jtj, a, a.Length);
                for (int i = 0; i < np; i++)
                {
                    a[(i * np) + i] += lambda * Math.Max(jtj[(i * np) + i], 1e-300);
                }

                if (!Cholesky.Solve(a, np, jtr, step))
                {
                    lambda *= 10;
                    continue;
                }

                for (int i = 0; i < np; i++)
                {
                    trial[i] = p[i] + step[i];
                }

                double c = isValid is null || isValid(trial) ? ChiSquare(model, y, sigma, trial, grad) : double.PositiveInfinity;
                if (c <= chi2)
                {
                    converged = chi2 - c <= tolerance * Math.Max(chi2, 1e-300);
                    Array.Copy(trial, p, np);
                    chi2 = Normal(model, y, sigma, p, grad, jtj, jtr);
                    lambda = Math.Max(lambda / 10, 1e-12);
                    improved = true;
                    break;
                }

                lambda *= 10;
            }

            if (!improved)
            {
                converged = true; // no step lowers χ²: at a minimum to machine precision
                break;
            }
        }

        var cov = new double[np * np];
        if (!Cholesky.Invert(jtj, np, cov))
        {
            Array.Fill(cov, double.NaN);
        }
        else
        {
            double scale = m > np ? chi2 / (m - np) : 1;
            for (int i = 0; i < cov.Length; i++)
            {
                cov[i] *= scale;
            }
        }

        return new LeastSquaresFit(p, cov, chi2, m - np, iter, converged);
    }

    private static double ChiSquare(LeastSquaresModel model, ReadOnlySpan<double> y, ReadOnlySpan<double> sigma, double[] p, double[] grad)
    {
        double chi2 = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double r = (y[i] - model(p, i, grad)) / sigma[i];
            chi2 += r * r;
        }

        return double.IsFinite(chi2) ? chi2 : double.PositiveInfinity;
    }

    /// <summary>JᵀJ and Jᵀr (weighted) at p; returns χ².</summary>
    private static double Normal(LeastSquaresModel model, ReadOnlySpan<double> y, ReadOnlySpan<double> sigma, double[] p, double[] grad, double[] jtj, double[] jtr)
    {
        int np = p.Length;
        Array.Clear(jtj);
        Array.Clear(jtr);
        double chi2 = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double w = 1 / sigma[i];
            double r = (y[i] - model(p, i, grad)) * w;
            chi2 += r * r;
            for (int k = 0; k < np; k++)
            {
                double gk = grad[k] * w;
                jtr[k] += gk * r;
                for (int l = 0; l <= k; l++)
                {
                    jtj[(k * np) + l] += gk * grad[l] * w;
                }
            }
        }

        for (int k = 0; k < np; k++)
        {
            for (int l = k + 1; l < np; l++)
            {
                jtj[(k * np) + l] = jtj[(l * np) + k];
            }
        }

        return chi2;
    }
}
