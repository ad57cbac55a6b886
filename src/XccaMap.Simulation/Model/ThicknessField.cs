namespace XccaMap.Simulation.Model;

/// <summary>
/// A smooth random relative thickness t(x, y) = max(0.05, 1 + v·g(x, y)), with g a sum of random plane waves of
/// wavelength about the correlation length, normalised to unit variance (a Gaussian random field by the CLT).
/// </summary>
public sealed class ThicknessField
{
    private const int Modes = 24;
    private readonly double[] _kx = new double[Modes];
    private readonly double[] _ky = new double[Modes];
    private readonly double[] _phase = new double[Modes];
    private readonly double _variation;

    /// <summary>Draws a field.</summary>
    /// <param name="variation">Standard deviation v of the relative thickness.</param>
    /// <param name="correlationUm">Correlation length, µm.</param>
    /// <param name="random">Generator.</param>
    public ThicknessField(double variation, double correlationUm, Random random)
    {
        _variation = variation;
        for (int m = 0; m < Modes; m++)
        {
            double angle = random.NextDouble() * 2 * Math.PI;
            double k = 2 * Math.PI / correlationUm * (0.5 + random.NextDouble());
            _kx[m] = k * Math.Cos(angle);
            _ky[m] = k * Math.Sin(angle);
            _phase[m] = random.NextDouble() * 2 * Math.PI;
        }
    }

    /// <summary>Relative thickness at (x, y) µm.</summary>
    public double At(double x, double y)
    {
        double g = 0;
        for (int m = 0; m < Modes; m++)
        {
            g += Math.Cos((_kx[m] * x) + (_ky[m] * y) + _phase[m]);
        }

        g *= Math.Sqrt(2.0 / Modes);
        return Math.Max(0.05, 1 + (_variation * g));
    }
}
