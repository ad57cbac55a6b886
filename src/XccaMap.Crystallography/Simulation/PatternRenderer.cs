using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// Draws <see cref="PatternSpot"/>s into a detector image given the per-pixel q (Å⁻¹) and φ (degrees) maps of a
/// geometry (e.g. <c>XccaMap.Detector.Geometry.PixelGeometry</c>: row-major, index = row × cols + col). Each spot is
/// evaluated at the pixel centre; pixels farther than <see cref="CutoffSigmas"/> σ from a spot get nothing from it.
/// </summary>
public static class PatternRenderer
{
    /// <summary>Spots are truncated beyond this many standard deviations in q and in φ.</summary>
    public const double CutoffSigmas = 5.0;

    /// <summary>
    /// Renders <paramref name="spots"/> (plus an optional isotropic background) into a new float image.
    /// </summary>
    /// <param name="spots">The spots.</param>
    /// <param name="q">q at each pixel centre, Å⁻¹.</param>
    /// <param name="phiDeg">φ at each pixel centre, degrees.</param>
    /// <param name="background">Optional isotropic intensity I(q) added to every pixel (q in Å⁻¹); null for none.</param>
    /// <returns>The image, same length as the maps, in the spots' intensity units.</returns>
    public static float[] Render(IReadOnlyList<PatternSpot> spots, ReadOnlySpan<float> q, ReadOnlySpan<float> phiDeg, Func<double, double>? background = null)
    {
        var image = new float[q.Length];
        Render(spots, q, phiDeg, image, background);
        return image;
    }

    /// <summary>Adds the spots (and background) to <paramref name="image"/>.</summary>
    public static void Render(IReadOnlyList<PatternSpot> spots, ReadOnlySpan<float> q, ReadOnlySpan<float> phiDeg, Span<float> image, Func<double, double>? background = null)
    {
        ArgumentNullException.ThrowIfNull(spots);
        if (phiDeg.Length != q.Length || image.Length != q.Length)
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"q, φ and image must have the same length (got {q.Length}, {phiDeg.Length}, {image.Length})."));
        }

        // Spots sorted by their lower q edge, so each pixel scans only the spots whose q range can contain it.
        PatternSpot[] sorted = [.. spots.Where(s => s.Intensity > 0).OrderBy(s => s.Q - (CutoffSigmas * s.SigmaQ))];
        double[] lo = sorted.Select(s => s.Q - (CutoffSigmas * s.SigmaQ)).ToArray();
        double maxReach = sorted.Length == 0 ? 0 : sorted.Max(s => 2 * CutoffSigmas * s.SigmaQ);
        for (int i = 0; i < q.Length; i++)
        {
            double qi = q[i];
            double value = background is null || !double.IsFinite(qi) ? 0 : background(qi);
            if (double.IsFinite(qi) && sorted.Length > 0)
            {
                // First candidate: lower edge ≥ q − maxReach (earlier ones end below q).
                int start = LowerBound(lo, qi - maxReach);
                for (int j = start; j < sorted.Length && lo[j] <= qi; j++)
                {
                    PatternSpot s = sorted[j];
                    double dq = (qi - s.Q) / s.SigmaQ;
                    if (dq > CutoffSigmas)
                    {
                        continue;
                    }

                    double dp = Angles.Wrap180(phiDeg[i] - s.PhiDeg) / s.SigmaPhiDeg;
                    if (Math.Abs(dp) > CutoffSigmas)
                    {
                        continue;
                    }

                    value += s.Intensity * Math.Exp(-0.5 * ((dq * dq) + (dp * dp)));
                }
            }

            image[i] += (float)value;
        }
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int a = 0, b = sorted.Length;
        while (a < b)
        {
            int m = (a + b) >>> 1;
            if (sorted[m] < value)
            {
                a = m + 1;
            }
            else
            {
                b = m;
            }
        }

        return a;
    }
}
