using System.Runtime.InteropServices;

namespace XccaMap.Reporting;

/// <summary>
/// Renders 2D maps as figures: scalar maps (q maps, intensities, log-scale diffraction
/// patterns) through a colour map with an optional colour bar, and domain-class maps with
/// a legend. Input is row-major, rows × cols (row = slow scan axis or detector y); each value
/// becomes an Upscale × Upscale block (nearest neighbour), framed by a 1-pixel black line,
/// on a white canvas with margins. Call <see cref="RasterImage.ToPng"/> for PNG bytes.
/// </summary>
public static class MapImage
{
    /// <summary>Automatic upscaling makes the longer side of the map at least this many pixels.</summary>
    public const int AutoMinSide = 400;

    /// <summary>The automatic integer magnification for a rows × cols map.</summary>
    public static int AutoUpscale(int rows, int cols) => Math.Max(1, (AutoMinSide + Math.Max(rows, cols) - 1) / Math.Max(rows, cols));

    /// <summary>
    /// The colour mapping <see cref="RenderScalar(ReadOnlySpan{float}, int, int, MapRenderOptions?, ReadOnlySpan{bool})"/>
    /// uses for these values and options (fixed scale, or robust percentiles); handy for captions.
    /// </summary>
    public static ColorMapping ResolveMapping(ReadOnlySpan<float> values, MapRenderOptions? options = null, ReadOnlySpan<bool> mask = default)
    {
        options ??= new MapRenderOptions();
        var scale = options.Scale
            ?? ColorScale.FromPercentiles(values, options.ScaleKind, options.LowPercentile, options.HighPercentile, mask);
        return new ColorMapping(options.Colormap, scale) { NanColor = options.NanColor, MaskedColor = options.MaskedColor };
    }

    /// <summary>Renders a scalar map.</summary>
    /// <param name="values">rows × cols values, row-major, in the quantity's unit (e.g. Å⁻¹ for q).</param>
    /// <param name="rows">Number of rows (drawn top to bottom unless <see cref="MapRenderOptions.OriginAtBottom"/>).</param>
    /// <param name="cols">Number of columns.</param>
    /// <param name="options">Colour map, scale, labels; null = defaults (viridis, 1–99.5 % linear, colour bar).</param>
    /// <param name="mask">Empty, or rows × cols flags; true = excluded, drawn in the masked colour.</param>
    public static RasterImage RenderScalar(
        ReadOnlySpan<float> values, int rows, int cols, MapRenderOptions? options = null, ReadOnlySpan<bool> mask = default)
    {
        CheckShape(values.Length, rows, cols, nameof(values));
        if (!mask.IsEmpty)
        {
            CheckShape(mask.Length, rows, cols, nameof(mask));
        }

        options ??= new MapRenderOptions();
        var mapping = ResolveMapping(values, options, mask);
        int up = options.Upscale > 0 ? options.Upscale : AutoUpscale(rows, cols);
        int imgW = checked(cols * up), imgH = checked(rows * up);
        int s = options.FontScale > 0 ? options.FontScale : AutoFontScale(imgH);
        int barH = imgH;
        int sideW = options.ColorBar ? (4 * s) + ColorBar.Width(mapping.Scale, options.ColorBarLabel, barH, s) : 0;
        int headerH = options.ColorBar ? ColorBar.HeaderHeight(options.ColorBarLabel, s) : 0;

        var (canvas, x0, y0) = Canvas(imgW, imgH, sideW, headerH, options.ColorBar ? BitmapFont.LineHeight * s / 2 : 0, options.Title, s);
        byte[] rgba = new byte[values.Length * 4];
        mapping.Apply(values, mask, rgba);
        Blit(canvas, MemoryMarshal.Cast<byte, uint>(rgba.AsSpan()), rows, cols, up, x0, y0, options.OriginAtBottom);
        if (options.ColorBar)
        {
            ColorBar.Draw(canvas, x0 + imgW + 1 + (4 * s) + 1, y0, barH, mapping, options.ColorBarLabel, s);
        }

        return canvas;
    }

    /// <summary>Renders a scalar map given as doubles (converted to float for colouring).</summary>
    public static RasterImage RenderScalar(
        ReadOnlySpan<double> values, int rows, int cols, MapRenderOptions? options = null, ReadOnlySpan<bool> mask = default)
    {
        var f = new float[values.Length];
        for (int i = 0; i < f.Length; i++)
        {
            f[i] = (float)values[i];
        }

        return RenderScalar(f, rows, cols, options, mask);
    }

