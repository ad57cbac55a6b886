using System.Globalization;

namespace XccaMap.Cli;

/// <summary>Parses frame selections such as "0-99,120,200-" (0-based, inclusive; open end = to the last frame).</summary>
internal static class FrameSelection
{
    public static IReadOnlyList<long> Parse(string? text, IReadOnlyList<long> present)
    {
        if (string.IsNullOrWhiteSpace(text) || text == "all")
        {
            return present;
        }

        var available = present.ToHashSet();
        long last = present.Count == 0 ? -1 : present[^1];
        var chosen = new SortedSet<long>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ab = part.Split('-', 2);
            if (!long.TryParse(ab[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a))
            {
                throw new UsageException($"--frames '{text}': expected a list like 0-99,120,200- (0-based, inclusive)");
            }

            long b = a;
            if (ab.Length == 2)
            {
                b = ab[1].Length == 0 ? last : long.TryParse(ab[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : throw new UsageException($"--frames '{text}': expected a list like 0-99,120,200- (0-based, inclusive)");
            }

            for (long i = a; i <= b; i++)
            {
                if (available.Contains(i))
                {
                    chosen.Add(i);
                }
            }
        }

        if (chosen.Count == 0)
        {
            throw new UsageException($"--frames '{text}' selects no readable frame (readable: {present.Count} frames)");
        }

        return chosen.ToList();
    }
}
