using System.Xml;
using System.Xml.Linq;

namespace XccaMap.Reporting;

/// <summary>
/// Checks an SVG document before it is inlined into a report: well-formed XML, root
/// &lt;svg&gt;, no &lt;script&gt; or &lt;foreignObject&gt;, no on* event attributes and no
/// javascript: links. Returns the element re-serialised without XML declaration or DOCTYPE.
/// </summary>
internal static class SvgSanitizer
{
    public static string Inline(string svg, string context)
    {
        ArgumentNullException.ThrowIfNull(svg);
        XElement root;
        try
        {
            root = XElement.Parse(svg.TrimStart('\uFEFF'), LoadOptions.None);
        }
        catch (XmlException ex)
        {
            throw new ArgumentException($"Figure '{context}': the SVG is not well-formed XML ({ex.Message}).", nameof(svg), ex);
        }

        if (root.Name.LocalName != "svg")
        {
            throw new ArgumentException($"Figure '{context}': root element is <{root.Name.LocalName}>, expected <svg>.", nameof(svg));
        }

        foreach (var e in root.DescendantsAndSelf())
        {
            if (e.Name.LocalName is "script" or "foreignObject")
            {
                throw new ArgumentException($"Figure '{context}': SVG element <{e.Name.LocalName}> is not allowed in a report.", nameof(svg));
            }

            foreach (var a in e.Attributes())
            {
                if (a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"Figure '{context}': SVG attribute '{a.Name.LocalName}' (scripting) is not allowed in a report.", nameof(svg));
                }
            }
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }
}
