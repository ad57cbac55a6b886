using MathNet.Numerics;
using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Ccf;

/// <summary>
/// Analytic cross-correlation function of two rings of Gaussian peaks (eqs. 4–6 of the Mukharamova et al. 2019
/// S.I., in the angular domain):
/// C(Δ) = ∮ I₁(φ) I₂(φ + Δ) W(φ + Δ) dφ with Iₖ(φ) = Σᵢ Aᵢ exp[−(φ − φᵢ)²/2σᵢ²] wrapped on 360°, and W the
/// detector window of ring 2 (eq. 6 applies it to the WAXS ring, the second argument).
/// </summary>
/// <remarks>
/// Without a window each pair of peaks contributes a Gaussian in Δ centred at φⱼ − φᵢ with width √(σᵢ² + σⱼ²):
/// Aᵢ Bⱼ · √(2π) σᵢσⱼ/√(σᵢ² + σⱼ²) · exp[−(Δ − (φⱼ − φᵢ))² / 2(σᵢ² + σⱼ²)] (the exact integral of the two
/// Gaussians; summed over periodic images). With a window the product of the two Gaussians is a Gaussian in φ,
/// integrated over the arc with erf. Angles in degrees; C in (intensity² · degree) units before normalisation.
/// The 1/2π prefactor of eq. 1 is omitted: the result is normally scaled to [0, 1] (<see cref="Normalize"/>).
/// </remarks>
public static class AnalyticCcf
{
    /// <summary>C(Δ) at one Δ (degrees).</summary>
    public static double Evaluate(IReadOnlyList<AngularPeak> ring1, IReadOnlyList<AngularPeak> ring2, double deltaDeg, AngularWindow? window2 = null)
    {
        ArgumentNullException.ThrowIfNull(ring1);
        ArgumentNullException.ThrowIfNull(ring2);
        AngularWindow? w = window2 is { IsFull: true } ? null : window2;
        double sum = 0;
        foreach (AngularPeak p1 in ring1)
        {
            foreach (AngularPeak p2 in ring2)
            {
                sum += p1.Amplitude * p2.Amplitude * PairIntegral(p1, p2, deltaDeg, w);
            }
        }

        return sum;
    }

    /// <summary>C(Δ) on a grid of Δ values (degrees).</summary>
    public static double[] Evaluate(IReadOnlyList<AngularPeak> ring1, IReadOnlyList<AngularPeak> ring2, ReadOnlySpan<double> deltasDeg, AngularWindow? window2 = null)
    {
        var result = new double[deltasDeg.Length];
        for (int i = 0; i < deltasDeg.Length; i++)
        {
            result[i] = Evaluate(ring1, ring2, deltasDeg[i], window2);
        }

        return result;
    }

    /// <summary>The uniform grid Δᵢ = start + i·step (degrees), i = 0 … count − 1; e.g. (−180, 1, 360).</summary>
    public static double[] DeltaGrid(double startDeg, double stepDeg, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var grid = new double[count];
        for (int i = 0; i < count; i++)
        {
            grid[i] = startDeg + (i * stepDeg);
        }

        return grid;
    }

    /// <summary>
    /// Scales a CCF to [0, 1] as (C − min)/(max − min) over the sampled values (S.I.: "scaled in such a way that its
    /// value lies between 0 and 1"). A constant CCF (max = min) maps to all zeros. Returns a new array.
    /// </summary>
    public static double[] Normalize(ReadOnlySpan<double> ccf)
    {
        var result = new double[ccf.Length];
        if (ccf.Length == 0)
        {
            return result;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double c in ccf)
        {
            min = Math.Min(min, c);
            max = Math.Max(max, c);
        }

        double range = max - min;
        for (int i = 0; i < ccf.Length; i++)
        {
            result[i] = range > 0 ? (ccf[i] - min) / range : 0;
        }

        return result;
    }

    // ∮ g₁(φ) g₂(φ + Δ) W(φ + Δ) dφ for two periodic unit-height Gaussians. Substituting ψ = φ + Δ and unfolding the
    // periodicity of g₂ onto the real line: ∫ℝ g₂(ψ) Σₘ g₁(ψ − Δ − 360m) W(ψ) dψ.
    private static double PairIntegral(AngularPeak p1, AngularPeak p2, double deltaDeg, AngularWindow? window)
    {
        double s1 = p1.SigmaDeg, s2 = p2.SigmaDeg;
        if (!(s1 > 0) || !(s2 > 0))
        {
            throw new ArgumentException(FormattableString.Invariant($"Peak widths must be positive (σ = {s1}°, {s2}°)."));
        }

        double v = (s1 * s1) + (s2 * s2);
        double sTot = Math.Sqrt(v);
        double b = p2.PhiDeg;
        double a0 = Angles.Wrap180(p1.PhiDeg + deltaDeg - b) + b; // nearest image of g₁'s centre to g₂
        int images = 1 + (int)Math.Ceiling(8 * sTot / 360);
        double sProd = s1 * s2 / sTot; // width of the product Gaussian
        double sum = 0;
        for (int m = -images; m <= images; m++)
        {
            double a = a0 + (360.0 * m);
            double d = a - b;
            double amp = Math.Exp(-(d * d) / (2 * v));
            if (amp < 1e-300)
            {
                continue;
            }

            if (window is null)
            {
                sum += amp * Math.Sqrt(2 * Math.PI) * sProd;
                continue;
            }

            double c = ((a * s2 * s2) + (b * s1 * s1)) / v; // centre of the product Gaussian
            sum += amp * WindowedGaussianIntegral(c, sProd, window.Value);
        }

        return sum;
    }

    // ∫ℝ exp(−(ψ−c)²/2s²) W(ψ) dψ for the periodic arc window W.
    private static double WindowedGaussianIntegral(double c, double s, AngularWindow w)
    {
        double width = w.WidthDeg;
        double start = c - Angles.Wrap360(c - w.StartDeg); // arc image starting at or below c
        double scale = s * Math.Sqrt(2);
        int reach = 1 + (int)Math.Ceiling(8 * s / 360);
        double sum = 0;
        for (int n = -reach; n <= reach; n++)
        {
            double lo = start + (360.0 * n), hi = lo + width;
            sum += SpecialFunctions.Erf((hi - c) / scale) - SpecialFunctions.Erf((lo - c) / scale);
        }

        return sum * s * Math.Sqrt(Math.PI / 2);
    }
}
