using XccaMap.Detector.Geometry;

namespace XccaMap.Detector.Masks;

/// <summary>
/// Finds hot pixels: pixels far above the median of their 3 × 3 (or 5 × 5) neighbours in most of a set of frames.
/// Diffraction features (rings, Bragg peaks) span several pixels, so they raise the neighbours' median too and are
/// not flagged; a single hot pixel does not. Neighbours that are already excluded or all-ones are ignored.
/// </summary>
public static class HotPixelDetector
{
    /// <summary>Returns the hot-pixel flags (true = hot), row-major.</summary>
    /// <param name="frames">Frames (uint32, row-major) of one shape.</param>
    /// <param name="shape">Their shape.</param>
    /// <param name="excluded">Pixels already excluded (true = excluded), or empty for none; they are never judged nor used as neighbours.</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    public static bool[] Detect(IReadOnlyList<ReadOnlyMemory<uint>> frames, DetectorShape shape, ReadOnlySpan<bool> excluded = default, HotPixelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        options ??= new HotPixelOptions();
        if (options.Window is not (3 or 5))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Window, "hot-pixel window must be 3 or 5");
        }

        if (!(options.MinFrameFraction > 0 && options.MinFrameFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinFrameFraction, "MinFrameFraction must be in (0, 1]");
        }

        shape = shape.Validated();
        int n = shape.PixelCount;
        if (!excluded.IsEmpty && excluded.Length != n)
        {
            throw new MaskShapeException("hot-pixel detection: excluded pixels", shape, $"{excluded.Length} elements");
        }

        for (int f = 0; f < frames.Count; f++)
        {
            if (frames[f].Length != n)
            {
                throw new MaskShapeException($"hot-pixel detection: frame {f}", shape, $"{frames[f].Length} elements");
            }
        }

        var hot = new bool[n];
        if (frames.Count == 0)
        {
            return hot;
        }

        var known = excluded.IsEmpty ? new bool[n] : excluded.ToArray();
        var counts = new int[n];
        foreach (var frame in frames)
        {
            var current = frame;
            Parallel.For(0, shape.Rows, row => CountRow(current.Span, known, counts, shape, row, options));
        }

        int needed = (int)Math.Ceiling(options.MinFrameFraction * frames.Count - 1e-9);
        for (int i = 0; i < n; i++)
        {
            hot[i] = counts[i] >= needed;
        }

        return hot;
    }

    private static void CountRow(ReadOnlySpan<uint> frame, bool[] known, int[] counts, DetectorShape shape, int row, HotPixelOptions options)
    {
        int half = options.Window / 2;
        int cols = shape.Cols;
        Span<uint> neighbours = stackalloc uint[24];
        for (int c = 0; c < cols; c++)
        {
            int i = row * cols + c;
            uint v = frame[i];
            if (known[i] || v == MaskBuilder.AllOnes || v <= options.MinExcess)
            {
                continue; // a value ≤ MinExcess cannot exceed any median by MinExcess
            }

            int m = 0;
            for (int dr = -half; dr <= half; dr++)
            {
                int r = row + dr;
                if ((uint)r >= (uint)shape.Rows)
                {
                    continue;
                }

                for (int dc = -half; dc <= half; dc++)
                {
                    int cc = c + dc;
                    if ((dr == 0 && dc == 0) || (uint)cc >= (uint)cols)
                    {
                        continue;
                    }

                    int j = r * cols + cc;
                    uint w = frame[j];
                    if (!known[j] && w != MaskBuilder.AllOnes)
                    {
                        neighbours[m++] = w;
                    }
                }
            }

            if (m < options.MinNeighbours)
            {
                continue;
            }

            double median = Median(neighbours[..m]);
            double excess = v - median;
            if (excess >= options.MinExcess && excess >= options.Sigma * Math.Sqrt(Math.Max(median, 1.0)))
            {
                counts[i]++;
            }
        }
    }

    private static double Median(Span<uint> values)
    {
        // Insertion sort: at most 24 values.
        for (int i = 1; i < values.Length; i++)
        {
            uint x = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > x)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = x;
        }

        int h = values.Length / 2;
        return (values.Length & 1) == 1 ? values[h] : 0.5 * ((double)values[h - 1] + values[h]);
    }
}
