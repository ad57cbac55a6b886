using System.Text;

namespace XccaMap.Reporting;

/// <content>The SVG pieces of <see cref="SvgPlot"/>: series, markers, ticks, labels, legend.</content>
public sealed partial class SvgPlot
{
    private const string DashArray = "6 4";

    private static void AppendSeries(StringBuilder sb, PlotSeries s, Rgba color, Func<double, double> px, Func<double, double> py, bool logY)
    {
        string hex = color.ToHex();
        string name = Markup.Escape(s.Name);
        sb.Append("<g class=\"series\" data-series=\"").Append(name).Append("\">\n");
        if (s.BandLower is { } lower && s.BandUpper is { } upper)
        {
            // One closed polygon per run of usable points: upper edge forwards, lower edge back.
            int i = 0;
            while (i < s.X.Count)
            {
                int start = i;
                while (i < s.X.Count && BandOk(i)) { i++; }
                if (i > start)
                {
                    sb.Append("<path class=\"band\" d=\"");
                    for (int k = start; k < i; k++) { Point(sb, k == start ? 'M' : 'L', px(s.X[k]), py(upper[k])); }
                    for (int k = i - 1; k >= start; k--) { Point(sb, 'L', px(s.X[k]), py(Low(lower[k]))); }
                    sb.Append("Z\" fill=\"").Append(hex).Append("\" fill-opacity=\"").Append(Markup.Num(Math.Clamp(s.BandOpacity, 0, 1)))
                      .Append("\" stroke=\"none\"/>\n");
                }

                i = Math.Max(i, start + 1);
            }

            bool BandOk(int k) => double.IsFinite(s.X[k]) && double.IsFinite(lower[k]) && double.IsFinite(upper[k]) && (!logY || upper[k] > 0);

            // On a log axis a lower edge ≤ 0 goes far below the plot (then clipped).
            double Low(double v) => logY && v <= 0 ? upper.Where(u => u > 0).DefaultIfEmpty(1).Min() * 1e-12 : v;
        }

        if (s.Line)
        {
            sb.Append("<path class=\"line\" data-series=\"").Append(name).Append("\" d=\"");
            bool pen = false;
            bool any = false;
            for (int k = 0; k < s.X.Count; k++)
            {
                if (!Usable(s.X[k], s.Y[k], logY)) { pen = false; continue; }
                Point(sb, pen ? 'L' : 'M', px(s.X[k]), py(s.Y[k]));
                pen = any = true;
            }

            if (!any)
            {
                sb.Append("M0,0"); // an empty d attribute is an SVG error
            }

            sb.Append("\" fill=\"none\" stroke=\"").Append(hex).Append("\" stroke-width=\"").Append(Markup.Num(s.LineWidth))
              .Append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
            if (s.Dashed)
            {
                sb.Append(" stroke-dasharray=\"").Append(DashArray).Append('"');
            }

            sb.Append("/>\n");
        }

        if (s.Markers)
        {
            sb.Append("<g class=\"points\" fill=\"").Append(hex).Append("\">");
            for (int k = 0; k < s.X.Count; k++)
            {
                if (Usable(s.X[k], s.Y[k], logY))
                {
                    sb.Append("<circle cx=\"").Append(Markup.Num(px(s.X[k]))).Append("\" cy=\"").Append(Markup.Num(py(s.Y[k]))).Append("\" r=\"2.5\"/>");
                }
            }

            sb.Append("</g>\n");
        }

        sb.Append("</g>\n");
    }

    private static bool Usable(double x, double y, bool logY) => double.IsFinite(x) && double.IsFinite(y) && (!logY || y > 0);

    private static void Point(StringBuilder sb, char cmd, double x, double y) =>
        sb.Append(cmd).Append(Markup.Num(x)).Append(',').Append(Markup.Num(y));

    private void AppendMarkers(StringBuilder sb, Axis x, Func<double, double> px, double top, double ph)
    {
        if (_markers.Count == 0)
        {
            return;
        }

        sb.Append("<g class=\"markers\" font-size=\"11\">\n");
        foreach (var m in _markers)
        {
            if (!(m.X >= x.Min && m.X <= x.Max))
            {
                continue;
            }

            string hex = m.Color.ToHex();
            double xp = px(m.X);
            Line(sb, xp, top, xp, top + ph, $" stroke=\"{hex}\" stroke-width=\"1\"" + (m.Dashed ? $" stroke-dasharray=\"{DashArray}\"" : string.Empty));
            if (m.Label.Length > 0)
            {
                // Rotated −90°: text reads bottom-to-top and ends 4 px below the plot's top edge.
                sb.Append("<text class=\"marker-label\" transform=\"translate(").Append(Markup.Num(xp - 3)).Append(',').Append(Markup.Num(top + 4))
                  .Append(") rotate(-90)\" text-anchor=\"end\" fill=\"").Append(hex).Append("\">").Append(Markup.Escape(m.Label)).Append("</text>\n");
            }
        }

        sb.Append("</g>\n");
    }

    private static void AppendTicks(StringBuilder sb, Axis x, Axis y, Func<double, double> px, Func<double, double> py, double left, double bottom)
    {
        sb.Append("<g class=\"x-ticks\" stroke=\"#000000\">\n");
        foreach (double t in x.Ticks)
        {
            Line(sb, px(t), bottom, px(t), bottom + 5);
        }

        sb.Append("</g>\n<g class=\"x-tick-labels\" text-anchor=\"middle\">\n");
        for (int i = 0; i < x.Ticks.Length; i++)
        {
            Text(sb, px(x.Ticks[i]), bottom + 18, x.Labels[i]);
        }

        sb.Append("</g>\n<g class=\"y-ticks\" stroke=\"#000000\">\n");
        foreach (double t in y.Ticks)
        {
            Line(sb, left - 5, py(t), left, py(t));
        }

        sb.Append("</g>\n<g class=\"y-tick-labels\" text-anchor=\"end\">\n");
        for (int i = 0; i < y.Ticks.Length; i++)
        {
            Text(sb, left - 8, py(y.Ticks[i]) + 4, y.Labels[i]);
        }

        sb.Append("</g>\n");
    }

