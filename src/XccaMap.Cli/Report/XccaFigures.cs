using System.Globalization;
using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Disorder;
using XccaMap.Diffraction.Xcca;
using XccaMap.Reporting;

namespace XccaMap.Cli.Report;

/// <summary>
/// The cross-correlation figures and table of the process report: each domain's CCF against Δ (Fig. 2 a–e of
/// Mukharamova et al. 2019), the radial and azimuthal cuts through its 200_AL peak with the fitted curve (Fig. S6),
/// and the orientational-disorder table (Table S2 form). Domain K is SAXS class K + 1 and takes its colour.
/// </summary>
internal static class XccaFigures
{
    /// <summary>The scaled CCF (and both autocorrelations, dashed) against Δ ∈ [−180°, 180°) with the symmetry axis.</summary>
    public static string Ccf(DomainXccaResult d)
    {
        var color = CategoricalPalette.OkabeIto.ColorOf(d.Domain);
        var plot = new SvgPlot
        {
            Title = Inv($"{ClassLabels.Name(d.Domain)} (domain_{d.Domain}): C(q1, q2, Δ), {d.Frames} frames"),
            XLabel = "Δ (°)",
            YLabel = "C (scaled to [0, 1])",
            XRange = (-180, 180),
            XTickStep = 45,
            Width = 640,
            Height = 320,
        };
        plot.Add(Centred(Inv($"{d.Pair.Q1Label} × {d.Pair.Q2Label}"), d.Ccf) with { Color = color, LineWidth = 2 });
        if (d.AutoQ1 is { } a1)
        {
            plot.Add(Centred(Inv($"{d.Pair.Q1Label} × {d.Pair.Q1Label}"), a1) with { Dashed = true, Color = Rgba.FromRgb(0x777777), LineWidth = 1 });
        }

        if (d.AutoQ2 is { } a2)
        {
            plot.Add(Centred(Inv($"{d.Pair.Q2Label} × {d.Pair.Q2Label}"), a2) with { Dashed = true, Color = Rgba.FromRgb(0xBBBBBB), LineWidth = 1 });
        }

        var axis = d.Ccf.Axis;
        if (double.IsFinite(axis.AxisDeg))
        {
            plot.AddMarker(new PlotMarker(axis.AxisDeg, Inv($"axis {axis.AxisDeg:0.0}°")) { Color = color });
        }

        return plot.ToSvg();
    }

    /// <summary>The radial cut through the fitted 200_AL peak: data with error band, fit, background.</summary>
    public static string? RadialCut(DomainXccaResult d)
    {
        if (d.Disorder?.Cuts is not { } c)
        {
            return null;
        }

        var plot = Cut(d, Inv($"radial cut, φ {c.RadialPhiRangeDeg.Min:0.0}…{c.RadialPhiRangeDeg.Max:0.0}°"), "q (Å⁻¹)");
        AddCut(plot, d.Domain, c.Q, c.RadialIntensity, c.RadialSigma, c.RadialFit, c.RadialBackground);
        return plot.ToSvg();
    }

    /// <summary>The azimuthal cut through the fitted 200_AL peak.</summary>
    public static string? AzimuthalCut(DomainXccaResult d)
    {
        if (d.Disorder?.Cuts is not { } c || c.PhiDeg.Length == 0)
        {
            return null;
        }

        var plot = Cut(d, Inv($"azimuthal cut, q {c.AzimuthalQRange.Min:0.000}…{c.AzimuthalQRange.Max:0.000} Å⁻¹"), "φ (°)");
        AddCut(plot, d.Domain, c.PhiDeg, c.AzimuthalIntensity, c.AzimuthalSigma, c.AzimuthalFit, c.AzimuthalBackground);
        return plot.ToSvg();
    }

    /// <summary>Table S2 form: one row per domain.</summary>
    public static IEnumerable<IReadOnlyList<string>> TableS2(IReadOnlyList<DomainXccaResult> domains)
    {
        foreach (var d in domains)
        {
            var axis = d.Ccf.Axis;
            var r = d.Disorder;
            bool ok = r is { Success: true };
            yield return
            [
                Inv($"{ClassLabels.Name(d.Domain)} (domain_{d.Domain})"),
                d.Frames.ToString(CultureInfo.InvariantCulture),
                Inv($"{d.Pair.Q1Label} × {d.Pair.Q2Label}"),
                double.IsFinite(axis.AxisDeg) ? Inv($"{axis.AxisDeg:0.0} ± {axis.ErrorDeg:0.0}") : "–",
                ok ? r!.FwhmAzDeg.Format(1) : "–",
                ok ? r!.FwhmRadDeg.Format(2) : "–",
                ok && double.IsFinite(r!.DeltaPhiDeg.Value) ? r.DeltaPhiDeg.Format(1) : "–",
                ok ? r!.ReducedChiSquare.ToString("0.00", CultureInfo.InvariantCulture) : r?.Message ?? "no 200_AL patch",
            ];
        }
    }

    /// <summary>Header of <see cref="TableS2"/>.</summary>
    public static IReadOnlyList<string> TableS2Header { get; } =
        ["domain", "frames", "q1 × q2", "CCF symmetry axis (°)", "FWHM_az (°)", "FWHM_rad (°)", "ΔΦ (°)", "χ²/dof (or why no fit)"];

    private static SvgPlot Cut(DomainXccaResult d, string what, string xLabel) => new()
    {
        Title = Inv($"{ClassLabels.Name(d.Domain)}: 200_AL {what}"),
        XLabel = xLabel,
        YLabel = "I (counts/pixel)",
        Width = 420,
        Height = 300,
    };

    private static void AddCut(SvgPlot plot, int domain, double[] x, double[] y, double[] sigma, double[] fit, double[] background)
    {
        var color = CategoricalPalette.OkabeIto.ColorOf(domain);
        plot.Add(new PlotSeries("data", x, y)
        {
            Color = color,
            Line = false,
            Markers = true,
            BandLower = y.Select((v, i) => v - sigma[i]).ToArray(),
            BandUpper = y.Select((v, i) => v + sigma[i]).ToArray(),
        });
        plot.Add(new PlotSeries("2D Gaussian fit", x, fit) { Color = Rgba.FromRgb(0x222222), LineWidth = 1.5 });
        plot.Add(new PlotSeries("background", x, background) { Color = Rgba.FromRgb(0x888888), Dashed = true, LineWidth = 1 });
    }

    /// <summary>A CCF as a series over Δ ∈ [−180°, 180°).</summary>
    private static PlotSeries Centred(string name, CcfResult c)
    {
        var order = Enumerable.Range(0, c.Bins).OrderBy(j => Wrap(c.DeltaDeg[j])).ToArray();
        return new PlotSeries(name, order.Select(j => Wrap(c.DeltaDeg[j])).ToArray(), order.Select(j => c.Scaled[j]).ToArray());
    }

    private static double Wrap(double deltaDeg) => deltaDeg >= 180 ? deltaDeg - 360 : deltaDeg;

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
