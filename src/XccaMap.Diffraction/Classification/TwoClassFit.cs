namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Non-negative least squares of a unit vector x by two unit templates: x ≈ α·u + β·v with α, β ≥ 0. Used to tell a
/// "mixed" point (peaks of two classes at once) from a pure one: compare the cosine of the best two-class fit
/// with the cosine of x and its own class.
/// </summary>
/// <param name="Cosine">Cosine similarity between x and α·u + β·v.</param>
/// <param name="Alpha">Weight of u (≥ 0).</param>
/// <param name="Beta">Weight of v (≥ 0).</param>
public readonly record struct TwoClassFit(double Cosine, double Alpha, double Beta)
{
    /// <summary>Share of v in the fit, β / (α + β) (0 when both vanish).</summary>
    public double ShareOfSecond => Alpha + Beta > 0 ? Beta / (Alpha + Beta) : 0;

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
