using System.Globalization;
using XccaMap.Diffraction.Remap;
using XccaMap.Monitor.Following;
using XccaMap.Monitor.Live;
using XccaMap.Reporting;

namespace XccaMap.Monitor.Dashboard;

/// <summary>
/// The latest processed frame read whole: a log-scale picture (binned to about 540 px, masked pixels blank) and its
/// radial profile I(q) over the whole q range with the rings marked. Rendered at most once a second, when the
/// latest frame has changed (a whole-frame decode costs ~18 MB of work for an Eiger 4M).
/// </summary>
public sealed class LatestFrameView
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    private readonly object _gate = new();
    private DateTimeOffset _rendered;
    private (int Frame, byte[] Png, string Svg)? _cached;

    /// <summary>The latest frame's picture and profile, or null before any frame.</summary>
    public (int Frame, byte[] Png, string Svg)? Get(MonitorState state)
    {
        lock (_gate)
        {
            var features = state.Features;
            int latest = features?.LatestFrame ?? -1;
            if (features is null || latest < 0 || state.Frames is not FollowerFrameAccess access)
            {
                return _cached;
            }

            if (_cached is { } c && (c.Frame == latest || DateTimeOffset.UtcNow - _rendered < MinInterval))
            {
                return _cached;
            }

            var pixels = access.ReadWhole(latest);
            if (pixels is null)
            {
                return _cached;
            }

            _rendered = DateTimeOffset.UtcNow;
            _cached = (latest, Picture(features.Setup, pixels, latest), Profile(features.Setup, pixels, latest));
            return _cached;
        }
    }

    private static byte[] Picture(Live.LiveSetup setup, uint[] pixels, int frame)
    {
        var shape = setup.Geometry.Shape;
        int b = Math.Max(1, (int)Math.Ceiling(Math.Max(shape.Rows, shape.Cols) / 540.0));
        int rows = (shape.Rows + b - 1) / b, cols = (shape.Cols + b - 1) / b;
        var sum = new double[rows * cols];
        var n = new int[rows * cols];
        var excluded = setup.Mask.Excluded;
        for (int r = 0; r < shape.Rows; r++)
        {
            for (int c = 0; c < shape.Cols; c++)
            {
                int i = (r * shape.Cols) + c;
                if (!excluded[i] && pixels[i] != uint.MaxValue)
                {
                    int j = ((r / b) * cols) + (c / b);
                    sum[j] += pixels[i];
                    n[j]++;
                }
            }
        }

        var image = sum.Select((s, j) => n[j] > 0 ? (float)(s / n[j]) : float.NaN).ToArray();
        return MapImage.RenderScalar(image, rows, cols, new MapRenderOptions
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"frame {frame} (log scale)"),
            Colormap = Colormap.Magma,
            ScaleKind = ColorScaleKind.Log10,
            LowPercentile = 5,
            HighPercentile = 99.9,
            ColorBarLabel = "counts/pixel",
            Upscale = 1,
        }).ToPng();
    }

    private static string Profile(Live.LiveSetup setup, uint[] pixels, int frame)
    {
        // The survey has the mask files only: the other exclusions are set to all-ones first (after the picture, which
        // uses the whole mask); until the survey table is built (a quick setup), its plain twin.
        setup.ExcludeFrameDerived(pixels);
        var s = setup.Static;
        var sums = s.HasSurveyTable ? SurveySums.FromTable(s.SurveyTable, pixels) : SurveySums.FromPixels(s, pixels);
        var mean = sums.Signal.Select((x, b) => RemapAccumulator.MeanOf(x, sums.Normalisation[b])).ToArray();
        var q = setup.SurveyQ;
        var keep = Enumerable.Range(0, q.Length).Where(i => mean[i] > 0).ToArray();
        var plot = new SvgPlot
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"Radial profile of frame {frame}"),
            XLabel = "q (Å⁻¹)",
            YLabel = "I (counts/pixel)",
            LogY = true,
            Width = 560,
            Height = 320,
            Legend = false,
        };
        plot.Add(new PlotSeries(string.Empty, keep.Select(i => q[i]).ToArray(), keep.Select(i => mean[i]).ToArray()));
        foreach (var ring in setup.Rings.All)
        {
            plot.AddMarker(ring.Q, ring.Hkl ?? string.Empty);
        }

        return plot.ToSvg();
    }
}
