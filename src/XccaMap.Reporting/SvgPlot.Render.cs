using System.Globalization;
using System.Text;

namespace XccaMap.Reporting;

/// <content>Rendering of <see cref="SvgPlot"/> to SVG text.</content>
public sealed partial class SvgPlot
{
    private const double FontSize = 12;
    private const double CharWidth = 7.2; // ≈ 0.6 em, for layout estimates only
    private const string ClipToken = "<clip>"; // cannot occur in escaped user text

    /// <summary>Axis geometry: data range, ticks and where the plot area sits.</summary>
    private sealed record Axis(double Min, double Max, double[] Ticks, string[] Labels, bool Log);

    /// <summary>Renders the plot as a standalone SVG 1.1 document (UTF-8 text, no XML declaration).</summary>
    public string ToSvg()
    {
        if (Width < 100 || Height < 80)
        {
            throw new InvalidOperationException($"Plot size {Width} × {Height} is too small; at least 100 × 80.");
        }

        var xAxis = BuildXAxis();
        var yAxis = BuildYAxis();
        int yLabelChars = yAxis.Labels.Length == 0 ? 1 : yAxis.Labels.Max(l => l.Length);
        double left = 12 + (YLabel.Length > 0 ? 20 : 0) + (yLabelChars * CharWidth) + 8;
        double top = Title.Length > 0 ? 34 : 14;
        double right = 18;
        double bottom = 28 + (XLabel.Length > 0 ? 20 : 0);
        double pw = Width - left - right, ph = Height - top - bottom;

        double Px(double x) => Math.Clamp(left + ((x - xAxis.Min) / (xAxis.Max - xAxis.Min) * pw), -1e5, 1e5);
        double Py(double y)
        {
            double f = yAxis.Log ? Math.Log10(y) : y;
            double f0 = yAxis.Log ? Math.Log10(yAxis.Min) : yAxis.Min, f1 = yAxis.Log ? Math.Log10(yAxis.Max) : yAxis.Max;
            return Math.Clamp(top + ph - ((f - f0) / (f1 - f0) * ph), -1e5, 1e5);
        }

        var sb = new StringBuilder(4096);
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"{FontSize}\">\n");
        if (Title.Length > 0)
        {
            sb.Append("<title>").Append(Markup.Escape(Title)).Append("</title>\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n");
        sb.Append("<defs><clipPath id=\"").Append(ClipToken).Append("\"><rect x=\"").Append(Markup.Num(left)).Append("\" y=\"")
          .Append(Markup.Num(top)).Append("\" width=\"").Append(Markup.Num(pw)).Append("\" height=\"").Append(Markup.Num(ph)).Append("\"/></clipPath></defs>\n");

        if (Grid)
        {
            sb.Append("<g class=\"grid\" stroke=\"#e5e5e5\" stroke-width=\"1\">\n");
            foreach (double t in xAxis.Ticks)
            {
                Line(sb, Px(t), top, Px(t), top + ph);
            }

            foreach (double t in yAxis.Ticks)
            {
                Line(sb, left, Py(t), left + pw, Py(t));
            }

            sb.Append("</g>\n");
        }

        sb.Append("<g class=\"data\" clip-path=\"url(#").Append(ClipToken).Append(")\">\n");
        for (int i = 0; i < _series.Count; i++)
        {
            AppendSeries(sb, _series[i], ColorOf(i), Px, Py, yAxis.Log);
        }

        sb.Append("</g>\n");
        AppendMarkers(sb, xAxis, Px, top, ph);
        sb.Append("<rect class=\"frame\" x=\"").Append(Markup.Num(left)).Append("\" y=\"").Append(Markup.Num(top)).Append("\" width=\"")
          .Append(Markup.Num(pw)).Append("\" height=\"").Append(Markup.Num(ph)).Append("\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>\n");
        AppendTicks(sb, xAxis, yAxis, Px, Py, left, top + ph);
        AppendLabels(sb, left, top, pw, ph);
        if (Legend)
        {
            AppendLegend(sb, (left, top, pw, ph), Px, Py, yAxis.Log);
        }

        sb.Append("</svg>\n");

        // A content hash as clip-path id keeps ids distinct when several plots are inlined in
        // one HTML page (ids are document-global) while keeping the output deterministic.
        string id = "xcm-clip-" + Fnv1a(sb).ToString("x16", CultureInfo.InvariantCulture);
        return sb.Replace(ClipToken, id).ToString();
    }

    private Rgba ColorOf(int i) => _series[i].Color ?? DefaultColor(i);

