namespace XccaMap.Reporting;

/// <summary>
/// Draws a vertical colour bar (bottom = scale minimum) with ticks and labels on its right
/// and an optional quantity label above it. Layout unit: the font scale s.
/// </summary>
internal static class ColorBar
{
    public static int BarWidth(int s) => 10 * s;

    private static int TickLength(int s) => 3 * s;

    private static int Gap(int s) => 2 * s;

    /// <summary>Height of the label row above the bar (0 without a label).</summary>
    public static int HeaderHeight(string? label, int s) => string.IsNullOrEmpty(label) ? 0 : (BitmapFont.LineHeight + 2) * s;

    /// <summary>Total width of bar, ticks, tick labels and header label.</summary>
    public static int Width(ColorScale scale, string? label, int barHeight, int s)
    {
        int labelsW = 0;
        foreach (var (_, text) in Ticks(scale, barHeight, s))
        {
            labelsW = Math.Max(labelsW, BitmapFont.MeasureWidth(text, s));
        }

        int w = BarWidth(s) + TickLength(s) + Gap(s) + labelsW;
        return string.IsNullOrEmpty(label) ? w : Math.Max(w, BitmapFont.MeasureWidth(label, s));
    }

    /// <summary>Draws the bar with its top-left corner at (x, y); the header label goes above y.</summary>
    public static void Draw(RasterImage img, int x, int y, int barHeight, ColorMapping mapping, string? label, int s)
    {
        int bw = BarWidth(s);
        var table = mapping.Colormap.Table;
        for (int r = 0; r < barHeight; r++)
        {
            double t = barHeight == 1 ? 1 : 1 - (r / (double)(barHeight - 1));
            img.FillRect(x, y + r, bw, 1, table[Colormap.LevelOf(t)]);
        }

        img.DrawRect(x - 1, y - 1, bw + 2, barHeight + 2, Rgba.Black);
        foreach (var (t, text) in Ticks(mapping.Scale, barHeight, s))
        {
            int ty = y + (barHeight - 1) - (int)Math.Round(t * (barHeight - 1));
            img.FillRect(x + bw, ty - (s / 2), TickLength(s), s, Rgba.Black);
            img.DrawText(x + bw + TickLength(s) + Gap(s), ty - (BitmapFont.CapHeight * s / 2), text, Rgba.Black, s);
        }

        if (!string.IsNullOrEmpty(label))
        {
            img.DrawText(x, y - HeaderHeight(label, s), label, Rgba.Black, s);
        }
    }

    /// <summary>Tick positions as t ∈ [0, 1] along the bar, with their labels.</summary>
    public static List<(double T, string Text)> Ticks(ColorScale scale, int barHeight, int s)
    {
        int maxTicks = Math.Clamp(barHeight / (3 * BitmapFont.LineHeight * s), 2, 8);
        var result = new List<(double, string)>();
        if (scale.Kind == ColorScaleKind.Log10)
        {
            double[] ticks = NiceTicks.Log10(scale.Min, scale.Max, maxTicks);
            string[] labels = NiceTicks.LogLabels(ticks);
            for (int i = 0; i < ticks.Length; i++)
            {
                result.Add((scale.Normalize(ticks[i]), labels[i]));
            }
        }
        else
        {
            double step = NiceTicks.Step(scale.Max - scale.Min, maxTicks);
            double[] ticks = NiceTicks.Linear(scale.Min, scale.Max, maxTicks);
            string[] labels = NiceTicks.Labels(ticks, step);
            for (int i = 0; i < ticks.Length; i++)
            {
                result.Add((scale.Normalize(ticks[i]), labels[i]));
            }
        }

        return result;
    }
}
