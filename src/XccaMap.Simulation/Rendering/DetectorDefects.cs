using XccaMap.Detector.Geometry;

namespace XccaMap.Simulation.Rendering;

/// <summary>
/// The Eiger 4M's own imperfections, as its firmware reports them (design.md §2): module gaps (pixel_mask bit 0),
/// dead pixels (bit 1) and known hot pixels (bit 3) — all read as the all-ones value in frames — plus a few hot
/// pixels the mask does not know about, which count every frame. Positions come from a seed of their own, so
/// every scan "on the same detector" has the same defects.
/// </summary>
public sealed class DetectorDefects
{
    /// <summary>pixel_mask bit of a module gap.</summary>
    public const uint GapBit = 1u << 0;

    /// <summary>pixel_mask bit of a dead pixel.</summary>
    public const uint DeadBit = 1u << 1;

    /// <summary>pixel_mask bit of a hot (over-responding) pixel.</summary>
    public const uint HotBit = 1u << 3;

    private DetectorDefects(uint[] pixelMask, int[] unmaskedHot, (int Start, int Length)[] invalidRuns)
    {
        PixelMask = pixelMask;
        UnmaskedHotPixels = unmaskedHot;
        InvalidRuns = invalidRuns;
    }

    /// <summary>DECTRIS pixel_mask, row-major (0 = good).</summary>
    public uint[] PixelMask { get; }

    /// <summary>Pixels that are hot but not in <see cref="PixelMask"/>.</summary>
    public int[] UnmaskedHotPixels { get; }

    /// <summary>Runs of pixels with a non-zero mask (they carry all-ones in frames).</summary>
    public (int Start, int Length)[] InvalidRuns { get; }

    /// <summary>Draws the defects of an Eiger 4M-like detector of <paramref name="shape"/>.</summary>
    /// <param name="shape">Detector shape (module gaps follow <see cref="Eiger4MLayout"/>).</param>
    /// <param name="deadFraction">Fraction of active pixels that are dead.</param>
    /// <param name="hotMasked">Hot pixels flagged in the mask.</param>
    /// <param name="hotUnmasked">Hot pixels not flagged.</param>
    /// <param name="seed">Seed of the positions.</param>
    public static DetectorDefects Create(DetectorShape shape, double deadFraction, int hotMasked, int hotUnmasked, int seed)
    {
        int n = shape.PixelCount;
        var mask = new uint[n];
        for (int r = 0; r < shape.Rows; r++)
        {
            for (int c = 0; c < shape.Cols; c++)
            {
                if (Eiger4MLayout.IsGap(r, c))
                {
                    mask[(r * shape.Cols) + c] = GapBit;
                }
            }
        }

        var random = new Random(seed);
        int active = mask.Count(m => m == 0);
        int dead = (int)Math.Round(deadFraction * active);
        Scatter(mask, random, dead, DeadBit);
        Scatter(mask, random, hotMasked, HotBit);
        var hot = new List<int>();
        while (hot.Count < hotUnmasked && hot.Count < active - dead - hotMasked)
        {
            int p = random.Next(n);
            if (mask[p] == 0 && !hot.Contains(p))
            {
                hot.Add(p);
            }
        }

        return new DetectorDefects(mask, [.. hot], Runs(mask));
    }

    private static void Scatter(uint[] mask, Random random, int count, uint bit)
    {
        for (int placed = 0; placed < count;)
        {
            int p = random.Next(mask.Length);
            if (mask[p] == 0)
            {
                mask[p] = bit;
                placed++;
            }
        }
    }

    private static (int, int)[] Runs(uint[] mask)
    {
        var runs = new List<(int, int)>();
        for (int p = 0; p < mask.Length;)
        {
            if (mask[p] == 0)
            {
                p++;
                continue;
            }

            int s = p;
            while (p < mask.Length && mask[p] != 0)
            {
                p++;
            }

            runs.Add((s, p - s));
        }

        return [.. runs];
    }
}
