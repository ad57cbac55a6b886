using System.Globalization;
using System.Xml.Linq;
using XccaMap.Reporting;

namespace XccaMap.Tests.Reporting;

public class SvgPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static SvgPlot RadialProfile()
    {
        double[] q = [.. Enumerable.Range(0, 200).Select(i => 0.05 + (i * 0.001))];
        double[] a = [.. q.Select(x => 100 + (5000 * Math.Exp(-Math.Pow((x - 0.145) / 0.004, 2))))];
        double[] b = [.. q.Select(x => 80 + (3000 * Math.Exp(-Math.Pow((x - 0.150) / 0.004, 2))))];
        return new SvgPlot { Title = "Radial profile <domain 1 & 2>", XLabel = "q (Å⁻¹)", YLabel = "I (counts)" }
            .Add(new PlotSeries("domain 1", q, a) { BandLower = [.. a.Select(v => v * 0.9)], BandUpper = [.. a.Select(v => v * 1.1)] })
            .Add(new PlotSeries("domain <2>", q, b) { Dashed = true, Markers = true })
            .AddMarker(0.145, "311")
            .AddMarker(0.9, "outside");
    }

    [Fact]
    public void Output_IsWellFormedSvg_WithOnePathPerSeries()
    {
        var doc = XDocument.Parse(RadialProfile().ToSvg());
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        var lines = doc.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "line").ToList();
        Assert.Equal(["domain 1", "domain <2>"], lines.Select(p => (string)p.Attribute("data-series")!));
        Assert.Equal("6 4", (string?)lines[1].Attribute("stroke-dasharray"));
        Assert.Equal(200, lines[0].Attribute("d")!.Value.Count(c => c == 'L') + 1);
        Assert.Single(doc.Descendants(Svg + "path"), p => (string?)p.Attribute("class") == "band");
        Assert.Equal(200, doc.Descendants(Svg + "circle").Count(c => c.Parent!.Attribute("class")?.Value == "points"));
        Assert.Equal(["311"], doc.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "marker-label").Select(t => t.Value));
    }

    [Fact]
    public void Text_IsEscaped_AndRoundTripsThroughTheParser()
    {
        string svg = RadialProfile().ToSvg();
        Assert.Contains("&lt;domain 1 &amp; 2&gt;", svg);
        Assert.DoesNotContain("<domain", svg);
        var doc = XDocument.Parse(svg);
        Assert.Equal("Radial profile <domain 1 & 2>", doc.Descendants(Svg + "title").Single().Value);
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "q (Å⁻¹)");
    }

    [Fact]
    public void Ticks_AreOneTwoFiveMultiples_CoveringTheData()
    {
        var doc = XDocument.Parse(RadialProfile().ToSvg());
        foreach (var (group, lo, hi) in new[] { ("x-tick-labels", 0.05, 0.249), ("y-tick-labels", 80.0, 5500.0) })
        {
            double[] ticks = [.. doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == group)
                .Elements(Svg + "text").Select(t => double.Parse(t.Value, CultureInfo.InvariantCulture))];
            Assert.True(ticks.Length >= 3, group);
            double step = ticks[1] - ticks[0];
            double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
            Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
            for (int i = 1; i < ticks.Length; i++)
            {
                Assert.Equal(step, ticks[i] - ticks[i - 1], 9);
            }

            Assert.Equal(0, Math.Abs(Math.IEEERemainder(ticks[0], step)), 9);
            Assert.True(ticks[0] <= lo && ticks[^1] >= hi, $"{group}: [{ticks[0]}, {ticks[^1]}] must cover [{lo}, {hi}]");
        }
    }

    [Fact]
    public void LogY_UsesDecades_AndBreaksAtNonPositiveValues()
    {
        var plot = new SvgPlot { LogY = true, YLabel = "I" }
            .Add("p", [1, 2, 3, 4, 5], [10, 200, 0, 3000, double.NaN]);
        var doc = XDocument.Parse(plot.ToSvg());
        string[] labels = [.. doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "y-tick-labels").Elements(Svg + "text").Select(t => t.Value)];
        Assert.Equal(["10", "100", "1000", "10000"], labels);
        string d = doc.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "line").Attribute("d")!.Value;
        Assert.Equal(2, d.Count(c => c == 'M')); // 10–200, then a new run at 3000
    }

    [Fact]
    public void Output_IsDeterministic_AndClipIdsDifferBetweenPlots()
    {
        string a1 = RadialProfile().ToSvg(), a2 = RadialProfile().ToSvg();
        Assert.Equal(a1, a2);
        string b = new SvgPlot { Title = "CCF" }.Add("C", [0, 90, 180], [1, 0.2, 1]).ToSvg();
        static string ClipId(string s) => XDocument.Parse(s).Descendants(Svg + "clipPath").Single().Attribute("id")!.Value;
        Assert.NotEqual(ClipId(a1), ClipId(b));
    }

    [Fact]
    public void XTickStep_GivesAngleTicks_AndLegendAvoidsTheData()
    {
        double[] d = [.. Enumerable.Range(0, 361).Select(i => (double)i)];
        // Data high on the right half, low on the left: the free corner is the top-left one.
        var plot = new SvgPlot { XTickStep = 90, XLabel = "Δ (deg)", YRange = (0, 1) }.Add("C", d, [.. d.Select(x => x > 180 ? 0.95 : 0.05)]);
        var doc = XDocument.Parse(plot.ToSvg());
        string[] labels = [.. doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "x-tick-labels").Elements(Svg + "text").Select(t => t.Value)];
        Assert.Equal(["0", "90", "180", "270", "360"], labels);
        var box = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend").Element(Svg + "rect")!;
        double frameX = double.Parse(doc.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("class") == "frame").Attribute("x")!.Value, CultureInfo.InvariantCulture);
        Assert.True(double.Parse(box.Attribute("x")!.Value, CultureInfo.InvariantCulture) < frameX + 20, "legend should move to the left");
    }

    [Fact]
    public void MismatchedSeries_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SvgPlot().Add("bad", [1, 2, 3], [1, 2]));
        Assert.Contains("'bad'", ex.Message);
        Assert.Throws<ArgumentException>(() => new SvgPlot().Add(new PlotSeries("b", [1.0], [1.0]) { BandLower = [0.0] }));
    }

    [Fact]
    public void EmptyPlot_StillRenders()
    {
        var doc = XDocument.Parse(new SvgPlot().ToSvg());
        Assert.Equal(Svg + "svg", doc.Root!.Name);
    }
}
