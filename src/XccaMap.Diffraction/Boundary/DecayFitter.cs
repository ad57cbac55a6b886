namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Least-squares fits of <see cref="ExponentialDecay"/> by Levenberg–Marquardt on (b, C, ln L) or (C, ln L) with the
/// analytic Jacobian, started from several decay lengths around a log-linear estimate; the best χ² wins. Points whose
/// weighted residual exceeds <see cref="RejectSigmas"/> robust standard deviations (1.4826 × median |r|) are left out
/// and the fit repeated until the set of points is stable (at most five rounds; every point is judged again each
/// round): a wrong peak caught by a q fit must not drag the decay.
/// </summary>
public static class DecayFitter
{
    /// <summary>Outlier threshold in robust standard deviations of the weighted residuals.</summary>
    public const double RejectSigmas = 5;

    private const int MaxIterations = 200;

    /// <summary>Fits y(d) = b·(1 + C·e^(−d/L)) (bulk level free).</summary>
    /// <param name="d">Distances to the edge (≥ 0), distance unit.</param>
    /// <param name="y">Values (e.g. q in Å⁻¹).</param>
    /// <param name="sigma">1-σ errors of y, or empty for equal weights; non-finite or non-positive entries get the median error.</param>
    public static ExponentialDecay FitScaled(ReadOnlySpan<double> d, ReadOnlySpan<double> y, ReadOnlySpan<double> sigma = default) =>
        Fit(d, y, sigma, withBulk: true);

    /// <summary>Fits c(d) = C·e^(−d/L) (compression relative to a known bulk).</summary>
    public static ExponentialDecay FitCompression(ReadOnlySpan<double> d, ReadOnlySpan<double> c, ReadOnlySpan<double> sigma = default) =>
        Fit(d, c, sigma, withBulk: false);

    private static ExponentialDecay Fit(ReadOnlySpan<double> dIn, ReadOnlySpan<double> yIn, ReadOnlySpan<double> sIn, bool withBulk)
    {
        var pts = new List<(double D, double Y, double S)>();
        for (int i = 0; i < dIn.Length; i++)
        {
            if (double.IsFinite(dIn[i]) && double.IsFinite(yIn[i]) && dIn[i] >= 0)
            {
                pts.Add((dIn[i], yIn[i], sIn.IsEmpty ? 1 : sIn[i]));
            }
        }

        double medianSigma = QMapBuilder.Median(pts.Select(p => p.S).Where(s => s > 0));
        var d = pts.Select(p => p.D).ToArray();
        var y = pts.Select(p => p.Y).ToArray();
        var w = pts.Select(p => 1 / Sq(p.S > 0 && double.IsFinite(p.S) ? p.S : double.IsFinite(medianSigma) ? medianSigma : 1)).ToArray();
        var keep = Enumerable.Repeat(true, d.Length).ToArray();
        ExponentialDecay result = ExponentialDecay.Failed(d.Length);
        for (int round = 0; round < 5; round++)
        {
            var idx = Enumerable.Range(0, d.Length).Where(i => keep[i]).ToArray();
            result = FitOnce(idx.Select(i => d[i]).ToArray(), idx.Select(i => y[i]).ToArray(), idx.Select(i => w[i]).ToArray(), withBulk) with { Rejected = d.Length - idx.Length };
            if (!result.Converged && !double.IsFinite(result.Amplitude))
            {
                break;
            }

            // Residuals of every point (a point left out by a distorted first fit may come back), σ from the kept ones;
            // the floor keeps rounding-level residuals of an exact model from making ordinary points outliers.
            var r = Enumerable.Range(0, d.Length).Select(i => (y[i] - (withBulk ? result.Evaluate(d[i]) : result.Compression(d[i]))) * Math.Sqrt(w[i])).ToArray();
            double floor = 1e-7 * QMapBuilder.Median(idx.Select(i => Math.Abs(y[i]) * Math.Sqrt(w[i])));
            double sigma = Math.Max(1.4826 * QMapBuilder.Median(idx.Select(i => Math.Abs(r[i]))), floor);
            var next = r.Select(x => Math.Abs(x) <= RejectSigmas * sigma).ToArray();
            if (next.SequenceEqual(keep) || next.Count(k => k) < (withBulk ? 4 : 3))
            {
                break;
            }

            keep = next;
        }

        return result;
    }