    private void AppendLabels(StringBuilder sb, double left, double top, double pw, double ph)
    {
        if (XLabel.Length > 0)
        {
            sb.Append("<text class=\"x-label\" x=\"").Append(Markup.Num(left + (pw / 2))).Append("\" y=\"").Append(Markup.Num(Height - 10))
              .Append("\" text-anchor=\"middle\">").Append(Markup.Escape(XLabel)).Append("</text>\n");
        }

        if (YLabel.Length > 0)
        {
            sb.Append("<text class=\"y-label\" transform=\"translate(16,").Append(Markup.Num(top + (ph / 2)))
              .Append(") rotate(-90)\" text-anchor=\"middle\">").Append(Markup.Escape(YLabel)).Append("</text>\n");
        }

        if (Title.Length > 0)
        {
            sb.Append("<text class=\"title\" x=\"").Append(Markup.Num(Width / 2.0)).Append("\" y=\"22\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">")
              .Append(Markup.Escape(Title)).Append("</text>\n");
        }
    }

    private void AppendLegend(StringBuilder sb, (double Left, double Top, double W, double H) plot, Func<double, double> px, Func<double, double> py, bool logY)
    {
        var entries = Enumerable.Range(0, _series.Count).Where(i => _series[i].Name.Length > 0).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        const double row = 16;
        double w = 34 + (entries.Max(i => _series[i].Name.Length) * CharWidth) + 8;
        double h = (entries.Count * row) + 8;
        var (x0, y0) = LegendCorner(plot, w, h, px, py, logY);
        sb.Append("<g class=\"legend\">\n<rect x=\"").Append(Markup.Num(x0)).Append("\" y=\"").Append(Markup.Num(y0)).Append("\" width=\"").Append(Markup.Num(w))
          .Append("\" height=\"").Append(Markup.Num(h)).Append("\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#999999\" stroke-width=\"0.5\"/>\n");
        for (int r = 0; r < entries.Count; r++)
        {
            var s = _series[entries[r]];
            string hex = ColorOf(entries[r]).ToHex();
            double yc = y0 + 4 + (row * r) + (row / 2);
            if (s.BandLower is not null)
            {
                sb.Append("<rect x=\"").Append(Markup.Num(x0 + 6)).Append("\" y=\"").Append(Markup.Num(yc - 5)).Append("\" width=\"22\" height=\"10\" fill=\"")
                  .Append(hex).Append("\" fill-opacity=\"").Append(Markup.Num(Math.Clamp(s.BandOpacity, 0, 1))).Append("\"/>\n");
            }

            if (s.Line)
            {
                Line(sb, x0 + 6, yc, x0 + 28, yc, $" stroke=\"{hex}\" stroke-width=\"{Markup.Num(s.LineWidth)}\"" + (s.Dashed ? $" stroke-dasharray=\"{DashArray}\"" : string.Empty));
            }

            if (s.Markers)
            {
                sb.Append("<circle cx=\"").Append(Markup.Num(x0 + 17)).Append("\" cy=\"").Append(Markup.Num(yc)).Append("\" r=\"2.5\" fill=\"").Append(hex).Append("\"/>\n");
            }

            Text(sb, x0 + 34, yc + 4, s.Name);
        }

        sb.Append("</g>\n");
    }

    /// <summary>
    /// The plot corner (top-right, top-left, bottom-right, bottom-left, in that preference)
    /// whose legend box would cover the fewest data points.
    /// </summary>
    private (double X, double Y) LegendCorner((double Left, double Top, double W, double H) plot, double w, double h, Func<double, double> px, Func<double, double> py, bool logY)
    {
        const double inset = 8;
        (double X, double Y)[] corners =
        [
            (plot.Left + plot.W - inset - w, plot.Top + inset),
            (plot.Left + inset, plot.Top + inset),
            (plot.Left + plot.W - inset - w, plot.Top + plot.H - inset - h),
            (plot.Left + inset, plot.Top + plot.H - inset - h),
        ];
        var counts = new int[corners.Length];
        foreach (var s in _series)
        {
            for (int k = 0; k < s.X.Count; k++)
            {
                if (!Usable(s.X[k], s.Y[k], logY))
                {
                    continue;
                }

                double x = px(s.X[k]), y = py(s.Y[k]);
                for (int c = 0; c < corners.Length; c++)
                {
                    if (x >= corners[c].X - 4 && x <= corners[c].X + w + 4 && y >= corners[c].Y - 4 && y <= corners[c].Y + h + 4)
                    {
                        counts[c]++;
                    }
                }
            }
        }

        int best = 0;
        for (int c = 1; c < corners.Length; c++)
        {
            if (counts[c] < counts[best])
            {
                best = c;
            }
        }

        return corners[best];
    }

    private static void Text(StringBuilder sb, double x, double y, string text) =>
        sb.Append("<text x=\"").Append(Markup.Num(x)).Append("\" y=\"").Append(Markup.Num(y)).Append("\">").Append(Markup.Escape(text)).Append("</text>\n");
}
