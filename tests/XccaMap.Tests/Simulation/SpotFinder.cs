using XccaMap.Detector.Geometry;

namespace XccaMap.Tests.Simulation;

/// <summary>Finds spot maxima on a rendered detector image and measures their (q, φ) by a centroid.</summary>
internal static class SpotFinder
{
    /// <summary>A found spot: centroid (q Å⁻¹, φ degrees) and peak value.</summary>
    public readonly record struct Spot(double Q, double Phi, double Peak);

    /// <summary>
    /// Local maxima (strict over a (2h+1)² neighbourhood) with q in [qMin, qMax] and value ≥ relative × the largest
    /// value in that q range; each measured by the value-weighted centroid of its neighbourhood.
    /// </summary>
    public static List<Spot> Find(ReadOnlySpan<float> image, PixelGeometry geometry, double qMin, double qMax, double relative, int h = 3)
    {
        int rows = geometry.Shape.Rows, cols = geometry.Shape.Cols;
        var q = geometry.Q.Span;
        float max = 0;
        for (int p = 0; p < image.Length; p++)
        {
            if (q[p] >= qMin && q[p] <= qMax)
            {
                max = Math.Max(max, image[p]);
            }
        }

        var spots = new List<Spot>();
        for (int r = h; r < rows - h; r++)
        {
            for (int c = h; c < cols - h; c++)
            {
                int p = (r * cols) + c;
                float v = image[p];
                if (v < relative * max || q[p] < qMin || q[p] > qMax)
                {
                    continue;
                }

                bool isMax = true;
                double sw = 0, sr = 0, sc = 0;
                for (int dr = -h; dr <= h && isMax; dr++)
                {
                    for (int dc = -h; dc <= h; dc++)
                    {
                        float u = image[p + (dr * cols) + dc];
                        if ((dr != 0 || dc != 0) && (u > v || (u == v && (dr < 0 || (dr == 0 && dc < 0)))))
                        {
                            isMax = false;
                            break;
                        }

                        sw += u;
                        sr += u * (r + dr + 0.5);
                        sc += u * (c + dc + 0.5);
                    }
                }

                if (isMax)
                {
                    var at = geometry.Evaluate(sr / sw, sc / sw);
                    spots.Add(new Spot(at.Q, at.Phi, v));
                }
            }
        }

        return spots;
    }

    /// <summary>Smallest angular distance between two angles, degrees.</summary>
    public static double AngleDistance(double a, double b) => Math.Abs(((a - b) % 360 + 540) % 360 - 180);
}
