namespace XccaMap.Crystallography.FormFactors;

/// <summary>
/// Form factor of a homogeneous sphere of radius R (Å): the amplitude normalised to 1 at q = 0,
/// F(q) = 3 [sin(qR) − qR cos(qR)] / (qR)³, and the intensity P(q) = F(q)². Multiply the amplitude by
/// Δρ·V = Δρ·4πR³/3 for absolute units (so the unnormalised intensity scales as R⁶).
/// </summary>
public static class SphereFormFactor
{
    /// <summary>First zero of F(q): the smallest positive root of tan x = x, qR ≈ 4.4934.</summary>
    public const double FirstZeroQR = 4.493409457909064;

    /// <summary>Normalised amplitude F(q) (dimensionless, 1 at q = 0) for q in Å⁻¹ and R in Å.</summary>
    public static double Amplitude(double q, double radius)
    {
        double x = q * radius;
        if (Math.Abs(x) < 1e-3)
        {
            // Series 1 − x²/10 + x⁴/280: the closed form loses all digits to cancellation as x → 0.
            double x2 = x * x;
            return 1 - (x2 / 10) + (x2 * x2 / 280);
        }

        return 3 * (Math.Sin(x) - (x * Math.Cos(x))) / (x * x * x);
    }

    /// <summary>Normalised intensity P(q) = F(q)² (dimensionless, 1 at q = 0).</summary>
    public static double Intensity(double q, double radius)
    {
        double f = Amplitude(q, radius);
        return f * f;
    }

    /// <summary>Sphere volume 4πR³/3 in Å³.</summary>
    public static double Volume(double radius) => 4.0 / 3.0 * Math.PI * radius * radius * radius;
}
