namespace XccaMap.Crystallography.Structures;

/// <summary>
/// Atomic form factor of a neutral free atom from the Cromer–Mann four-Gaussian fit,
/// f(s) = Σᵢ aᵢ exp(−bᵢ s²) + c with s = sinθ/λ = q/(4π) in Å⁻¹ (bᵢ in Å²), in electrons.
/// Anomalous dispersion (f′, f″) is neglected: at 13.8 keV Pb (L3 edge 13.04 keV) has f′ ≈ −8 e, which changes
/// absolute intensities but not which reflections appear; add it at the simulator level if needed.
/// </summary>
/// <remarks>
/// Coefficients: International Tables for Crystallography Vol. C (2006), Table 6.1.1.4 (Cromer–Mann
/// nine-parameter fits, neutral atoms); the fit is good to ~0.01 e for s ≤ 2 Å⁻¹ (q ≤ 25 Å⁻¹).
/// </remarks>
public sealed class CromerMannScatterer : IScatterer
{
    private readonly double[] _a;
    private readonly double[] _b;
    private readonly double _c;

    /// <summary>Creates a form factor from four a, four b (Å²) and c.</summary>
    public CromerMannScatterer(string label, ReadOnlySpan<double> a, ReadOnlySpan<double> b, double c)
    {
        if (a.Length != 4 || b.Length != 4)
        {
            throw new ArgumentException($"Cromer–Mann coefficients for {label}: expected 4 a and 4 b, got {a.Length} and {b.Length}.");
        }

        Label = label;
        _a = a.ToArray();
        _b = b.ToArray();
        _c = c;
    }

    /// <summary>Neutral Pb (Z = 82), ITC Vol. C Table 6.1.1.4.</summary>
    public static CromerMannScatterer Pb { get; } =
        new("Pb", [31.0617, 13.0637, 18.442, 5.9696], [0.6902, 2.3576, 8.618, 47.2579], 13.4118);

    /// <summary>Neutral S (Z = 16), ITC Vol. C Table 6.1.1.4.</summary>
    public static CromerMannScatterer S { get; } =
        new("S", [6.9053, 5.2034, 1.4379, 1.5863], [1.4679, 22.2151, 0.2536, 56.172], 0.8669);

    /// <inheritdoc />
    public string Label { get; }

    /// <summary>f(0) = Σ aᵢ + c ≈ Z (electrons).</summary>
    public double ForwardAmplitude => _a.Sum() + _c;

    /// <inheritdoc />
    public double Amplitude(double q)
    {
        double s = q / (4 * Math.PI);
        double s2 = s * s;
        double f = _c;
        for (int i = 0; i < 4; i++)
        {
            f += _a[i] * Math.Exp(-_b[i] * s2);
        }

        return f;
    }
}
