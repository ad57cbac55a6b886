namespace XccaMap.Tests.Diffraction.Classification;

/// <summary>
/// Synthetic raster scans for the classifier: each point's angular profile is a sum of Gaussian peaks (σ = 3°) on a
/// 4°-binned circle with Gaussian noise, turned into a fingerprint as the analyzer does (√ of the profile above twice
/// the noise, unit length).
/// </summary>
internal sealed class SyntheticRaster(int rows, int cols, int seed)
{
    public const int Dim = 90;

    private readonly Random _rng = new(seed);

    public int Rows { get; } = rows;

    public int Cols { get; } = cols;

    public int Points => Rows * Cols;

    public float[] Fingerprints { get; } = new float[rows * cols * Dim];

    public bool[] HasSignal { get; } = new bool[rows * cols];

    /// <summary>Truth label per point (row-major).</summary>
    public int[] Truth { get; } = Enumerable.Repeat(-1, rows * cols).ToArray();

    /// <summary>Sets point (r, c) to peaks at the given azimuths (degrees) and intensities, noise σ = 1.</summary>
    public void Set(int r, int c, int truth, params (double Phi, double Intensity)[] peaks)
    {
        int p = (r * Cols) + c;
        var v = Fingerprints.AsSpan(p * Dim, Dim);
        double norm = 0;
        for (int j = 0; j < Dim; j++)
        {
            double phi = (j + 0.5) * 4;
            double u1 = 1 - _rng.NextDouble(), u2 = _rng.NextDouble();
            double s = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            foreach (var (at, intensity) in peaks)
            {
                double d = Math.Abs(phi - at) % 360;
                d = Math.Min(d, 360 - d);
                s += intensity * Math.Exp(-0.5 * d * d / 9.0);
            }

            v[j] = (float)Math.Sqrt(Math.Max(0, s - 2));
            norm += (double)v[j] * v[j];
        }

        for (int j = 0; j < Dim; j++)
        {
            v[j] = (float)(v[j] / Math.Sqrt(norm));
        }

        HasSignal[p] = norm > 0;
        Truth[p] = truth;
    }

    /// <summary>Peaks of equal intensity at the given azimuths.</summary>
    public static (double Phi, double Intensity)[] Peaks(double intensity, params double[] phi) => phi.Select(f => (f, intensity)).ToArray();

    /// <summary>Per point, its 8 raster neighbours (row-major indices).</summary>
    public int[][] Neighbours()
    {
        var result = new int[Points][];
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                var list = new List<int>(8);
                for (int dr = -1; dr <= 1; dr++)
                {
                    for (int dc = -1; dc <= 1; dc++)
                    {
                        int rr = r + dr, cc = c + dc;
                        if ((dr != 0 || dc != 0) && rr >= 0 && rr < Rows && cc >= 0 && cc < Cols)
                        {
                            list.Add((rr * Cols) + cc);
                        }
                    }
                }

                result[(r * Cols) + c] = [.. list];
            }
        }

        return result;
    }
}
