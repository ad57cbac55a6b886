using System.Diagnostics;
using XccaMap.Reporting;
using Xunit.Abstractions;

namespace XccaMap.Tests.Reporting;

public class ReportDemoTests(ITestOutputHelper output)
{
    private static readonly string? DemoDir = Environment.GetEnvironmentVariable("XCCAMAP_REPORT_DEMO");

    [Fact]
    public void DemoReport_RendersEveryFigureKind()
    {
        int[] labels = ReportDemo.ClassLabels();
        var names = new Dictionary<int, string> { [0] = "SAXS 1", [1] = "SAXS 2", [2] = "SAXS 3" };
        byte[] classPng = MapImage.RenderClasses(labels, ReportDemo.N, ReportDemo.N,
            new ClassMapRenderOptions { Title = "Domains (SAXS)", Names = names }).ToPng();

        float[] q = ReportDemo.QMap(labels);
        var qOptions = new MapRenderOptions { Title = "q(311)", ColorBarLabel = "q (Å⁻¹)" };
        byte[] qPng = MapImage.RenderScalar(q, ReportDemo.N, ReportDemo.N, qOptions).ToPng();
        var qMapping = MapImage.ResolveMapping(q, qOptions);

        var (counts, mask) = ReportDemo.Pattern(520, 500);
        byte[] patternPng = MapImage.RenderScalar(counts, 500, 520,
            new MapRenderOptions { Colormap = Colormap.Magma, ScaleKind = ColorScaleKind.Log10, ColorBarLabel = "counts", Title = "Frame 7311 (log)" }, mask).ToPng();

        double[] qs = [.. Enumerable.Range(0, 300).Select(i => 0.03 + (i * 0.0006))];
        var profile = new SvgPlot { Title = "Domain-averaged radial profiles", XLabel = "q (Å⁻¹)", YLabel = "I (counts)", LogY = true };
        for (int d = 0; d < 3; d++)
        {
            double a = 150 + (d * 1.5), shift = 150 / a;
            double[] i = [.. qs.Select(x => (2e3 * Math.Pow(x / 0.03, -3)) + Peaks(x / shift))];
            profile.Add(new PlotSeries($"domain {d + 1}", qs, i) { BandLower = [.. i.Select(v => v * 0.85)], BandUpper = [.. i.Select(v => v * 1.15)] });
        }

        foreach (var (hkl, qq) in new[] { ("111", 0.0725), ("200", 0.0838), ("220", 0.1185), ("311", 0.1389), ("222", 0.1451), ("400", 0.1676) })
        {
            profile.AddMarker(qq, hkl);
        }

        double[] delta = [.. Enumerable.Range(0, 361).Select(i => (double)i)];
        var ccf = new SvgPlot { Title = "CCF, q1 = q(311) SL, q2 = q(200) AL", XLabel = "Δ (deg)", YLabel = "C (normalised)", XRange = (0, 360), XTickStep = 90 }
            .Add("measured", delta, [.. delta.Select(x => 0.5 + (0.5 * Math.Pow(Math.Cos((x - 30) * Math.PI / 90), 6)))])
            .Add(new PlotSeries("simulated Conf1", delta, [.. delta.Select(x => 0.48 + (0.5 * Math.Pow(Math.Cos((x - 28) * Math.PI / 90), 6)))]) { Dashed = true });

        string html = new HtmlReport("XccaMap demo report — scan 17")
            .AddMetadata("Scan", "121 × 121 points, 0.5 µm step")
            .AddMetadata("Detector", "Eiger 4M (synthetic)")
            .AddSection("Domain map")
            .AddPngFigure(classPng, "Domains from SAXS peak positions; empty points white, mixed grey.")
            .AddPngFigure(qPng, $"Radial position of the 311 reflection; colour scale {qMapping.Scale.Min:F4}–{qMapping.Scale.Max:F4} Å⁻¹ (1–99.5 %).")
            .AddSection("Patterns and profiles")
            .AddPngFigure(patternPng, "A single frame on a log scale; module gaps and beamstop masked (white).")
            .AddSvgFigure(profile.ToSvg(), "Radial profiles with ±15 % bands; fcc indexing marked.")
            .AddSvgFigure(ccf.ToSvg(), "Cross-correlation function.")
            .AddTable(["Domain", "⟨a⟩ (Å)", "σ (Å)"], [["1", "150.0", "0.4"], ["2", "151.5", "0.5"], ["3", "153.0", "0.3"]], "Lattice parameters per domain.")
            .ToHtml();

        Assert.Contains("data:image/png;base64,", html);
        if (DemoDir is not null)
        {
            Directory.CreateDirectory(DemoDir);
            File.WriteAllBytes(Path.Combine(DemoDir, "class-map.png"), classPng);
            File.WriteAllBytes(Path.Combine(DemoDir, "q-map.png"), qPng);
            File.WriteAllBytes(Path.Combine(DemoDir, "pattern-log.png"), patternPng);
            File.WriteAllText(Path.Combine(DemoDir, "radial-profile.svg"), profile.ToSvg());
            File.WriteAllText(Path.Combine(DemoDir, "ccf.svg"), ccf.ToSvg());
            File.WriteAllText(Path.Combine(DemoDir, "report.html"), html);
            output.WriteLine($"Demo written to {DemoDir}");
        }

        static double Peaks(double q)
        {
            double s = 0;
            foreach (double p in (ReadOnlySpan<double>)[0.0725, 0.0838, 0.1185, 0.1389, 0.1451, 0.1676])
            {
                s += 500 * Math.Exp(-Math.Pow((q - p) / 0.0012, 2));
            }

            return s;
        }
    }

    /// <summary>Timing of a full Eiger 4M frame, printed (not asserted: performance belongs in benchmarks).</summary>
    [Fact]
    public void FullFrame_RenderAndEncode_Timing()
    {
        const int w = 2070, h = 2167;
        var (counts, mask) = ReportDemo.Pattern(w, h);
        var sw = Stopwatch.StartNew();
        var mapping = new ColorMapping(Colormap.Magma, ColorScale.FromPercentiles(counts, ColorScaleKind.Log10, mask: mask));
        long tScale = sw.ElapsedMilliseconds;
        var rgba = new byte[w * h * 4];
        mapping.Apply(counts, mask, rgba);
        long tMap = sw.ElapsedMilliseconds;
        var rgb = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++)
        {
            rgb[i * 3] = rgba[i * 4];
            rgb[(i * 3) + 1] = rgba[(i * 4) + 1];
            rgb[(i * 3) + 2] = rgba[(i * 4) + 2];
        }

        sw.Restart();
        byte[] png = PngEncoder.Encode(rgb, w, h, PngColorType.Rgb);
        long tPng = sw.ElapsedMilliseconds;
        output.WriteLine($"{w}×{h}: percentiles {tScale} ms, colour mapping {tMap - tScale} ms, PNG encode {tPng} ms, {png.Length / 1024} KiB");
        Assert.Equal(rgb, PngTestDecoder.Decode(png).Pixels);
    }
}