    /// <summary>Renders a domain-class map (see <see cref="ClassMap"/> for the label convention).</summary>
    /// <param name="labels">rows × cols labels, row-major: ≥ 0 class, −1 empty, −2 mixed.</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="cols">Number of columns.</param>
    /// <param name="options">Palette, names, legend; null = defaults.</param>
    /// <exception cref="ArgumentException">A label below −2 (the message names its index).</exception>
    public static RasterImage RenderClasses(ReadOnlySpan<int> labels, int rows, int cols, ClassMapRenderOptions? options = null)
    {
        CheckShape(labels.Length, rows, cols, nameof(labels));
        options ??= new ClassMapRenderOptions();
        var present = new SortedSet<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (!ClassMap.IsValid(labels[i]))
            {
                throw new ArgumentException(
                    $"Class label {labels[i]} at row {i / cols}, column {i % cols} is invalid; expected ≥ 0, {ClassMap.Empty} (empty) or {ClassMap.Mixed} (mixed).",
                    nameof(labels));
            }

            present.Add(labels[i]);
        }

        if (options.Names is not null)
        {
            present.UnionWith(options.Names.Keys.Where(ClassMap.IsValid));
        }

        // Legend order: classes ascending, then mixed, then empty.
        var entries = present.Where(l => l >= 0).Concat(present.Where(l => l < 0).OrderBy(l => l == ClassMap.Empty))
            .Select(l => (options.Palette.ColorOf(l), options.Names?.GetValueOrDefault(l) ?? ClassMap.DefaultName(l)))
            .ToList();

        int up = options.Upscale > 0 ? options.Upscale : AutoUpscale(rows, cols);
        int imgW = checked(cols * up), imgH = checked(rows * up);
        int s = options.FontScale > 0 ? options.FontScale : AutoFontScale(imgH);
        var (legendW, legendH) = options.Legend ? ClassLegend.Measure(entries, s) : (0, 0);
        int sideW = options.Legend ? (5 * s) + legendW : 0;
        int extraH = Math.Max(0, legendH - imgH);
        var (canvas, x0, y0) = Canvas(imgW, imgH, sideW, 0, extraH, options.Title, s);

        var colors = new uint[labels.Length];
        var lut = new Dictionary<int, uint>();
        for (int i = 0; i < labels.Length; i++)
        {
            int l = labels[i];
            if (!lut.TryGetValue(l, out uint c))
            {
                c = RasterImage.Pack(options.Palette.ColorOf(l));
                lut[l] = c;
            }

            colors[i] = c;
        }

        Blit(canvas, colors, rows, cols, up, x0, y0, options.OriginAtBottom);
        if (options.Legend)
        {
            ClassLegend.Draw(canvas, x0 + imgW + 1 + (5 * s), y0, entries, s);
        }

        return canvas;
    }

    private static int AutoFontScale(int imageHeight) => Math.Max(2, imageHeight / 500);

    private static void CheckShape(int length, int rows, int cols, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
        if ((long)rows * cols != length)
        {
            throw new ArgumentException($"{name} has {length} elements; a {rows} × {cols} map needs {(long)rows * cols}.", name);
        }
    }

    /// <summary>
    /// A white canvas holding the title, the framed map area (imgW × imgH) and a side panel
    /// (sideW wide, headerH of it above the map's top); returns where the map's top-left goes.
    /// </summary>
    private static (RasterImage Canvas, int X0, int Y0) Canvas(int imgW, int imgH, int sideW, int headerH, int extraBottom, string? title, int s)
    {
        int m = 6 * s;
        int titleH = string.IsNullOrEmpty(title) ? 0 : (BitmapFont.LineHeight + 4) * s;
        int x0 = m + 1;
        int y0 = m + titleH + headerH + 1;
        int width = x0 + imgW + 1 + sideW + m;
        if (titleH > 0)
        {
            width = Math.Max(width, BitmapFont.MeasureWidth(title!, s) + (2 * m));
        }

        int height = y0 + imgH + 1 + extraBottom + m;
        var canvas = new RasterImage(width, height, Rgba.White);
        if (titleH > 0)
        {
            int tw = BitmapFont.MeasureWidth(title!, s);
            canvas.DrawText((width - tw) / 2, m, title!, Rgba.Black, s);
        }

        canvas.DrawRect(x0 - 1, y0 - 1, imgW + 2, imgH + 2, Rgba.Black);
        return (canvas, x0, y0);
    }

    /// <summary>Nearest-neighbour upscaled copy of packed RGBA values into the canvas.</summary>
    private static void Blit(RasterImage canvas, ReadOnlySpan<uint> src, int rows, int cols, int up, int x0, int y0, bool originAtBottom)
    {
        var dstRow = new uint[cols * up];
        for (int r = 0; r < rows; r++)
        {
            var srcRow = src.Slice(r * cols, cols);
            for (int c = 0; c < cols; c++)
            {
                dstRow.AsSpan(c * up, up).Fill(srcRow[c]);
            }

            int dr = originAtBottom ? rows - 1 - r : r;
            for (int k = 0; k < up; k++)
            {
                var target = MemoryMarshal.Cast<byte, uint>(canvas.Row(y0 + (dr * up) + k)).Slice(x0, cols * up);
                dstRow.CopyTo(target);
            }
        }
    }
}
