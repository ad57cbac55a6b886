namespace XccaMap.Reporting;

/// <summary>The inline style sheet of <see cref="HtmlReport"/> (no '&lt;' or '&amp;', so it is safe in XHTML).</summary>
internal static class HtmlReportStyle
{
    public const string Css = """

        body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #222;
               max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
        h1 { font-size: 1.6em; border-bottom: 2px solid #0072b2; padding-bottom: .2em; }
        h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #ddd; padding-bottom: .1em; }
        h3 { font-size: 1.1em; margin-top: 1.3em; }
        table { border-collapse: collapse; margin: .8em 0; font-size: .95em; }
        th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: left; vertical-align: top; }
        thead th { background: #eef3f8; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.meta th { background: #f6f6f6; font-weight: 600; }
        caption { caption-side: bottom; text-align: left; font-size: .92em; color: #444; padding-top: .3em; }
        figure { margin: 1.2em 0; }
        figure img { max-width: 100%; height: auto; image-rendering: pixelated; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: .92em; color: #444; margin-top: .3em; max-width: 60em; }
        pre { background: #f6f8fa; padding: .6em; overflow: auto; }
        nav.toc { background: #f9f9f9; border: 1px solid #e3e3e3; padding: .3em 1em; display: inline-block; }
        @media print { body { max-width: none; } nav.toc { display: none; } }

        """;
}
