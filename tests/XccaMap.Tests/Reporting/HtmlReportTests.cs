using System.Xml;
using System.Xml.Linq;
using XccaMap.Reporting;

namespace XccaMap.Tests.Reporting;

public class HtmlReportTests
{
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static HtmlReport Sample()
    {
        var png = new RasterImage(3, 2, Rgba.White).ToPng();
        return new HtmlReport("Scan 17 <script>alert(1)</script>")
            .AddMetadata("Energy (keV)", "13.0")
            .AddMetadata("Note", "a < b & c")
            .AddSection("Domains")
            .AddParagraph("User text <script>alert('x')</script>\nsecond line")
            .AddPngFigure(png, "Domain map; empty points white, mixed grey.")
            .AddTable(["Domain", "a (Å)"], [["1", "149.8"], ["2 <b>", "150.3"]], "Lattice parameters")
            .AddSection("Profiles")
            .AddSvgFigure(new SvgPlot { Title = "I(q)" }.Add("d1", [0.1, 0.2], [1, 2]).ToSvg(), "Radial profile.");
    }

    [Fact]
    public void Output_IsWellFormedXhtml_WithStructure()
    {
        var doc = Parse(Sample().ToHtml());
        Assert.Equal(Xhtml + "html", doc.Root!.Name);
        Assert.Equal(2, doc.Descendants(Xhtml + "section").Count());
        Assert.Equal(2, doc.Descendants(Xhtml + "figure").Count());
        Assert.Equal(["Figure 1.", "Figure 2."], doc.Descendants(Xhtml + "figcaption").Select(f => f.Element(Xhtml + "b")!.Value));
        Assert.Single(doc.Descendants(XName.Get("svg", "http://www.w3.org/2000/svg")));
        var cells = doc.Descendants(Xhtml + "td").Where(td => td.Parent!.Parent!.Name == Xhtml + "tbody" && td.Ancestors(Xhtml + "table").First().Attribute("class")?.Value == "data").ToList();
        Assert.Equal(["1", "149.8", "2 <b>", "150.3"], cells.Select(c => c.Value));
        Assert.Equal("num", (string?)cells[1].Attribute("class"));
    }

    [Fact]
    public void Images_AreEmbeddedAsDataUris_NoExternalResources()
    {
        string html = Sample().ToHtml();
        var img = Parse(html).Descendants(Xhtml + "img").Single();
        string src = img.Attribute("src")!.Value;
        Assert.StartsWith("data:image/png;base64,", src);
        byte[] png = Convert.FromBase64String(src["data:image/png;base64,".Length..]);
        Assert.Equal((3, 2), (PngTestDecoder.Decode(png).Width, PngTestDecoder.Decode(png).Height));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public void UserText_IsEscaped_NoScriptElements()
    {
        string html = Sample().ToHtml();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        var doc = Parse(html);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName == "script");
        Assert.Equal("Scan 17 <script>alert(1)</script>", doc.Descendants(Xhtml + "h1").Single().Value);
        Assert.Contains(doc.Descendants(Xhtml + "td"), td => td.Value == "a < b & c");
    }

    [Fact]
    public void BadInputs_AreRefused_WithMessages()
    {
        var r = new HtmlReport("t");
        Assert.Contains("not a PNG", Assert.Throws<ArgumentException>(() => r.AddPngFigure(new byte[] { 1, 2, 3 }, "x")).Message);
        Assert.Contains("<script>", Assert.Throws<ArgumentException>(() =>
            r.AddSvgFigure("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "x")).Message);
        Assert.Throws<ArgumentException>(() => r.AddSvgFigure("<svg onload=\"alert(1)\"/>", "x"));
        Assert.Throws<ArgumentException>(() => r.AddSvgFigure("<svg><g></svg>", "x"));
        Assert.Contains("has 1 cells", Assert.Throws<ArgumentException>(() => r.AddTable(["a", "b"], [["1"]])).Message);
    }
}
