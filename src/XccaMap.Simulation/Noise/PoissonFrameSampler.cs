using System.Numerics;

namespace XccaMap.Simulation.Noise;

/// <summary>
/// Poisson counts for a whole detector frame of means λ (counts per pixel), statistically exact but fast where most
/// pixels have tiny means (an Eiger 4M frame of nanodiffraction is mostly empty).
/// <para>
/// The frame is cut into tiles of <see cref="TileRows"/> × <see cref="TileCols"/> pixels. In a tile whose largest mean
/// B is small, drawing a deviate per pixel would waste time on zeros; instead the tile is thinned: N ~ Poisson(B·n)
/// candidate events are put on uniformly chosen pixels and each is kept with probability λ_p/B. A homogeneous Poisson
/// process thinned this way leaves independent Poisson(λ_p) counts on every pixel (Lewis &amp; Shedler 1979), so the
/// result has exactly the distribution of per-pixel sampling — at a cost ∝ B·n instead of n. Tiles with B above
/// <see cref="ThinningLimit"/> are sampled pixel by pixel (<see cref="PoissonSampler"/>).
/// </para>
/// </summary>
public static class PoissonFrameSampler
{
    /// <summary>Tile height, rows.</summary>
    public const int TileRows = 8;

    /// <summary>Tile width, columns.</summary>
    public const int TileCols = 64;

    /// <summary>Largest tile maximum (counts) handled by thinning; above it a tile is sampled pixel by pixel.</summary>
    public const float ThinningLimit = 1.0f;

    /// <summary>
    /// Adds Poisson(λ) counts to <paramref name="counts"/> (normally zeroed by the caller). λ ≤ 0 or NaN pixels get
    /// nothing. Counts saturate at <see cref="uint.MaxValue"/> − 1 (all-ones is reserved for invalid pixels).
    /// </summary>
    /// <param name="lambda">Means, row-major rows × cols.</param>
    /// <param name="counts">Output, same shape.</param>
    /// <param name="rows">Rows.</param>
    /// <param name="cols">Columns.</param>
    /// <param name="rng">Generator (advanced).</param>
    public static void Sample(ReadOnlySpan<float> lambda, Span<uint> counts, int rows, int cols, ref Xoshiro256 rng)
    {
        Check(lambda.Length, counts.Length, rows, cols);
        for (int r0 = 0; r0 < rows; r0 += TileRows)
        {
            int nr = Math.Min(TileRows, rows - r0);
            for (int c0 = 0; c0 < cols; c0 += TileCols)
            {
                int nc = Math.Min(TileCols, cols - c0);
                float max = TileMax(lambda, cols, r0, nr, c0, nc);
                if (!(max > 0))
                {
                    continue;
                }

                if (max <= ThinningLimit)
                {
                    Thin(lambda, counts, cols, r0, nr, c0, nc, max, ref rng);
                }
                else
                {
                    Direct(lambda, counts, cols, r0, nr, c0, nc, ref rng);
                }
            }
        }
    }

    /// <summary>Plain reference twin: one Poisson deviate per pixel (for tests).</summary>
    public static void SampleReference(ReadOnlySpan<float> lambda, Span<uint> counts, int rows, int cols, ref Xoshiro256 rng)
    {
        Check(lambda.Length, counts.Length, rows, cols);
        Direct(lambda, counts, cols, 0, rows, 0, cols, ref rng);
    }

    private static void Check(int lambdaLength, int countsLength, int rows, int cols)
    {
        if (lambdaLength != rows * cols || countsLength != rows * cols)
        {
            throw new ArgumentException($"λ has {lambdaLength} and counts {countsLength} pixels; expected {rows} × {cols}");
        }
    }

    private static float TileMax(ReadOnlySpan<float> lambda, int cols, int r0, int nr, int c0, int nc)
    {
        float max = 0;
        for (int r = r0; r < r0 + nr; r++)
        {
            var row = lambda.Slice((r * cols) + c0, nc);
            int i = 0;
            if (Vector.IsHardwareAccelerated && nc >= Vector<float>.Count)
            {
                var vmax = Vector<float>.Zero;
                for (; i <= nc - Vector<float>.Count; i += Vector<float>.Count)
                {
                    vmax = Vector.Max(vmax, new Vector<float>(row.Slice(i)));
                }

                for (int k = 0; k < Vector<float>.Count; k++)
                {
                    max = Math.Max(max, vmax[k]);
                }
            }

            for (; i < nc; i++)
            {
                max = Math.Max(max, row[i]);
            }
        }

        return max;
    }

    private static void Thin(ReadOnlySpan<float> lambda, Span<uint> counts, int cols, int r0, int nr, int c0, int nc, float bound, ref Xoshiro256 rng)
    {
        int n = nr * nc;
        long candidates = PoissonSampler.Next(ref rng, (double)bound * n);
        for (long e = 0; e < candidates; e++)
        {
            int idx = rng.NextInt(n);
            int r = idx / nc;
            int p = ((r0 + r) * cols) + c0 + (idx - (r * nc));
            if (rng.NextDouble() * bound < lambda[p])
            {
                counts[p] = Add(counts[p], 1);
            }
        }
    }

    private static void Direct(ReadOnlySpan<float> lambda, Span<uint> counts, int cols, int r0, int nr, int c0, int nc, ref Xoshiro256 rng)
    {
        for (int r = r0; r < r0 + nr; r++)
        {
            int o = (r * cols) + c0;
            for (int c = 0; c < nc; c++)
            {
                float l = lambda[o + c];
                if (l > 0)
                {
                    long k = PoissonSampler.Next(ref rng, l);
                    if (k > 0)
                    {
                        counts[o + c] = Add(counts[o + c], k);
                    }
                }
            }
        }
    }

    private static uint Add(uint current, long k) => (uint)Math.Min(current + k, uint.MaxValue - 1L);
}
