using System.Numerics;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// The mirror residual of a periodic function about an axis θ, from its Fourier series C(Δ) = Σ_n c_n·e^(inΔ):
/// <code>
///   R(θ) = Σ_{n≥1} Im(c_n·e^(inθ))² = Σ_{n≥1} |c_n|²·sin²(arg c_n + nθ)
/// </code>
/// which is ∝ ∫ [C(θ + x) − C(θ − x)]² dx (Parseval: the odd part of C about θ is −4·Σ sin(nx)·Im(c_n e^(inθ))).
/// Being the trigonometric interpolant of the samples it can be evaluated at any θ — a sub-degree grid needs no
/// interpolation of C — and has analytic derivatives for Newton refinement. Period π (axes at θ and θ + 180°).
/// The Nyquist harmonic of an even N is left out (its phase is not defined by the samples).
/// </summary>
internal sealed class MirrorResidual
{
    private readonly Complex[] _c;

    /// <summary>From N samples C(Δ_j), Δ_j = 2πj/N; non-finite samples are replaced by the mean of the finite ones.</summary>
    public MirrorResidual(ReadOnlySpan<double> ccf)
    {
        int n = ccf.Length;
        double mean = MaskedCcfEngine.MeanOfFinite(ccf);
        var z = new Complex[n];
        for (int j = 0; j < n; j++)
        {
            z[j] = double.IsFinite(ccf[j]) ? ccf[j] : mean;
        }

        new ComplexFft(n).Forward(z, new Complex[n]);
        int m = (n - 1) / 2;
        _c = new Complex[m + 1];
        for (int k = 1; k <= m; k++)
        {
            _c[k] = z[k] / n;
        }

        Samples = n;
        Mean = z[0].Real / n;
        for (int k = 1; k <= m; k++)
        {
            Power += _c[k].Magnitude * _c[k].Magnitude;
        }
    }

    /// <summary>Mean of C (the n = 0 component).</summary>
    public double Mean { get; }

    /// <summary>True when C is constant to round-off (no axis defined).</summary>
    public bool IsFlat => !(Power > 1e-20 * Math.Max(Mean * Mean, 1e-300));

    /// <summary>Number of samples N.</summary>
    public int Samples { get; }

    /// <summary>Highest harmonic used.</summary>
    public int Harmonics => _c.Length - 1;

    /// <summary>Σ_{n≥1} |c_n|²: the variance of C (up to a factor 2), the scale of R.</summary>
    public double Power { get; }

    /// <summary>
    /// The largest L ≤ <paramref name="maxFold"/> such that the harmonics n not divisible by L hold less than
    /// <paramref name="tolerance"/> of the power: C is then (nearly) periodic in 360°/L.
    /// </summary>
    public int Fold(int maxFold, double tolerance)
    {
        for (int l = Math.Min(maxFold, Math.Max(1, Harmonics)); l > 1; l--)
        {
            double off = 0;
            for (int k = 1; k <= Harmonics; k++)
            {
                if (k % l != 0)
                {
                    off += _c[k].Magnitude * _c[k].Magnitude;
                }
            }

            if (off < tolerance * Power)
            {
                return l;
            }
        }

        return 1;
    }

    /// <summary>R(θ), θ in radians.</summary>
    public double Value(double theta)
    {
        double r = 0;
        for (int k = 1; k < _c.Length; k++)
        {
            double im = Rotated(k, theta).Imaginary;
            r += im * im;
        }

        return r;
    }

    /// <summary>R'(θ) and R''(θ), per radian.</summary>
    public (double First, double Second) Derivatives(double theta)
    {
        double d1 = 0, d2 = 0;
        for (int k = 1; k < _c.Length; k++)
        {
            var u = Rotated(k, theta);
            d1 += 2 * k * u.Real * u.Imaginary;
            d2 += 2.0 * k * k * ((u.Real * u.Real) - (u.Imaginary * u.Imaginary));
        }

        return (d1, d2);
    }

    /// <summary>R on the grid θ_i = i·step, i = 0 … count − 1 (rotation recurrence: one complex product per harmonic and point).</summary>
    public void Grid(double step, Span<double> values)
    {
        int m = _c.Length;
        var u = new Complex[m];
        var rot = new Complex[m];
        for (int k = 1; k < m; k++)
        {
            u[k] = _c[k];
            rot[k] = Complex.FromPolarCoordinates(1, k * step);
        }

        for (int i = 0; i < values.Length; i++)
        {
            double r = 0;
            for (int k = 1; k < m; k++)
            {
                r += u[k].Imaginary * u[k].Imaginary;
                u[k] *= rot[k];
            }

            values[i] = r;
        }
    }

    /// <summary>
    /// Newton steps on R' from <paramref name="theta"/>, kept within <paramref name="reach"/> of the start; returns the
    /// start unchanged if R'' ≤ 0 there.
    /// </summary>
    public double Newton(double theta, double reach)
    {
        double start = theta;
        for (int it = 0; it < 20; it++)
        {
            var (d1, d2) = Derivatives(theta);
            if (!(d2 > 0))
            {
                break;
            }

            double next = Math.Clamp(theta - (d1 / d2), start - reach, start + reach);
            if (Math.Abs(next - theta) < 1e-12)
            {
                theta = next;
                break;
            }

            theta = next;
        }

        return theta;
    }

    private Complex Rotated(int k, double theta) => _c[k] * Complex.FromPolarCoordinates(1, k * theta);
}
