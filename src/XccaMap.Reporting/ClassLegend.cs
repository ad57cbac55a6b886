namespace XccaMap.Reporting;

/// <summary>A column of legend rows — outlined colour swatch, then text — for class maps.</summary>
internal static class ClassLegend
{
    private static int RowHeight(int s) => (BitmapFont.LineHeight + 3) * s;

    private static int Swatch(int s) => (BitmapFont.CapHeight + 2) * s;

    public static (int Width, int Height) Measure(IReadOnlyList<(Rgba Color, string Name)> entries, int s)
    {
        int w = 0;
        foreach (var (_, name) in entries)
        {
            w = Math.Max(w, BitmapFont.MeasureWidth(name, s));
        }

        return (Swatch(s) + (3 * s) + w, entries.Count * RowHeight(s));
    }

    public static void Draw(RasterImage img, int x, int y, IReadOnlyList<(Rgba Color, string Name)> entries, int s)
    {
        int sw = Swatch(s);
        for (int i = 0; i < entries.Count; i++)
        {
            int ry = y + (i * RowHeight(s));
            img.FillRect(x, ry, sw, sw, entries[i].Color);
            img.DrawRect(x, ry, sw, sw, Rgba.Black); // so the white "empty" swatch is visible
            img.DrawText(x + sw + (3 * s), ry + s, entries[i].Name, Rgba.Black, s);
        }
    }
}