    private static ExponentialDecay FitOnce(double[] d, double[] y, double[] w, bool withBulk)
    {
        int np = withBulk ? 3 : 2;
        if (d.Length < np + 1 || d.Max() - d.Min() <= 0)
        {
            return ExponentialDecay.Failed(d.Length);
        }

        // Start: bulk from the farthest third, amplitude from the nearest points, L from a log-linear slope.
        var order = Enumerable.Range(0, d.Length).OrderBy(i => d[i]).ToArray();
        double b0 = withBulk ? QMapBuilder.Median(order.Skip(2 * order.Length / 3).Select(i => y[i])) : 1;
        double near = order.Take(Math.Max(2, order.Length / 6)).Average(i => y[i]);
        double c0 = withBulk ? (near / b0) - 1 : near;
        if (!(Math.Abs(c0) > 1e-6))
        {
            c0 = 1e-3;
        }

        double span = d.Max() - d.Min();
        double l0 = EstimateLength(d, y, b0, withBulk, span);
        ExponentialDecay? best = null;
        double bestChi = double.PositiveInfinity;
        foreach (double factor in (double[])[0.25, 0.5, 1, 2, 4])
        {
            double[] p = withBulk ? [b0, c0, Math.Log(l0 * factor)] : [c0, Math.Log(l0 * factor)];
            var result = Iterate(d, y, w, p, withBulk, out double chi2);
            if (result is not null && chi2 < bestChi)
            {
                bestChi = chi2;
                best = result;
            }
        }

        return best ?? ExponentialDecay.Failed(d.Length);
    }

    private static double EstimateLength(double[] d, double[] y, double b, bool withBulk, double span)
    {
        // Slope of ln|c| against d over the points with a clear excess.
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < d.Length; i++)
        {
            double c = withBulk ? (y[i] / b) - 1 : y[i];
            if (Math.Abs(c) > 1e-5)
            {
                double ly = Math.Log(Math.Abs(c));
                sx += d[i];
                sy += ly;
                sxx += d[i] * d[i];
                sxy += d[i] * ly;
                n++;
            }
        }

