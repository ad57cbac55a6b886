using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Order;

/// <summary>
/// Spherical harmonics of degree l = 6, Y₆ₘ(r̂) = N₆ₘ P₆ᵐ(cos θ) e^{imφ} with the Condon–Shortley phase
/// (as scipy.special.sph_harm), for m = 0…6; negative m follow from Y₆,₋ₘ = (−1)ᵐ Y₆ₘ*.
/// </summary>
/// <remarks>
/// P₆ᵐ(cos θ) e^{imφ} is evaluated as (−1)ᵐ (2m−1)!! Qᵐ(z)·(x + iy)ᵐ for a unit vector (x, y, z), where Qᵐ
/// obeys the Legendre recurrence from Qᵐₘ = 1. This avoids trigonometric calls and is exact at the poles.
/// </remarks>
public static class SphericalHarmonics6
{
    /// <summary>Number of stored components: m = 0…6.</summary>
    public const int Components = 7;

    private static readonly double[] Prefactor = BuildPrefactors();

    /// <summary>
    /// Writes Re and Im of Y₆ₘ(<paramref name="direction"/>) for m = 0…6 into <paramref name="re"/>, <paramref name="im"/>.
    /// </summary>
    /// <param name="direction">Any non-zero vector (normalised here).</param>
    /// <param name="re">Real parts, length ≥ 7.</param>
    /// <param name="im">Imaginary parts, length ≥ 7.</param>
    public static void Evaluate(Vec3 direction, Span<double> re, Span<double> im)
    {
        double r = direction.Norm;
        double x = direction.X / r, y = direction.Y / r, z = direction.Z / r;
        double pr = 1, pi = 0; // (x + iy)^m
        for (int m = 0; m <= 6; m++)
        {
            // Q^m_l for l = m..6 by the recurrence (l − m) Q_l = (2l − 1) z Q_{l−1} − (l + m − 1) Q_{l−2}.
            double q2 = 0, q1 = 1;
            for (int l = m + 1; l <= 6; l++)
            {
                double q = (((2 * l) - 1) * z * q1 - ((l + m - 1) * q2)) / (l - m);
                q2 = q1;
                q1 = q;
            }

            double a = Prefactor[m] * q1;
            re[m] = a * pr;
            im[m] = a * pi;
            (pr, pi) = ((pr * x) - (pi * y), (pr * y) + (pi * x));
        }
    }

    private static double[] BuildPrefactors()
    {
        var p = new double[7];
        for (int m = 0; m <= 6; m++)
        {
            // N₆ₘ = sqrt(13/(4π) · (6−m)!/(6+m)!), times (−1)^m (2m−1)!!.
            double ratio = Factorial(6 - m) / Factorial(6 + m);
            double dfact = 1;
            for (int k = (2 * m) - 1; k > 1; k -= 2)
            {
                dfact *= k;
            }

            p[m] = Math.Sqrt(13.0 / (4 * Math.PI) * ratio) * dfact * ((m & 1) == 0 ? 1 : -1);
        }

        return p;
    }

    private static double Factorial(int n)
    {
        double f = 1;
        for (int k = 2; k <= n; k++)
        {
            f *= k;
        }

        return f;
    }
}
