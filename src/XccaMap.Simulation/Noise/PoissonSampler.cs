using System.Runtime.CompilerServices;

namespace XccaMap.Simulation.Noise;

/// <summary>
/// Exact Poisson deviates: inversion by sequential search for λ &lt; 10 (one uniform, on average λ + 1 steps), and
/// Hörmann's PTRS transformed rejection for λ ≥ 10 (W. Hörmann, "The transformed rejection method for generating
/// Poisson random variables", Insurance: Mathematics and Economics 12, 1993; the method numpy uses).
/// </summary>
public static class PoissonSampler
{
    /// <summary>Mean above which PTRS replaces inversion.</summary>
    public const double InversionLimit = 10.0;

    /// <summary>One Poisson(<paramref name="lambda"/>) deviate (λ ≥ 0; 0 for λ ≤ 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Next(ref Xoshiro256 rng, double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        return lambda < InversionLimit ? Inversion(ref rng, lambda) : Ptrs(ref rng, lambda);
    }

    private static long Inversion(ref Xoshiro256 rng, double lambda)
    {
        double u = rng.NextDouble();
        double p = Math.Exp(-lambda);
        double f = p;
        long k = 0;
        while (u > f)
        {
            k++;
            p *= lambda / k;
            f += p;
            if (k > 200)
            {
                break; // cumulative rounding: u within 1e-13 of 1; the tail beyond here is negligible for λ < 10.
            }
        }

        return k;
    }

    private static long Ptrs(ref Xoshiro256 rng, double lambda)
    {
        double slam = Math.Sqrt(lambda);
        double loglam = Math.Log(lambda);
        double b = 0.931 + (2.53 * slam);
        double a = -0.059 + (0.02483 * b);
        double invalpha = 1.1239 + (1.1328 / (b - 3.4));
        double vr = 0.9277 - (3.6224 / (b - 2));
        while (true)
        {
            double u = rng.NextDouble() - 0.5;
            double v = rng.NextDouble();
            double us = 0.5 - Math.Abs(u);
            long k = (long)Math.Floor((((2 * a) / us) + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            if (Math.Log(v) + Math.Log(invalpha) - Math.Log((a / (us * us)) + b) <= -lambda + (k * loglam) - LogFactorial(k))
            {
                return k;
            }
        }
    }

    /// <summary>ln k! (exact sum below 30, Stirling series above).</summary>
    public static double LogFactorial(long k)
    {
        if (k < LogFactorialTable.Length)
        {
            return LogFactorialTable[k];
        }

        double x = k + 1.0;
        // ln Γ(x) Stirling series with three correction terms: error < 1e-12 for x > 30.
        return ((x - 0.5) * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI)) + (1.0 / (12 * x)) - (1.0 / (360 * x * x * x)) + (1.0 / (1260 * x * x * x * x * x));
    }

    private static readonly double[] LogFactorialTable = BuildTable();

    private static double[] BuildTable()
    {
        var t = new double[30];
        for (int i = 1; i < t.Length; i++)
        {
            t[i] = t[i - 1] + Math.Log(i);
        }

        return t;
    }
}
