namespace XccaMap.Diffraction.Features;

/// <summary>
/// Weighted least-squares fit of a Gaussian on a linear background by Levenberg–Marquardt (Marquardt 1963,
/// with the diagonal scaling of the normal matrix): the radial peak position q of a superlattice reflection in a
/// q window (design.md §4.4), and the refinement of ring positions. Five parameters, analytic Jacobian, normal
/// equations solved by Gaussian elimination with partial pivoting on the stack: no allocation per fit, so it can
/// run on every frame of a scan. The centre is kept inside the window and σ within the limits of
/// <see cref="GaussianFitOptions"/>.
/// </summary>
public static class GaussianPeakFit
{
    private const int P = 5;

    /// <summary>Fits y(x).</summary>
    /// <param name="x">Abscissae (increasing), at least 6.</param>
    /// <param name="y">Ordinates.</param>
    /// <param name="sigma">Standard errors of y (weights 1/σ²; non-positive or non-finite entries drop the point), or empty for equal weights.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <returns>The fit; <see cref="GaussianFitResult.Converged"/> false when too few points or the iteration failed.</returns>
    public static GaussianFitResult Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> sigma = default, GaussianFitOptions? options = null)
    {
        options ??= Defaults;
        int n = x.Length;
        if (y.Length != n || (!sigma.IsEmpty && sigma.Length != n))
        {
            throw new ArgumentException($"x has {n} points, y {y.Length}, sigma {sigma.Length}");
        }

        if (n < P + 1)
        {
            return default;
        }

        double x0 = x[0], x1 = x[n - 1];
        double width = x1 - x0;
        double step = width / (n - 1);
        double sMin = Math.Max(options.MinSigmaSamples * step, 1e-12);
        double sMax = options.MaxSigmaFraction * width;
        double xm = 0.5 * (x0 + x1);

        Span<double> p = stackalloc double[P];
        Initial(x, y, xm, sMin, sMax, p);
        Span<double> trial = stackalloc double[P];
        Span<double> alpha = stackalloc double[P * P];
        Span<double> beta = stackalloc double[P];
        Span<double> a = stackalloc double[P * P];
        Span<double> delta = stackalloc double[P];

        double chi2 = Normal(x, y, sigma, p, xm, alpha, beta, out int used);
        if (used < P + 1 || !double.IsFinite(chi2))
        {
            return default;
        }

        double lambda = 1e-3;
        bool converged = false;
        int it;
        for (it = 1; it <= options.MaxIterations; it++)
        {
            alpha.CopyTo(a);
            for (int i = 0; i < P; i++)
            {
                a[(i * P) + i] = alpha[(i * P) + i] * (1 + lambda) + 1e-300;
            }

            beta.CopyTo(delta);
            if (!Solve(a, delta))
            {
                lambda *= 10;
                continue;
            }

            for (int i = 0; i < P; i++)
            {
                trial[i] = p[i] + delta[i];
            }

            trial[1] = Math.Clamp(trial[1], x0, x1);
            trial[2] = Math.Clamp(Math.Abs(trial[2]), sMin, sMax);
            double chi2New = ChiSquare(x, y, sigma, trial, xm);
            if (chi2New <= chi2)
            {
                double improvement = chi2 - chi2New;
                trial.CopyTo(p);
                chi2 = Normal(x, y, sigma, p, xm, alpha, beta, out _);
                lambda = Math.Max(lambda / 10, 1e-12);
                if (improvement <= options.RelativeTolerance * Math.Max(chi2New, 1e-300))
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
                    converged = true; // no downhill step left: at the minimum within the limits
                    break;
                }
            }
        }

        int dof = Math.Max(1, used - P);
        double reduced = chi2 / dof;
        alpha.CopyTo(a);
        double ampError = 0, centreError = 0;
        if (Invert(a))
        {
            ampError = Math.Sqrt(Math.Max(0, a[0]) * reduced);
            centreError = Math.Sqrt(Math.Max(0, a[(1 * P) + 1]) * reduced);
        }

        return new GaussianFitResult(converged, p[0], p[1], p[2], p[3], p[4], xm, ampError, centreError, reduced, Math.Min(it, options.MaxIterations));
    }

    private static readonly GaussianFitOptions Defaults = new();

    private static void Initial(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double xm, double sMin, double sMax, Span<double> p)
    {
        int n = x.Length;
        int k = Math.Max(1, n / 10);
        double yl = 0, yr = 0, xl = 0, xr = 0;
        for (int i = 0; i < k; i++)
        {
            yl += y[i];
            xl += x[i];
            yr += y[n - 1 - i];
            xr += x[n - 1 - i];
        }

        yl /= k;
        yr /= k;
        xl /= k;
        xr /= k;
        double slope = xr > xl ? (yr - yl) / (xr - xl) : 0;
        double offset = yl + (slope * (xm - xl));
        int best = 0;
        double bestNet = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            double net = y[i] - offset - (slope * (x[i] - xm));
            if (net > bestNet)
            {
                bestNet = net;
                best = i;
            }
        }

        // Width from the number of samples above half the maximum.
        int above = 0;
        for (int i = 0; i < n; i++)
        {
            if (y[i] - offset - (slope * (x[i] - xm)) > 0.5 * bestNet)
            {
                above++;
            }
        }

        double s = above * ((x[n - 1] - x[0]) / (n - 1)) / 2.3548;
        p[0] = Math.Max(bestNet, 0);
        p[1] = x[best];
        p[2] = Math.Clamp(s, sMin, sMax);
        p[3] = offset;
        p[4] = slope;
    }

    /// <summary>χ² of parameters <paramref name="p"/>.</summary>
    private static double ChiSquare(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> sigma, ReadOnlySpan<double> p, double xm)
    {
        double chi2 = 0;
        double inv2s2 = 0.5 / (p[2] * p[2]);
        for (int i = 0; i < x.Length; i++)
        {
            double w = Weight(sigma, i);
            if (w <= 0 || !double.IsFinite(y[i]))
            {
                continue;
            }

            double d = x[i] - p[1];
            double r = y[i] - ((p[0] * Math.Exp(-d * d * inv2s2)) + p[3] + (p[4] * (x[i] - xm)));
            chi2 += w * r * r;
        }

        return chi2;
    }

    /// <summary>Normal matrix JᵀWJ, gradient JᵀWr and χ² at <paramref name="p"/>.</summary>
    private static double Normal(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> sigma, ReadOnlySpan<double> p, double xm, Span<double> alpha, Span<double> beta, out int used)
    {
        alpha.Clear();
        beta.Clear();
        Span<double> j = stackalloc double[P];
        double chi2 = 0;
        used = 0;
        double s = p[2];
        double inv2s2 = 0.5 / (s * s);
        for (int i = 0; i < x.Length; i++)
        {
            double w = Weight(sigma, i);
            if (w <= 0 || !double.IsFinite(y[i]))
            {
                continue;
            }

            used++;
            double d = x[i] - p[1];
            double g = Math.Exp(-d * d * inv2s2);
            double r = y[i] - ((p[0] * g) + p[3] + (p[4] * (x[i] - xm)));
            j[0] = g;
            j[1] = p[0] * g * d / (s * s);
            j[2] = p[0] * g * d * d / (s * s * s);
            j[3] = 1;
            j[4] = x[i] - xm;
            for (int a = 0; a < P; a++)
            {
                beta[a] += w * j[a] * r;
                for (int b = 0; b <= a; b++)
                {
                    alpha[(a * P) + b] += w * j[a] * j[b];
                }
            }

            chi2 += w * r * r;
        }

        for (int a = 0; a < P; a++)
        {
            for (int b = a + 1; b < P; b++)
            {
                alpha[(a * P) + b] = alpha[(b * P) + a];
            }
        }

        return chi2;
    }

    private static double Weight(ReadOnlySpan<double> sigma, int i)
    {
        if (sigma.IsEmpty)
        {
            return 1;
        }

        double s = sigma[i];
        return s > 0 && double.IsFinite(s) ? 1.0 / (s * s) : 0;
    }

    /// <summary>Solves a·x = b in place (b becomes x); false when singular.</summary>
    private static bool Solve(Span<double> a, Span<double> b)
    {
        for (int c = 0; c < P; c++)
        {
            int piv = c;
            for (int r = c + 1; r < P; r++)
            {
                if (Math.Abs(a[(r * P) + c]) > Math.Abs(a[(piv * P) + c]))
                {
                    piv = r;
                }
            }

            if (!(Math.Abs(a[(piv * P) + c]) > 1e-300))
            {
                return false;
            }

            if (piv != c)
            {
                for (int k = 0; k < P; k++)
                {
                    (a[(c * P) + k], a[(piv * P) + k]) = (a[(piv * P) + k], a[(c * P) + k]);
                }

                (b[c], b[piv]) = (b[piv], b[c]);
            }

            for (int r = c + 1; r < P; r++)
            {
                double f = a[(r * P) + c] / a[(c * P) + c];
                for (int k = c; k < P; k++)
                {
                    a[(r * P) + k] -= f * a[(c * P) + k];
                }

                b[r] -= f * b[c];
            }
        }

        for (int r = P - 1; r >= 0; r--)
        {
            double s = b[r];
            for (int k = r + 1; k < P; k++)
            {
                s -= a[(r * P) + k] * b[k];
            }

            b[r] = s / a[(r * P) + r];
        }

        return true;
    }

    /// <summary>Inverts a (P × P) in place by solving for each unit vector; false when singular.</summary>
    private static bool Invert(Span<double> a)
    {
        Span<double> copy = stackalloc double[P * P];
        Span<double> col = stackalloc double[P];
        Span<double> inv = stackalloc double[P * P];
        for (int c = 0; c < P; c++)
        {
            a.CopyTo(copy);
            col.Clear();
            col[c] = 1;
            if (!Solve(copy, col))
            {
                return false;
            }

            for (int r = 0; r < P; r++)
            {
                inv[(r * P) + c] = col[r];
            }
        }

        inv.CopyTo(a);
        return true;
    }
}
