using MathNet.Numerics.LinearAlgebra;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// A small Levenberg–Marquardt least-squares minimiser with box bounds and a central-difference Jacobian:
/// min Σ rᵢ(p)² subject to lower ≤ p ≤ upper.
/// </summary>
/// <remarks>
/// Steps solve (JᵀJ + μ·diag(JᵀJ)) δ = −Jᵀr (Marquardt's scaling, so parameters in different units — degrees,
/// amplitudes — are treated alike); the trial point is clamped into the box and accepted if the gain ratio
/// ρ = actual/predicted reduction is positive; μ is updated after Nielsen (1999): μ·max(⅓, 1 − (2ρ − 1)³) on success,
/// μ·ν with ν doubling on failure. Own code rather than MathNet's minimiser because the CCF model needs hard bounds
/// (a "small" misorientation must not wander to the other configuration) without a change of variables that would
/// distort the standard errors. Linear algebra is MathNet's.
/// </remarks>
public sealed class LevenbergMarquardt
{
    /// <summary>Largest number of iterations.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Stop when an accepted step lowers the RSS by less than this fraction.</summary>
    public double RelativeRssTolerance { get; init; } = 1e-10;

    /// <summary>Stop when every |δⱼ| is below this fraction of its finite-difference step.</summary>
    public double StepTolerance { get; init; } = 1e-6;

    /// <summary>Minimises Σ r(p)².</summary>
    /// <param name="residuals">r(p); must return the same length every call; non-finite values are an error.</param>
    /// <param name="initial">Starting point (clamped into the bounds).</param>
    /// <param name="steps">Finite-difference step per parameter (in its unit, &gt; 0), e.g. 1e-3° for an angle.</param>
    /// <param name="lower">Lower bounds, or null (−∞).</param>
    /// <param name="upper">Upper bounds, or null (+∞).</param>
    public LevenbergMarquardtResult Minimize(Func<double[], double[]> residuals, double[] initial, double[] steps, double[]? lower = null, double[]? upper = null)
    {
        ArgumentNullException.ThrowIfNull(residuals);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(steps);
        int p = initial.Length;
        double[] lo = lower ?? Enumerable.Repeat(double.NegativeInfinity, p).ToArray();
        double[] hi = upper ?? Enumerable.Repeat(double.PositiveInfinity, p).ToArray();
        if (steps.Length != p || lo.Length != p || hi.Length != p || steps.Any(s => !(s > 0)))
        {
            throw new ArgumentException($"Need {p} positive steps and {p} bounds (got {steps.Length} steps, {lo.Length} lower, {hi.Length} upper).");
        }

        int evaluations = 0;
        double[] Eval(double[] x)
        {
            evaluations++;
            double[] r = residuals(x);
            if (r.Any(v => !double.IsFinite(v)))
            {
                throw new InvalidOperationException("The residual function returned a non-finite value at p = [" + string.Join(", ", x) + "].");
            }

            return r;
        }

        double[] x = Clamp(initial, lo, hi);
        double[] r = Eval(x);
        double rss = Sum2(r);
        double[,] jac = Jacobian(Eval, x, r, steps, lo, hi);
        double mu = -1, nu = 2;
        int iterations = 0;
        bool converged = false;
        string reason = "iteration limit";
        while (iterations < MaxIterations)
        {
            iterations++;
            var j = Matrix<double>.Build.DenseOfArray(jac);
            var a = j.TransposeThisAndMultiply(j);
            var g = j.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(r));
            if (g.AbsoluteMaximum() == 0)
            {
                converged = true;
                reason = "zero gradient";
                break;
            }

            var d = Vector<double>.Build.Dense(p, i => Math.Max(a[i, i], 1e-12 * Math.Max(1, a.Diagonal().AbsoluteMaximum())));
            if (mu < 0)
            {
                mu = 1e-3;
            }

            double[] step = Solve(a + Matrix<double>.Build.DiagonalOfDiagonalVector(d * mu), -g).ToArray();
            double[] trial = Clamp(x.Select((v, i) => v + step[i]).ToArray(), lo, hi);
            var actual = Vector<double>.Build.DenseOfEnumerable(trial.Select((v, i) => v - x[i]));
            if (actual.Select((v, i) => Math.Abs(v) / steps[i]).Max() < StepTolerance)
            {
                converged = true;
                reason = "step below tolerance";
                break;
            }

            double predicted = -((2 * g.DotProduct(actual)) + actual.DotProduct(a * actual));
            double[] rTrial = Eval(trial);
            double rssTrial = Sum2(rTrial);
            double rho = predicted > 0 ? (rss - rssTrial) / predicted : -1;
            if (rho > 0 && rssTrial < rss)
            {
                double drop = (rss - rssTrial) / Math.Max(rss, 1e-300);
                x = trial;
                r = rTrial;
                rss = rssTrial;
                jac = Jacobian(Eval, x, r, steps, lo, hi);
                mu *= Math.Max(1.0 / 3, 1 - Math.Pow((2 * rho) - 1, 3));
                nu = 2;
                if (drop < RelativeRssTolerance)
                {
                    converged = true;
                    reason = "relative RSS change below tolerance";
                    break;
                }
            }
            else
            {
                mu *= nu;
                nu *= 2;
                if (mu > 1e16)
                {
                    converged = true;
                    reason = "no further decrease (damping limit)";
                    break;
                }
            }
        }

