using System.Globalization;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Cli.Commands;

/// <summary>Parsing of the small structured values of <c>simulate-pattern</c> and <c>ccf fit</c> (zone axes, ranges).</summary>
internal static class SimulatePatternParsing
{
    /// <summary>"u,v,w" (also "[u v w]" or "u v w") → a non-zero zone axis; <see cref="UsageException"/> otherwise.</summary>
    public static ZoneAxis Zone(string text, string option)
    {
        string[] parts = text.Trim().TrimStart('[').TrimEnd(']').Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            throw new UsageException($"{option} wants three integers u,v,w (e.g. 1,1,0 or 3,0,-1), got '{text}'");
        }

        int[] v = parts.Select(p => int.Parse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)).ToArray();
        var zone = new ZoneAxis(v[0], v[1], v[2]);
        if (zone.IsZero)
        {
            throw new UsageException($"{option}: [0 0 0] is not a direction");
        }

        return zone;
    }

    /// <summary>"A:B" → (A, B) in the option's unit.</summary>
    public static (double Start, double End) Range(string text, string option)
    {
        string[] parts = text.Split(':');
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double a)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double b))
        {
            throw new UsageException($"{option} wants START:END, got '{text}'");
        }

        return (a, b);
    }
}