    private Axis BuildXAxis()
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var s in _series)
        {
            foreach (double x in s.X)
            {
                if (double.IsFinite(x)) { lo = Math.Min(lo, x); hi = Math.Max(hi, x); }
            }
        }

        if (XTickStep is { } step)
        {
            return SteppedAxis(XRange, lo, hi, step);
        }

        int maxTicks = Math.Clamp((Width - 100) / 70, 3, 10);
        return LinearAxis(XRange, lo, hi, maxTicks);
    }

    private Axis BuildYAxis()
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var s in _series)
        {
            Extend(s.Y);
            if (s.BandLower is not null) { Extend(s.BandLower); Extend(s.BandUpper!); }
        }

        int maxTicks = Math.Clamp((Height - 60) / 45, 3, 10);
        if (!LogY)
        {
            return LinearAxis(YRange, lo, hi, maxTicks);
        }

        double min, max;
        if (YRange is { } r)
        {
            if (!(r.Min > 0 && r.Max > r.Min))
            {
                throw new InvalidOperationException($"Log-y range [{r.Min}, {r.Max}] must satisfy 0 < min < max.");
            }

            (min, max) = r;
        }
        else if (double.IsFinite(lo))
        {
            min = Math.Pow(10, Math.Floor(Math.Log10(lo)));
            max = Math.Pow(10, Math.Ceiling(Math.Log10(hi)));
            if (max <= min) { max = min * 10; }
        }
        else
        {
            (min, max) = (1, 10);
        }

        double[] ticks = NiceTicks.Log10(min, max, maxTicks);
        return new Axis(min, max, ticks, NiceTicks.LogLabels(ticks), true);

        void Extend(IReadOnlyList<double> ys)
        {
            foreach (double y in ys)
            {
                if (double.IsFinite(y) && (!LogY || y > 0)) { lo = Math.Min(lo, y); hi = Math.Max(hi, y); }
            }
        }
    }

    private static Axis LinearAxis((double Min, double Max)? fixedRange, double lo, double hi, int maxTicks)
    {
        if (fixedRange is { } r)
        {
            if (!(double.IsFinite(r.Min) && double.IsFinite(r.Max) && r.Max > r.Min))
            {
                throw new InvalidOperationException($"Axis range [{r.Min}, {r.Max}] must be finite with min < max.");
            }

            double[] inside = NiceTicks.Linear(r.Min, r.Max, maxTicks);
            return new Axis(r.Min, r.Max, inside, NiceTicks.Labels(inside, NiceTicks.Step(r.Max - r.Min, maxTicks)), false);
        }

        if (!double.IsFinite(lo))
        {
            (lo, hi) = (0, 1);
        }

        var (min, max, step) = NiceTicks.Cover(lo, hi, maxTicks);
        int n = (int)Math.Round((max - min) / step);
        var ticks = new double[n + 1];
        for (int i = 0; i <= n; i++)
        {
            double t = Math.Round(min + (i * step), 12);
            ticks[i] = Math.Abs(t) < step * 1e-9 ? 0 : t;
        }

        return new Axis(min, max, ticks, NiceTicks.Labels(ticks, step), false);
    }

    private static Axis SteppedAxis((double Min, double Max)? fixedRange, double lo, double hi, double step)
    {
        if (!(step > 0) || !double.IsFinite(step))
        {
            throw new InvalidOperationException($"Tick step {step} must be positive and finite.");
        }

        var (min, max) = fixedRange ?? (double.IsFinite(lo) ? (Math.Floor(lo / step) * step, Math.Ceiling(hi / step) * step) : (0, step));
        if (!(max > min) || (max - min) / step > 100)
        {
            throw new InvalidOperationException($"Axis [{min}, {max}] with tick step {step} gives no ticks or more than 100.");
        }

        var ticks = new List<double>();
        for (long i = (long)Math.Ceiling((min / step) - 1e-9); i * step <= max + (step * 1e-9); i++)
        {
            ticks.Add(i * step);
        }

        return new Axis(min, max, [.. ticks], NiceTicks.Labels(ticks, step), false);
    }

    private static void Line(StringBuilder sb, double x1, double y1, double x2, double y2, string extra = "") =>
        sb.Append("<line x1=\"").Append(Markup.Num(x1)).Append("\" y1=\"").Append(Markup.Num(y1)).Append("\" x2=\"")
          .Append(Markup.Num(x2)).Append("\" y2=\"").Append(Markup.Num(y2)).Append('"').Append(extra).Append("/>\n");

    private static ulong Fnv1a(StringBuilder sb)
    {
        ulong h = 14695981039346656037UL;
        foreach (var chunk in sb.GetChunks())
        {
            foreach (char c in chunk.Span)
            {
                h = (h ^ c) * 1099511628211UL;
            }
        }

        return h;
    }
}