        return Finish(x, r, rss, jac, lo, hi, iterations, evaluations, converged, reason);
    }

    private static LevenbergMarquardtResult Finish(double[] x, double[] r, double rss, double[,] jac, double[] lo, double[] hi,
        int iterations, int evaluations, bool converged, string reason)
    {
        int p = x.Length, n = r.Length;
        bool[] atBound = x.Select((v, i) => v <= lo[i] || v >= hi[i]).ToArray();
        int[] free = Enumerable.Range(0, p).Where(i => !atBound[i]).ToArray();
        int dof = n - free.Length;
        var cov = new double[p, p];
        var se = new double[p];
        for (int i = 0; i < p; i++)
        {
            se[i] = double.NaN;
            for (int k = 0; k < p; k++)
            {
                cov[i, k] = double.NaN;
            }
        }

        if (free.Length > 0)
        {
            var jf = Matrix<double>.Build.Dense(n, free.Length, (row, c) => jac[row, free[c]]);
            var a = jf.TransposeThisAndMultiply(jf);
            var svd = a.Svd(computeVectors: true);
            double sMax = svd.S.AbsoluteMaximum();
            double s2 = dof > 0 ? rss / dof : double.NaN;
            var inv = Matrix<double>.Build.Dense(free.Length, free.Length);
            var unconstrained = new bool[free.Length];
            for (int m = 0; m < free.Length; m++)
            {
                double s = svd.S[m];
                if (s > 1e-12 * sMax && s > 0)
                {
                    inv += svd.U.Column(m).OuterProduct(svd.U.Column(m)) / s;
                    continue;
                }

                for (int c = 0; c < free.Length; c++)
                {
                    unconstrained[c] |= Math.Abs(svd.U[c, m]) > 1e-6;
                }
            }

            for (int c1 = 0; c1 < free.Length; c1++)
            {
                for (int c2 = 0; c2 < free.Length; c2++)
                {
                    cov[free[c1], free[c2]] = inv[c1, c2] * s2;
                }

                se[free[c1]] = unconstrained[c1] ? double.PositiveInfinity : Math.Sqrt(Math.Max(0, inv[c1, c1] * s2));
            }
        }

        return new LevenbergMarquardtResult
        {
            Parameters = x,
            Residuals = r,
            Rss = rss,
            Covariance = cov,
            StandardErrors = se,
            Jacobian = jac,
            Iterations = iterations,
            Evaluations = evaluations,
            Converged = converged,
            Reason = reason,
            DegreesOfFreedom = dof,
        };
    }

    // Central differences, one-sided at a bound.
    private static double[,] Jacobian(Func<double[], double[]> f, double[] x, double[] r0, double[] steps, double[] lo, double[] hi)
    {
        int n = r0.Length, p = x.Length;
        var jac = new double[n, p];
        var xp = (double[])x.Clone();
        for (int j = 0; j < p; j++)
        {
            double h = steps[j];
            double up = Math.Min(hi[j], x[j] + h), down = Math.Max(lo[j], x[j] - h);
            xp[j] = up;
            double[] rUp = up > x[j] ? f(xp) : r0;
            xp[j] = down;
            double[] rDown = down < x[j] ? f(xp) : r0;
            xp[j] = x[j];
            double span = up - down;
            for (int i = 0; i < n; i++)
            {
                jac[i, j] = span > 0 ? (rUp[i] - rDown[i]) / span : 0;
            }
        }

        return jac;
    }

    private static Vector<double> Solve(Matrix<double> m, Vector<double> b)
    {
        try
        {
            return m.Cholesky().Solve(b);
        }
        catch (ArgumentException)
        {
            return m.Svd(computeVectors: true).Solve(b);
        }
    }

    private static double[] Clamp(double[] x, double[] lo, double[] hi) => x.Select((v, i) => Math.Clamp(v, lo[i], hi[i])).ToArray();

    private static double Sum2(double[] r)
    {
        double s = 0;
        foreach (double v in r)
        {
            s += v * v;
        }

        return s;
    }
}
