using System.Globalization;
using System.Text;

namespace XccaMap.Reporting;

/// <summary>
/// Builds one self-contained HTML page (inline CSS, images as base64 data URIs, SVG inline,
/// no scripts, no external resources) from a title, a metadata table and a sequence of
/// sections, paragraphs, tables and numbered figures. All text is escaped. The output is
/// also well-formed XML (XHTML syntax), so it can be checked with an XML parser.
/// Pure: <see cref="ToHtml"/> returns the page; the caller writes it.
/// </summary>
public sealed class HtmlReport
{
    private readonly List<(string Key, string Value)> _metadata = [];
    private readonly List<Block> _blocks = [];
    private int _figures;
    private int _tables;
    private int _sections;

    /// <summary>Starts a report.</summary>
    /// <param name="title">Page title and top heading.</param>
    public HtmlReport(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        Title = title;
    }

    /// <summary>Page title.</summary>
    public string Title { get; }

    private enum Kind { Content, Section }

    private sealed record Block(Kind Kind, string Html, string Id = "", string Heading = "");

    /// <summary>Adds a key/value row to the metadata table under the title (e.g. "Scan", "Energy (keV)").</summary>
    public HtmlReport AddMetadata(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        _metadata.Add((key, value ?? string.Empty));
        return this;
    }

    /// <summary>Starts a new top-level section (h2); following content belongs to it.</summary>
    public HtmlReport AddSection(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        string id = "sec-" + (++_sections).ToString(CultureInfo.InvariantCulture);
        _blocks.Add(new Block(Kind.Section, string.Empty, id, heading));
        return this;
    }

    /// <summary>Adds a subheading (h3) inside the current section.</summary>
    public HtmlReport AddSubsection(string heading) => Content($"<h3>{Markup.Escape(heading)}</h3>");

    /// <summary>Adds a paragraph of plain text (escaped; line breaks kept).</summary>
    public HtmlReport AddParagraph(string text) =>
        Content($"<p>{Markup.Escape(text).ReplaceLineEndings("<br/>")}</p>");

    /// <summary>Adds preformatted text (logs, parameter dumps) in a monospaced block.</summary>
    public HtmlReport AddPreformatted(string text) => Content($"<pre>{Markup.Escape(text)}</pre>");

    /// <summary>Adds a numbered table. Cells that parse as numbers are right-aligned.</summary>
    /// <param name="header">Column headings, with units, e.g. "a (Å)".</param>
    /// <param name="rows">Rows, each with as many cells as <paramref name="header"/>.</param>
    /// <param name="caption">Caption shown as "Table n. caption"; null = none.</param>
    /// <exception cref="ArgumentException">A row has the wrong number of cells.</exception>
    public HtmlReport AddTable(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder("<table class=\"data\">");
        int n = ++_tables;
        if (caption is not null)
        {
            sb.Append("<caption><b>Table ").Append(n).Append(".</b> ").Append(Markup.Escape(caption)).Append("</caption>");
        }

        sb.Append("<thead><tr>");
        foreach (string h in header)
        {
            sb.Append("<th>").Append(Markup.Escape(h)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>\n");
        int r = 0;
        foreach (var row in rows)
        {
            if (row is null || row.Count != header.Count)
            {
                _tables--;
                throw new ArgumentException($"Table {n} row {r} has {row?.Count ?? 0} cells; the header has {header.Count}.", nameof(rows));
            }

            sb.Append("<tr>");
            foreach (string cell in row)
            {
                bool numeric = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                sb.Append(numeric ? "<td class=\"num\">" : "<td>").Append(Markup.Escape(cell)).Append("</td>");
            }

            sb.Append("</tr>\n");
            r++;
        }

        sb.Append("</tbody></table>");
        return Content(sb.ToString());
    }

    /// <summary>Adds a numbered figure from PNG bytes, embedded as a data URI.</summary>
    /// <param name="png">A complete PNG file (e.g. from <see cref="RasterImage.ToPng"/>).</param>
    /// <param name="caption">Caption shown as "Figure n. caption".</param>
    /// <param name="alt">Alternative text; null = the caption.</param>
    /// <exception cref="ArgumentException">The bytes do not start with the PNG signature.</exception>
    public HtmlReport AddPngFigure(ReadOnlySpan<byte> png, string caption, string? alt = null)
    {
        if (!png.StartsWith(PngEncoder.Signature))
        {
            throw new ArgumentException($"Figure '{caption}': the {png.Length} bytes are not a PNG file (signature missing).", nameof(png));
        }

        string img = $"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"{Markup.Escape(alt ?? caption)}\"/>";
        return Figure(img, caption);
    }

    /// <summary>Adds a numbered figure from an SVG document (e.g. <see cref="SvgPlot.ToSvg"/>), inlined.</summary>
    /// <param name="svg">A well-formed SVG document; scripts and event handlers are refused.</param>
    /// <param name="caption">Caption shown as "Figure n. caption".</param>
    /// <exception cref="ArgumentException">Not well-formed, not SVG, or contains scripting.</exception>
    public HtmlReport AddSvgFigure(string svg, string caption) => Figure(SvgSanitizer.Inline(svg, caption), caption);

    /// <summary>The complete page.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>").Append(Markup.Escape(Title)).Append("</title>\n<style>")
          .Append(HtmlReportStyle.Css).Append("</style>\n</head>\n<body>\n<h1>").Append(Markup.Escape(Title)).Append("</h1>\n");
        if (_metadata.Count > 0)
        {
            sb.Append("<table class=\"meta\"><tbody>\n");
            foreach (var (k, v) in _metadata)
            {
                sb.Append("<tr><th>").Append(Markup.Escape(k)).Append("</th><td>").Append(Markup.Escape(v)).Append("</td></tr>\n");
            }

            sb.Append("</tbody></table>\n");
        }

        var sections = _blocks.Where(b => b.Kind == Kind.Section).ToList();
        if (sections.Count >= 2)
        {
            sb.Append("<nav class=\"toc\"><ol>");
            foreach (var s in sections)
            {
                sb.Append("<li><a href=\"#").Append(s.Id).Append("\">").Append(Markup.Escape(s.Heading)).Append("</a></li>");
            }

            sb.Append("</ol></nav>\n");
        }

        bool open = false;
        foreach (var b in _blocks)
        {
            if (b.Kind == Kind.Section)
            {
                if (open)
                {
                    sb.Append("</section>\n");
                }

                sb.Append("<section id=\"").Append(b.Id).Append("\">\n<h2>").Append(Markup.Escape(b.Heading)).Append("</h2>\n");
                open = true;
            }
            else
            {
                sb.Append(b.Html).Append('\n');
            }
        }

        if (open)
        {
            sb.Append("</section>\n");
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private HtmlReport Figure(string body, string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        int n = ++_figures;
        return Content($"<figure>{body}<figcaption><b>Figure {n}.</b> {Markup.Escape(caption)}</figcaption></figure>");
    }

    private HtmlReport Content(string html)
    {
        _blocks.Add(new Block(Kind.Content, html));
        return this;
    }
}
