namespace XccaMap.Simulation.Model;

/// <summary>The complementary error function.</summary>
public static class Erf
{
    private static readonly double[] Coefficients =
        [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

    /// <summary>erfc(x), relative error below 1.2·10⁻⁷ everywhere (Numerical Recipes' Chebyshev fit, erfcc).</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + (0.5 * z));
        double poly = 0;
        for (int i = Coefficients.Length - 1; i >= 0; i--)
        {
            poly = (poly * t) + Coefficients[i];
        }

        double r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
