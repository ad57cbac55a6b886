namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Non-negative least squares of a unit vector x by two unit templates: x ≈ α·u + β·v with α, β ≥ 0. Used to tell a
/// "mixed" point (peaks of two classes at once) from a pure one: how well the best two-class fit explains x, and
/// (<see cref="IntensityShare"/>) how much of x's intensity the second class carries.
/// </summary>
/// <param name="Cosine">Cosine similarity between x and α·u + β·v.</param>
/// <param name="Alpha">Weight of u (≥ 0).</param>
/// <param name="Beta">Weight of v (≥ 0).</param>
public readonly record struct TwoClassFit(double Cosine, double Alpha, double Beta)
{
    /// <summary>Share of v in the fit, β / (α + β) (0 when both vanish).</summary>
    public double ShareOfSecond => Alpha + Beta > 0 ? Beta / (Alpha + Beta) : 0;

    /// <summary>
    /// Share of the second pattern in x's scattered intensity: fingerprints are √intensity, so x², u² and v² are
    /// intensity profiles (each of unit sum for unit vectors); the non-negative least-squares fit x² ≈ a·u² + b·v² gives
    /// b / (a + b). Unlike the amplitude fit this adds intensities as the detector does (where peaks overlap, √ of a
    /// sum is not the sum of √), so a weak second domain is not under-counted. 0 when both vanish.
    /// </summary>
    public static double IntensityShare(ReadOnlySpan<float> x, ReadOnlySpan<float> u, ReadOnlySpan<float> v)
    {
        double xu = 0, xv = 0, uu = 0, vv = 0, uv = 0;
        for (int j = 0; j < x.Length; j++)
        {
            double xi = (double)x[j] * x[j], ui = (double)u[j] * u[j], vi = (double)v[j] * v[j];
            xu += xi * ui;
            xv += xi * vi;
            uu += ui * ui;
            vv += vi * vi;
            uv += ui * vi;
        }

        double det = (uu * vv) - (uv * uv);
        double a, b;
        if (det > 1e-12 * Math.Max(uu * vv, 1e-300))
        {
            a = ((xu * vv) - (uv * xv)) / det;
            b = ((xv * uu) - (uv * xu)) / det;
        }
        else
        {
            (a, b) = (uu > 0 ? Math.Max(xu / uu, 0) : 0, 0);
        }

        if (a < 0)
        {
            (a, b) = (0, vv > 0 ? Math.Max(xv / vv, 0) : 0);
        }
        else if (b < 0)
        {
            (a, b) = (uu > 0 ? Math.Max(xu / uu, 0) : 0, 0);
        }

        return a + b > 0 ? b / (a + b) : 0;
    }

    /// <summary>Fits from the dot products x·u, x·v and u·v.</summary>
    public static TwoClassFit From(double xu, double xv, double uv)
    {
        double det = 1 - (uv * uv);
        double a, b;
        if (det > 1e-9)
        {
            a = (xu - (uv * xv)) / det;
            b = (xv - (uv * xu)) / det;
        }
        else
        {
            a = Math.Max(xu, 0);
            b = 0;
        }

        if (a < 0)
        {
            a = 0;
            b = Math.Max(xv, 0);
        }
        else if (b < 0)
        {
            b = 0;
            a = Math.Max(xu, 0);
        }

        double norm2 = (a * a) + (b * b) + (2 * a * b * uv);
        double cos = norm2 > 0 ? ((a * xu) + (b * xv)) / Math.Sqrt(norm2) : 0;
        return new TwoClassFit(cos, a, b);
    }
}
