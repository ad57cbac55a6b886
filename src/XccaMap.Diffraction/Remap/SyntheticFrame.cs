using MathNet.Numerics.Distributions;
using XccaMap.Detector.Geometry;

namespace XccaMap.Diffraction.Remap;

/// <summary>
/// Synthetic detector frames with known truth, for tests and benchmarks: rings on a flat background, scaled by
/// the pixel's solid angle (and polarisation), with Poisson noise from a fixed seed.
/// </summary>
public static class SyntheticFrame
{
    /// <summary>
    /// Expected counts per pixel: (background + Σ rings(q, φ)) × solid angle × polarisation (if a factor is given).
    /// </summary>
    public static float[] Expected(PixelGeometry geometry, IReadOnlyList<SyntheticRing> rings, double background, double? polarisationFactor = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(rings);
        var result = new float[geometry.Shape.PixelCount];
        var pol = polarisationFactor is { } f ? geometry.Polarisation(f) : null;
        var q = geometry.Q;
        var phi = geometry.Phi;
        var sa = geometry.SolidAngle;
        int cols = geometry.Shape.Cols;
        Parallel.For(0, geometry.Shape.Rows, row =>
        {
            var qs = q.Span;
            var ps = phi.Span;
            var ss = sa.Span;
            for (int i = row * cols; i < (row + 1) * cols; i++)
            {
                double value = background;
                foreach (var ring in rings)
                {
                    value += ring.At(qs[i], ps[i]);
                }

                result[i] = (float)(value * ss[i] * (pol is null ? 1.0 : pol[i]));
            }
        });
        return result;
    }

    /// <summary>
    /// A uint32 frame of Poisson counts with mean <paramref name="expected"/>; pixels flagged in
    /// <paramref name="allOnes"/> (e.g. module gaps) read 0xFFFFFFFF as on an Eiger. Deterministic for a seed.
    /// </summary>
    public static uint[] Poisson(ReadOnlySpan<float> expected, int cols, int seed, ReadOnlySpan<bool> allOnes = default)
    {
        var mean = expected.ToArray();
        var gaps = allOnes.IsEmpty ? null : allOnes.ToArray();
        var frame = new uint[mean.Length];
        int rows = mean.Length / cols;
        Parallel.For(0, rows, row =>
        {
            // One generator per row, seeded deterministically (HashCode is randomised per process, so not used).
            var rng = new Random(unchecked((seed * 1_000_003) ^ (row * 7919)));
            for (int i = row * cols; i < (row + 1) * cols; i++)
            {
                frame[i] = gaps is not null && gaps[i]
                    ? uint.MaxValue
                    : mean[i] > 0 ? (uint)MathNet.Numerics.Distributions.Poisson.Sample(rng, mean[i]) : 0u;
            }
        });
        return frame;
    }
}
