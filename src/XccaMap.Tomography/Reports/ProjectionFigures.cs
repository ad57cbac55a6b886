using XccaMap.Crystallography.Geometry;
using XccaMap.Reporting;
using XccaMap.Tomography.Analysis;

namespace XccaMap.Tomography.Reports;

/// <summary>
/// Projections of the particles along x, y or z as PNG: coloured by crystallite (other species lighter, particles
/// outside crystallites grey), or — Fig. SI 4b of Friedrich et al. 2009 — primary particles coloured from blue (on
/// the lattice) to green (off by the colour-scale maximum). Discs have the particle radius; nearer particles are
/// drawn over farther ones. Pure: returns PNG bytes.
/// </summary>
public static class ProjectionFigures
{
    private static readonly Colormap BlueGreen = new("blue-green", [Rgba.FromRgb(0x1F3FFF), Rgba.FromRgb(0x00C060)]);

    /// <summary>Particles coloured by crystallite, projected along <paramref name="axis"/> (0 = x, 1 = y, 2 = z).</summary>
    public static byte[] Crystallites(AnalysisResult result, int axis = 2, int size = 900)
    {
        ArgumentNullException.ThrowIfNull(result);
        var palette = CategoricalPalette.OkabeIto;
        return Render(result, axis, size, $"crystallites, projection along {"xyz"[axis]}", i =>
        {
            int c = result.Crystallite[i];
            bool primary = result.Table.Species[i] == result.PrimarySpecies;
            Rgba col = c < 0 ? Rgba.FromRgb(0xB0B0B0) : palette.ColorOf(c);
            return primary ? col : Lighten(col, 0.55);
        }, legend: result.Crystallites.Select(c => ($"C{c.Id}: {c.Members.Count}+{c.Others.Count}", palette.ColorOf(c.Id))).ToList());
    }

    /// <summary>Primary particles coloured by their distance from the lattice node, 0…<paramref name="maxDisplacement"/> nm.</summary>
    public static byte[] Displacement(AnalysisResult result, int axis = 2, double maxDisplacement = 2.5, int size = 900)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Render(result, axis, size, FormattableString.Invariant($"displacement from lattice, 0 (blue) to {maxDisplacement:G3} nm (green)"), i =>
        {
            double d = result.Displacement[i];
            return double.IsFinite(d) ? BlueGreen.Interpolate(d / maxDisplacement) : Rgba.FromRgb(0xDDDDDD);
        }, legend: null, onlyPrimary: true);
    }

    private static byte[] Render(AnalysisResult result, int axis, int size, string title, Func<int, Rgba> color, List<(string, Rgba)>? legend, bool onlyPrimary = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)axis, 2u);
        var t = result.Table;
        int u = (axis + 1) % 3, v = (axis + 2) % 3;
        double minU = double.MaxValue, maxU = double.MinValue, minV = double.MaxValue, maxV = double.MinValue;
        for (int i = 0; i < t.Count; i++)
        {
            Vec3 p = t.Positions[i];
            minU = Math.Min(minU, p[u] - t.Radii[i]);
            maxU = Math.Max(maxU, p[u] + t.Radii[i]);
            minV = Math.Min(minV, p[v] - t.Radii[i]);
            maxV = Math.Max(maxV, p[v] + t.Radii[i]);
        }

        const int margin = 10, header = 24;
        double extent = Math.Max(maxU - minU, maxV - minV);
        double scale = (size - (2 * margin)) / Math.Max(extent, 1e-9);
        int width = (int)Math.Ceiling(((maxU - minU) * scale) + (2 * margin));
        int height = (int)Math.Ceiling(((maxV - minV) * scale) + (2 * margin)) + header;
        var img = new RasterImage(Math.Max(width, 200), height, Rgba.White);
        // Farther particles first (smaller coordinate along the viewing axis).
        var order = Enumerable.Range(0, t.Count).Where(i => !onlyPrimary || t.Species[i] == result.PrimarySpecies).OrderBy(i => t.Positions[i][axis]);
        foreach (int i in order)
        {
            Vec3 p = t.Positions[i];
            double cx = margin + ((p[u] - minU) * scale), cy = header + margin + ((maxV - p[v]) * scale);
            FillDisc(img, cx, cy, Math.Max(1, t.Radii[i] * scale), color(i));
        }

        img.DrawText(4, 4, title, Rgba.Black);
        if (legend is not null)
        {
            int x = img.Width - 4;
            for (int k = legend.Count - 1; k >= 0; k--)
            {
                var (label, c) = legend[k];
                x -= BitmapFont.MeasureWidth(label) + 16;
                img.FillRect(x, 5, 9, 9, c);
                img.DrawText(x + 12, 4, label, Rgba.Black);
            }
        }

        return img.ToPng();
    }

    private static void FillDisc(RasterImage img, double cx, double cy, double r, Rgba c)
    {
        int y0 = (int)Math.Floor(cy - r), y1 = (int)Math.Ceiling(cy + r);
        for (int y = y0; y <= y1; y++)
        {
            double dy = y + 0.5 - cy;
            double half = (r * r) - (dy * dy);
            if (half < 0)
            {
                continue;
            }

            double w = Math.Sqrt(half);
            int x0 = (int)Math.Round(cx - w), x1 = (int)Math.Round(cx + w);
            img.FillRect(x0, y, x1 - x0, 1, c);
        }
    }

    private static Rgba Lighten(Rgba c, double f) => new(
        (byte)(c.R + ((255 - c.R) * f)), (byte)(c.G + ((255 - c.G) * f)), (byte)(c.B + ((255 - c.B) * f)));
}
