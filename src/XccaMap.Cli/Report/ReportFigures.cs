using System.Globalization;
using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Results;
using XccaMap.Diffraction.Rings;
using XccaMap.Reporting;

namespace XccaMap.Cli.Report;

/// <summary>
/// Renders the figures of the process report from a <see cref="ScanResult"/>: class maps in distinct colours
/// (empty white, mixed grey, no data dark, as in Fig. 1), q and intensity maps, log-scale class-averaged
/// patterns with an enlarged SAXS region (Fig. S3 a–e), and radial profiles with the indexed peaks (Fig. S3 f–j).
/// </summary>
internal static class ReportFigures
{
    /// <summary>Colour of raster points without a frame.</summary>
    private static readonly Rgba NoDataColor = Rgba.FromRgb(0x404040);

    public static RasterImage ClassMapImage(int[] labels, int rows, int cols, string title, IReadOnlyList<DomainResult> domains)
    {
        int classes = Math.Max(labels.Where(l => l >= 0).DefaultIfEmpty(-1).Max() + 1, domains.Count);

        // "No data" (−3) is drawn as one more class with its own colour, as MapImage knows only −1 and −2.
        var colors = Enumerable.Range(0, classes).Select(k => CategoricalPalette.OkabeIto.ColorOf(k)).Append(NoDataColor).ToList();
        var names = new Dictionary<int, string>();
        for (int k = 0; k < classes; k++)
        {
            var d = domains.FirstOrDefault(x => x.Label == k);
            string phi = d is null || d.TypicalPeakPhi.Count == 0
                ? string.Empty
                : " (" + string.Join(", ", d.TypicalPeakPhi.Take(4).Select(p => p.ToString("0", CultureInfo.InvariantCulture) + "°")) + ")";
            names[k] = ClassLabels.Name(k) + phi;
        }

        bool noData = labels.Any(l => l == ClassLabels.NoData);
        if (noData)
        {
            names[classes] = "no data";
        }

        var shown = labels.Select(l => l == ClassLabels.NoData ? classes : l).ToArray();
        return MapImage.RenderClasses(shown, rows, cols, new ClassMapRenderOptions { Palette = new CategoricalPalette(colors), Names = names, Title = title });
    }

    public static RasterImage ScalarMap(float[] values, int rows, int cols, string title, string label, bool log)
    {
        var options = new MapRenderOptions
        {
            Title = title,
            ColorBarLabel = label,
            ScaleKind = log ? ColorScaleKind.Log10 : ColorScaleKind.Linear,
            LowPercentile = log ? 5 : 2,
            HighPercentile = log ? 99.8 : 98,
        };
        return MapImage.RenderScalar(values, rows, cols, options);
    }

    /// <summary>The class-averaged pattern on a log scale, binned down to at most ~560 px.</summary>
    public static RasterImage Pattern(DomainResult d, string title)
    {
        var (rows, cols) = d.PatternShape;
        int f = Math.Max(1, (int)Math.Ceiling(Math.Max(rows, cols) / 560.0));
        var (img, r2, c2) = Bin(d.Pattern!, rows, cols, f);
        return MapImage.RenderScalar(img, r2, c2, new MapRenderOptions
        {
            Title = title,
            Colormap = Colormap.Magma,
            ScaleKind = ColorScaleKind.Log10,
            LowPercentile = 5,
            HighPercentile = 99.95,
            ColorBarLabel = "counts/pixel",
            Upscale = 1,
        });
    }

