using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Statistics;

/// <summary>
/// Fits a Gaussian A·exp(−(x − μ)²/2σ²) to the histogram of values (least squares, Gauss–Newton with a
/// Levenberg damping), started from the median and the MAD so a tail of outliers (mis-sized or merged
/// particles) does not pull the fit — "fitted assuming a Gaussian spread" as in the SI of Friedrich et al.
/// </summary>
public static class GaussianFit
{
    /// <summary>The fitted μ and σ; with fewer than 8 values, the median and the MAD-based σ.</summary>
    public static GaussianEstimate Fit(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var v = values.Where(double.IsFinite).OrderBy(x => x).ToArray();
        if (v.Length == 0)
        {
            return GaussianEstimate.None;
        }

        double median = v[v.Length / 2];
        double mad = v.Select(x => Math.Abs(x - median)).OrderBy(x => x).ElementAt(v.Length / 2);
        double sigma0 = Math.Max(1.4826 * mad, 1e-6 * Math.Max(1, Math.Abs(median)));
        if (v.Length < 8)
        {
            return new GaussianEstimate(median, sigma0, v.Length);
        }

        // Histogram over μ ± 5σ with bins of σ/4 (at least 12 bins).
        double lo = median - (5 * sigma0), width = sigma0 / 4;
        int nb = 40;
        var h = new double[nb];
        foreach (double x in v)
        {
            int b = (int)Math.Floor((x - lo) / width);
            if (b >= 0 && b < nb)
            {
                h[b]++;
            }
        }

        double a = h.Max(), mu = median, s = sigma0, lambda = 1e-3;
        double cost = Cost(a, mu, s);
        for (int iter = 0; iter < 100; iter++)
        {
            Mat3 jtj = Mat3.Diagonal(0, 0, 0);
            Vec3 jtr = Vec3.Zero;
            for (int b = 0; b < nb; b++)
            {
                double x = lo + ((b + 0.5) * width), d = x - mu, e = Math.Exp(-0.5 * d * d / (s * s));
                var j = new Vec3(e, a * e * d / (s * s), a * e * d * d / (s * s * s));
                double r = h[b] - (a * e);
                jtj += Mat3.FromColumns(j * j.X, j * j.Y, j * j.Z);
                jtr += j * r;
            }

            Mat3 damped = jtj + Mat3.Diagonal(lambda * jtj.M11, lambda * jtj.M22, lambda * jtj.M33);
            Vec3 step;
            try
            {
                step = damped.Inverse() * jtr;
            }
            catch (InvalidOperationException)
            {
                break;
            }

            double na = a + step.X, nmu = mu + step.Y, ns = Math.Abs(s + step.Z);
            double nc = Cost(na, nmu, ns);
            if (nc < cost)
            {
                (a, mu, s, cost) = (na, nmu, ns, nc);
                lambda *= 0.3;
                if (step.Norm < 1e-9 * (1 + Math.Abs(mu)))
                {
                    break;
                }
            }
            else
            {
                lambda *= 10;
                if (lambda > 1e8)
                {
                    break;
                }
            }
        }

        return double.IsFinite(mu) && s > 0 ? new GaussianEstimate(mu, s, v.Length) : new GaussianEstimate(median, sigma0, v.Length);

        double Cost(double amp, double m, double sg)
        {
            double c = 0;
            for (int b = 0; b < nb; b++)
            {
                double x = lo + ((b + 0.5) * width), d = x - m;
                double r = h[b] - (amp * Math.Exp(-0.5 * d * d / (sg * sg)));
                c += r * r;
            }

            return c;
        }
    }
}
