namespace XccaMap.Diffraction.Boundary;

/// <summary>Parsing of compact fcc labels ("200", "311", "-111") as written by <c>xccamap process</c>.</summary>
public static class Millers
{
    /// <summary>True for a label of an fcc reflection (h, k, l all even or all odd, not 000).</summary>
    public static bool IsFccLabel(string? hkl) =>
        TryParse(hkl, out var h, out var k, out var l) && (h & 1) == (k & 1) && (k & 1) == (l & 1) && (h | k | l) != 0;

    /// <summary>h² + k² + l² of a compact label, or 0 when it is not three single-digit indices.</summary>
    public static int SumOfSquares(string? hkl) => TryParse(hkl, out var h, out var k, out var l) ? (h * h) + (k * k) + (l * l) : 0;

    /// <summary>Parses "200", "-111" or "2,0,0" / "2 0 0" (for indices above 9); of "511/333" (one ring, two reflections of the same h² + k² + l²) the first.</summary>
    public static bool TryParse(string? text, out int h, out int k, out int l)
    {
        h = k = l = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            text = text[..slash];
        }

        var parts = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 3)
        {
            return int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out h)
                && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out k)
                && int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out l);
        }

        var values = new List<int>(3);
        int sign = 1;
        foreach (char ch in text.Trim())
        {
            if (ch == '-')
            {
                sign = -1;
            }
            else if (ch is >= '0' and <= '9')
            {
                values.Add(sign * (ch - '0'));
                sign = 1;
            }
            else
            {
                return false;
            }
        }

        if (values.Count != 3)
        {
            return false;
        }

        (h, k, l) = (values[0], values[1], values[2]);
        return true;
    }
}