    /// <summary>The pattern around the direct beam out to the end of the SAXS band, enlarged.</summary>
    public static RasterImage? SaxsRegion(DomainResult d, ScanResult r, string title)
    {
        if (d.Pattern is null || r.SaxsBandQ.Length == 0)
        {
            return null;
        }

        var g = r.Geometry;
        int b = Math.Max(1, r.Config.PatternBinning);
        double lambda = g.Wavelength * 1e10;
        double qMax = r.SaxsBandQ[^1];
        double twoTheta = 2 * Math.Asin(Math.Min(1, qMax * lambda / (4 * Math.PI)));
        double radius = g.Distance * Math.Tan(twoTheta) / Math.Min(g.PixelSize1, g.PixelSize2) / b;
        double cr = g.Poni1 / g.PixelSize1 / b, cc = g.Poni2 / g.PixelSize2 / b;
        var (rows, cols) = d.PatternShape;
        int r0 = Math.Max(0, (int)(cr - radius)), r1 = Math.Min(rows, (int)Math.Ceiling(cr + radius));
        int c0 = Math.Max(0, (int)(cc - radius)), c1 = Math.Min(cols, (int)Math.Ceiling(cc + radius));
        if (r1 - r0 < 4 || c1 - c0 < 4)
        {
            return null;
        }

        var crop = new float[(r1 - r0) * (c1 - c0)];
        for (int i = r0; i < r1; i++)
        {
            d.Pattern.AsSpan((i * cols) + c0, c1 - c0).CopyTo(crop.AsSpan((i - r0) * (c1 - c0)));
        }

        return MapImage.RenderScalar(crop, r1 - r0, c1 - c0, new MapRenderOptions
        {
            Title = title,
            Colormap = Colormap.Magma,
            ScaleKind = ColorScaleKind.Log10,
            LowPercentile = 5,
            HighPercentile = 99.9,
            ColorBarLabel = "counts/pixel",
        });
    }

    /// <summary>Scan-averaged I(q) with its SNIP background and the rings found.</summary>
    public static string ScanAverageProfile(ScanResult r)
    {
        var plot = new SvgPlot { Title = $"Scan-averaged radial profile ({r.SurveyFrames} frames)", XLabel = "q (Å⁻¹)", YLabel = "I (counts/pixel)", LogY = true, Width = 760 };
        var valid = Enumerable.Range(0, r.SurveyQ.Length).Where(i => r.SurveyIntensity[i] > 0).ToArray();
        plot.Add(new PlotSeries("I(q)", valid.Select(i => r.SurveyQ[i]).ToArray(), valid.Select(i => r.SurveyIntensity[i]).ToArray()));
        plot.Add(new PlotSeries("background", valid.Select(i => r.SurveyQ[i]).ToArray(), valid.Select(i => r.SurveyBackground[i]).ToArray()) { Dashed = true });
        foreach (var ring in r.Rings.All)
        {
            plot.AddMarker(ring.Q, RingLabel(ring));
        }

        return plot.ToSvg();
    }

    /// <summary>The class-averaged band profiles of one modality, with each class's indexed peaks marked.</summary>
    public static string? BandProfiles(ScanResult r, string modality)
    {
        var domains = r.Domains.Where(d => d.Modality == modality).ToList();
        if (domains.Count == 0)
        {
            return null;
        }

        var plot = new SvgPlot
        {
            Title = modality == "saxs" ? "SAXS band: class-averaged I(q), indexed SL peaks" : "WAXS band: class-averaged I(q), indexed AL peaks",
            XLabel = "q (Å⁻¹)",
            YLabel = "I (counts/pixel)",
            LogY = true,
            Width = 760,
        };
        foreach (var d in domains)
        {
            var idx = Enumerable.Range(0, d.BandQ.Length).Where(i => d.BandIntensity[i] > 0).ToArray();
            var color = CategoricalPalette.OkabeIto.ColorOf(d.Label);
            plot.Add(new PlotSeries(ClassLabels.Name(d.Label), idx.Select(i => d.BandQ[i]).ToArray(), idx.Select(i => d.BandIntensity[i]).ToArray()) { Color = color });
            foreach (var p in d.Indexing.Peaks.Where(p => p.IsIndexed))
            {
                plot.AddMarker(new PlotMarker(p.Q, p.Hkl!) { Color = color });
            }
        }

        return plot.ToSvg();
    }

    public static string RingLabel(Ring ring) =>
        (ring.Kind == RingKind.Superlattice ? "SL " : "AL ") + (ring.Hkl ?? ring.Q.ToString("0.000", CultureInfo.InvariantCulture));

    private static (float[] Image, int Rows, int Cols) Bin(float[] src, int rows, int cols, int f)
    {
        if (f == 1)
        {
            return (src, rows, cols);
        }

        int r2 = (rows + f - 1) / f, c2 = (cols + f - 1) / f;
        var sum = new double[r2 * c2];
        var n = new int[r2 * c2];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                float v = src[(i * cols) + j];
                if (float.IsFinite(v))
                {
                    int o = ((i / f) * c2) + (j / f);
                    sum[o] += v;
                    n[o]++;
                }
            }
        }

        return (sum.Select((s, i) => n[i] > 0 ? (float)(s / n[i]) : float.NaN).ToArray(), r2, c2);
    }
}
