using XccaMap.Diffraction.Classification;
using XccaMap.Reporting;

namespace XccaMap.Monitor.Dashboard;

/// <summary>Renders the dashboard's maps as PNG with the report's conventions (class colours; empty white, mixed grey, no data dark).</summary>
public static class DashboardImages
{
    /// <summary>Colour of raster points without a frame (yet).</summary>
    private static readonly Rgba NoDataColor = Rgba.FromRgb(0x404040);

    /// <summary>The PNG of map <paramref name="name"/>, or null for an unknown name.</summary>
    public static byte[]? MapPng(MonitorState state, string name)
    {
        var raster = state.Raster;
        if (raster is null)
        {
            return null;
        }

        string stage = state.Final is null ? "live" : "final";
        if (MapSet.Classes(state, name) is { } labels)
        {
            return ClassMap(labels, raster.Rows, raster.Cols, $"{(name == "saxs_class" ? "SAXS" : "WAXS")} classes ({stage})").ToPng();
        }

        if (MapSet.Values(state, name) is { } v)
        {
            return MapImage.RenderScalar(v.Values, raster.Rows, raster.Cols, new MapRenderOptions
            {
                Title = v.Title,
                ColorBarLabel = v.Unit,
                LowPercentile = 2,
                HighPercentile = 98,
                Upscale = Upscale(raster.Rows, raster.Cols),
            }).ToPng();
        }

        return null;
    }

    /// <summary>A class map image: classes in the categorical palette, no data (−3) drawn as one more entry in dark grey.</summary>
    public static RasterImage ClassMap(int[] labels, int rows, int cols, string title)
    {
        int classes = labels.Where(l => l >= 0).DefaultIfEmpty(-1).Max() + 1;
        var colors = Enumerable.Range(0, classes).Select(k => CategoricalPalette.OkabeIto.ColorOf(k)).Append(NoDataColor).ToList();
        var names = Enumerable.Range(0, classes).ToDictionary(k => k, ClassLabels.Name);
        if (labels.Any(l => l == ClassLabels.NoData))
        {
            names[classes] = "no data";
        }

        var shown = labels.Select(l => l == ClassLabels.NoData ? classes : l).ToArray();
        return MapImage.RenderClasses(shown, rows, cols, new ClassMapRenderOptions
        {
            Palette = new CategoricalPalette(colors),
            Names = names,
            Title = title,
            Upscale = Upscale(rows, cols),
        });
    }

    /// <summary>Integer magnification giving maps about 360 px across (same size for all maps, so the page layout holds).</summary>
    public static int Upscale(int rows, int cols) => Math.Max(1, 360 / Math.Max(rows, cols));
}