        double den = (n * sxx) - (sx * sx);
        double slope = n >= 2 && den > 0 ? ((n * sxy) - (sx * sy)) / den : double.NaN;
        double l = slope < 0 ? -1 / slope : span / 3;
        return Math.Clamp(double.IsFinite(l) ? l : span / 3, span / 50, span * 5);
    }

    private static ExponentialDecay? Iterate(double[] d, double[] y, double[] w, double[] p, bool withBulk, out double chi2)
    {
        int np = p.Length, n = d.Length;
        var jac = new double[np];
        var alpha = new double[np * np];
        var beta = new double[np];
        var trial = new double[np];
        double lambda = 1e-3;
        chi2 = Normal(d, y, w, p, withBulk, alpha, beta, jac);
        bool converged = false;
        for (int it = 0; it < MaxIterations; it++)
        {
            var a = (double[])alpha.Clone();
            for (int i = 0; i < np; i++)
            {
                a[(i * np) + i] *= 1 + lambda;
                a[(i * np) + i] += 1e-300;
            }

            var delta = (double[])beta.Clone();
            if (!Solve(a, delta, np))
            {
                lambda *= 10;
                continue;
            }

            for (int i = 0; i < np; i++)
            {
                trial[i] = p[i] + delta[i];
            }

            trial[np - 1] = Math.Clamp(trial[np - 1], -30, 30);
            var alphaT = new double[np * np];
            var betaT = new double[np];
            double chiT = Normal(d, y, w, trial, withBulk, alphaT, betaT, jac);
            if (double.IsFinite(chiT) && chiT <= chi2)
            {
                bool small = chi2 - chiT <= 1e-10 * Math.Max(chi2, 1e-300);
                Array.Copy(trial, p, np);
                Array.Copy(alphaT, alpha, alpha.Length);
                Array.Copy(betaT, beta, np);
                chi2 = chiT;
                lambda = Math.Max(lambda / 10, 1e-12);
                if (small)
                {
                    converged = true;
                    break;
                }
            }
            else
            {
                lambda *= 10;
                if (lambda > 1e12)
                {
                    converged = true;
                    break;
                }
            }
        }

        int dof = n - np;
        if (dof < 1 || !double.IsFinite(chi2))
        {
            return null;
        }

        double red = chi2 / dof;
        var cov = Invert(alpha, np);
        double Err(int i) => cov is null ? double.NaN : Math.Sqrt(Math.Max(cov[(i * np) + i], 0) * red);
        double b = withBulk ? p[0] : 1, c = withBulk ? p[1] : p[0], lnL = p[np - 1], l = Math.Exp(lnL);
        double rms = 0;
        for (int i = 0; i < n; i++)
        {
            double e = c * Math.Exp(-d[i] / l);
            rms += withBulk ? Sq((y[i] - (b * (1 + e))) / b) : Sq(y[i] - e);
        }

        return new ExponentialDecay(
            converged, n, b, withBulk ? Err(0) : 0, c, Err(withBulk ? 1 : 0), l, l * Err(np - 1), red, Math.Sqrt(rms / n));
    }

    /// <summary>χ² and the normal equations (JᵀWJ, JᵀW r) at <paramref name="p"/>.</summary>
    private static double Normal(double[] d, double[] y, double[] w, double[] p, bool withBulk, double[] alpha, double[] beta, double[] jac)
    {
        int np = p.Length;
        Array.Clear(alpha);
        Array.Clear(beta);
        double b = withBulk ? p[0] : 1, c = withBulk ? p[1] : p[0], l = Math.Exp(p[np - 1]);
        double chi2 = 0;
        for (int i = 0; i < d.Length; i++)
        {
            double e = Math.Exp(-d[i] / l);
            double model = withBulk ? b * (1 + (c * e)) : c * e;
            double r = y[i] - model;
            chi2 += w[i] * r * r;
            if (withBulk)
            {
                jac[0] = 1 + (c * e);
                jac[1] = b * e;
                jac[2] = b * c * e * d[i] / l;
            }
            else
            {
                jac[0] = e;
                jac[1] = c * e * d[i] / l;
            }

            for (int j = 0; j < np; j++)
            {
                beta[j] += w[i] * jac[j] * r;
                for (int k = 0; k < np; k++)
                {
                    alpha[(j * np) + k] += w[i] * jac[j] * jac[k];
                }
            }
        }

        return chi2;
    }

    /// <summary>Solves A x = b in place (Gaussian elimination with partial pivoting); false when singular.</summary>
    internal static bool Solve(double[] a, double[] b, int n)
    {
        for (int col = 0; col < n; col++)
        {
            int piv = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[(r * n) + col]) > Math.Abs(a[(piv * n) + col]))
                {
                    piv = r;
                }
            }

            if (!(Math.Abs(a[(piv * n) + col]) > 1e-300))
            {
                return false;
            }

            if (piv != col)
            {
                for (int k = 0; k < n; k++)
                {
                    (a[(col * n) + k], a[(piv * n) + k]) = (a[(piv * n) + k], a[(col * n) + k]);
                }

                (b[col], b[piv]) = (b[piv], b[col]);
            }

            for (int r = col + 1; r < n; r++)
            {
                double f = a[(r * n) + col] / a[(col * n) + col];
                for (int k = col; k < n; k++)
                {
                    a[(r * n) + k] -= f * a[(col * n) + k];
                }

                b[r] -= f * b[col];
            }
        }

        for (int r = n - 1; r >= 0; r--)
        {
            double s = b[r];
            for (int k = r + 1; k < n; k++)
            {
                s -= a[(r * n) + k] * b[k];
            }

            b[r] = s / a[(r * n) + r];
        }

        return true;
    }

    private static double[]? Invert(double[] a, int n)
    {
        var inv = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            var col = new double[n];
            col[j] = 1;
            if (!Solve((double[])a.Clone(), col, n))
            {
                return null;
            }

            for (int i = 0; i < n; i++)
            {
                inv[(i * n) + j] = col[i];
            }
        }

        return inv;
    }

    private static double Sq(double x) => x * x;
}
