using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

/// <summary>
/// In-memory results maps with known truth: one domain (class 0) left of a straight vertical edge and empty points
/// right of it, q of reflection 200 following q_bulk·(1 + C·e^(−d/L)) with d the distance to the edge, Gaussian
/// noise of known σ from a fixed seed, and a SAXS band intensity that drops across the edge as a beam footprint of
/// Gaussian σ would see it.
/// </summary>
internal static class SyntheticMaps
{
    public const double QBulk = 0.0838, C = 0.08, L = 0.75, Step = 0.1, Sigma = 2e-5;

    /// <summary>The edge lies at column <paramref name="edgeCol"/> (fractional: a column boundary at x.5 is half-way between points).</summary>
    public static ResultsMaps Create(int rows = 20, int cols = 40, double edgeCol = 29.8, int seed = 1, double footprintSigmaSteps = 0.4)
    {
        var random = new Random(seed);
        int n = rows * cols;
        var labels = new int[n];
        var q = new double[n];
        var err = new double[n];
        var saxs = new float[n];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                int i = (r * cols) + c;
                double d = (edgeCol - c) * Step;
                labels[i] = d > 0 ? 0 : ResultsMaps.Empty;
                double share = 0.5 * (1 + Erf(d / Step / (Math.Sqrt(2) * footprintSigmaSteps)));
                saxs[i] = (float)(0.05 + (share * 1.0));
                if (d > 0)
                {
                    q[i] = (QBulk * (1 + (C * Math.Exp(-d / L)))) + (Sigma * Gauss(random));
                    err[i] = Sigma;
                }
                else
                {
                    q[i] = double.NaN;
                    err[i] = double.NaN;
                }
            }
        }

        return new ResultsMaps
        {
            Source = "synthetic",
            Rows = rows,
            Cols = cols,
            StepUm = Step,
            SaxsClass = labels,
            SaxsIntensity = saxs,
            QMaps = [new ResultsQMap("q_sl_200", "200", QBulk, q, err)],
            LatticeConstant = 2 * Math.PI * 2 / QBulk,
        };
    }

    public static double Gauss(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>erf by Abramowitz–Stegun 7.1.26 (|error| &lt; 1.5e-7).</summary>
    public static double Erf(double x)
    {
        double t = 1 / (1 + (0.3275911 * Math.Abs(x)));
        double y = 1 - (((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t * Math.Exp(-x * x));
        return x >= 0 ? y : -y;
    }
}
