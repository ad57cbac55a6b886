namespace XccaMap.Diffraction.Remap;

/// <summary>
/// Sutherland–Hodgman clipping of a polygon against one axis-aligned half-plane, and the shoelace area.
/// Clipping a quadrilateral by the four sides of a bin leaves at most 8 vertices.
/// </summary>
internal static class PolygonClipper
{
    /// <summary>Buffer size that holds any clipped pixel footprint.</summary>
    public const int MaxVertices = 16;

    /// <summary>
    /// Clips polygon (xs, ys) to x ≥ bound (<paramref name="keepAbove"/>) or x ≤ bound; writes the result to
    /// (ox, oy) and returns its vertex count. To clip along y, pass the arrays swapped.
    /// </summary>
    public static int Clip(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double bound, bool keepAbove, Span<double> ox, Span<double> oy)
    {
        int n = xs.Length;
        if (n == 0)
        {
            return 0;
        }

        int m = 0;
        double px = xs[n - 1], py = ys[n - 1];
        bool pin = keepAbove ? px >= bound : px <= bound;
        for (int i = 0; i < n; i++)
        {
            double cx = xs[i], cy = ys[i];
            bool cin = keepAbove ? cx >= bound : cx <= bound;
            if (cin != pin)
            {
                double t = (bound - px) / (cx - px);
                ox[m] = bound;
                oy[m] = py + t * (cy - py);
                m++;
            }

            if (cin)
            {
                ox[m] = cx;
                oy[m] = cy;
                m++;
            }

            px = cx;
            py = cy;
            pin = cin;
        }

        return m;
    }

    /// <summary>Signed area (shoelace formula); positive for counter-clockwise vertices.</summary>
    public static double Area(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        int n = xs.Length;
        double s = 0;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            s += xs[j] * ys[i] - xs[i] * ys[j];
        }

        return 0.5 * s;
    }
}
