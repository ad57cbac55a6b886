using XccaMap.Reporting;

namespace XccaMap.Tests.Reporting;

/// <summary>
/// Synthetic figures resembling the paper's (Fig. 1 class map, q map, log-scale pattern,
/// radial profiles, CCF) for tests and for looking at: set XCCAMAP_REPORT_DEMO to a folder
/// and <see cref="ReportDemoTests"/> writes them there.
/// </summary>
internal static class ReportDemo
{
    public const int N = 121;

    /// <summary>Three Voronoi domains inside a disc; mixed within 1.5 points of a boundary; empty outside.</summary>
    public static int[] ClassLabels()
    {
        (double X, double Y)[] seeds = [(35, 40), (85, 35), (60, 90)];
        var labels = new int[N * N];
        for (int r = 0; r < N; r++)
        {
            for (int c = 0; c < N; c++)
            {
                double[] d = [.. seeds.Select(s => Math.Sqrt(((c - s.X) * (c - s.X)) + ((r - s.Y) * (r - s.Y))))];
                double[] sorted = [.. d.Order()];
                bool inside = Math.Sqrt(((c - 60) * (c - 60)) + ((r - 60) * (r - 60))) < 52;
                labels[(r * N) + c] = !inside ? ClassMap.Empty : sorted[1] - sorted[0] < 1.5 ? ClassMap.Mixed : Array.IndexOf(d, sorted[0]);
            }
        }

        return labels;
    }

    /// <summary>q of the 311 SL reflection (Å⁻¹): per-domain bulk value, compressed (higher q) near the edge; NaN where empty.</summary>
    public static float[] QMap(int[] labels)
    {
        double[] bulk = [0.1450, 0.1465, 0.1440];
        var q = new float[N * N];
        for (int r = 0; r < N; r++)
        {
            for (int c = 0; c < N; c++)
            {
                int l = labels[(r * N) + c];
                double edge = 52 - Math.Sqrt(((c - 60) * (c - 60)) + ((r - 60) * (r - 60)));
                q[(r * N) + c] = l == ClassMap.Empty ? float.NaN
                    : (float)((l >= 0 ? bulk[l] : 0.1452) * (1 + (0.02 * Math.Exp(-edge / 4))));
            }
        }

        return q;
    }

    /// <summary>A SAXS-like frame: Debye rings with sixfold peaks on a power-law background, module gaps masked.</summary>
    public static (float[] Counts, bool[] Mask) Pattern(int width, int height, int seed = 1)
    {
        var rng = new Random(seed);
        var counts = new float[width * height];
        var mask = new bool[width * height];
        double cx = width * 0.52, cy = height * 0.47;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double dx = x - cx, dy = y - cy, rad = Math.Sqrt((dx * dx) + (dy * dy)) + 1, phi = Math.Atan2(dy, dx);
                double ring = 0;
                foreach (double r0 in (ReadOnlySpan<double>)[0.12, 0.2, 0.28])
                {
                    double rr = r0 * width;
                    ring += 400 * Math.Exp(-Math.Pow((rad - rr) / 3, 2)) * (0.2 + Math.Pow(Math.Cos(3 * phi), 8));
                }

                double mean = (2e5 / Math.Pow(rad, 1.6)) + ring;
                counts[(y * width) + x] = (float)Math.Max(0, mean + (Math.Sqrt(mean) * Gauss(rng)));
                mask[(y * width) + x] = (x % 1040) >= 1030 || (y % 551) >= 514 || rad < 12; // gaps + beamstop
            }
        }

        return (counts, mask);
    }

    private static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
