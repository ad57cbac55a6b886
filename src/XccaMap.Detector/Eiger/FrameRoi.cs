using XccaMap.Detector.Compression;

namespace XccaMap.Detector.Eiger;

/// <summary>
/// A region of interest of a frame: sorted, non-overlapping runs of pixels in row-major order
/// (element index = row × columns + column). Readers decode only the compressed blocks that cover it;
/// pixels outside it are left as they were in the destination buffer.
/// </summary>
public sealed class FrameRoi
{
    private FrameRoi(int pixelsPerFrame, (int Start, int Length)[] runs)
    {
        PixelsPerFrame = pixelsPerFrame;
        Runs = runs;
        ElementRanges = runs.Select(r => new ElementRange(r.Start, r.Length)).ToArray();
        PixelCount = runs.Sum(r => (long)r.Length);
    }

    /// <summary>Pixels in the whole frame.</summary>
    public int PixelsPerFrame { get; }

    /// <summary>The runs (start element, length), sorted and merged.</summary>
    public IReadOnlyList<(int Start, int Length)> Runs { get; }

    /// <summary>The runs as the bitshuffle decoder takes them (built once, reused for every frame).</summary>
    internal ElementRange[] ElementRanges { get; }

    /// <summary>Pixels covered by the runs.</summary>
    public long PixelCount { get; }

    /// <summary>Fraction of the frame covered.</summary>
    public double Fraction => (double)PixelCount / PixelsPerFrame;

    /// <summary>Builds an ROI from arbitrary runs (overlaps merged, clipped to the frame).</summary>
    public static FrameRoi FromRuns(int pixelsPerFrame, IEnumerable<(int Start, int Length)> runs)
    {
        var sorted = runs
            .Select(r => (Start: Math.Max(0, r.Start), End: Math.Min(pixelsPerFrame, r.Start + r.Length)))
            .Where(r => r.End > r.Start)
            .OrderBy(r => r.Start)
            .ToList();
        var merged = new List<(int Start, int Length)>();
        foreach (var (start, end) in sorted)
        {
            if (merged.Count > 0 && start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.Start + last.Length, end) - last.Start);
            }
            else
            {
                merged.Add((start, end - start));
            }
        }

        return new FrameRoi(pixelsPerFrame, merged.ToArray());
    }

    /// <summary>Whole rows [firstRow, lastRow] of a frame with <paramref name="columns"/> columns.</summary>
    public static FrameRoi FromRows(int rows, int columns, IEnumerable<(int FirstRow, int LastRow)> rowRanges) =>
        FromRuns(rows * columns, rowRanges.Select(r => (Math.Max(0, r.FirstRow) * columns, (Math.Min(rows - 1, r.LastRow) - Math.Max(0, r.FirstRow) + 1) * columns)));

    /// <summary>The pixels where <paramref name="used"/> is true.</summary>
    public static FrameRoi FromPixels(ReadOnlySpan<bool> used)
    {
        var runs = new List<(int, int)>();
        int i = 0;
        while (i < used.Length)
        {
            int next = used[i..].IndexOf(true);
            if (next < 0)
            {
                break;
            }

            int start = i + next;
            int len = used[start..].IndexOf(false);
            len = len < 0 ? used.Length - start : len;
            runs.Add((start, len));
            i = start + len;
        }

        return FromRuns(used.Length, runs);
    }

    /// <summary>Parses "rows:A-B[,C-D…]" (whole rows) for the command line.</summary>
    public static FrameRoi Parse(string text, int rows, int columns)
    {
        var body = text.StartsWith("rows:", StringComparison.OrdinalIgnoreCase) ? text[5..] : text;
        var ranges = body.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var ab = part.Split('-', 2);
            if (!int.TryParse(ab[0], out var a) || (ab.Length == 2 && !int.TryParse(ab[1], out _)))
            {
                throw new FormatException($"ROI '{text}': expected rows:FIRST-LAST[,FIRST-LAST…] (0-based, inclusive)");
            }

            return (a, ab.Length == 2 ? int.Parse(ab[1], System.Globalization.CultureInfo.InvariantCulture) : a);
        });
        return FromRows(rows, columns, ranges);
    }
}
