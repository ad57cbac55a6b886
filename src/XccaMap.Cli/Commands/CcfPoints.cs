using System.Globalization;
using XccaMap.Diffraction.Processing;

namespace XccaMap.Cli.Commands;

/// <summary>
/// The <c>--points FILE</c> of <c>xccamap ccf compute</c>: one point per line, "#" starts a comment, fields separated
/// by spaces, tabs or commas. With a raster (<c>--scan</c> or <c>--raster</c>): <c>ROW COL [DOMAIN]</c> (0-based raster
/// point); without: <c>FRAME [DOMAIN]</c> (0-based frame index). DOMAIN (default 0) groups points into separately
/// averaged CCFs.
/// </summary>
internal static class CcfPoints
{
    /// <summary>(frame, domain) pairs of the file.</summary>
    public static List<(long Frame, int Domain)> Read(string path, Raster? raster)
    {
        var frameOfPoint = new Dictionary<(int, int), long>();
        if (raster is not null)
        {
            for (int f = 0; f < raster.Points; f++)
            {
                frameOfPoint[raster.PointOfFrame(f)] = f;
            }
        }

        var result = new List<(long, int)>();
        int lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Split('#')[0];
            var fields = line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }

            var numbers = fields.Select(f => int.TryParse(f, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : (int?)null).ToArray();
            int need = raster is null ? 1 : 2;
            if (numbers.Any(v => v is null) || fields.Length < need || fields.Length > need + 1 || numbers.Take(need).Any(v => v < 0))
            {
                throw new UsageException($"{path}:{lineNo}: expected {(raster is null ? "FRAME [DOMAIN]" : "ROW COL [DOMAIN]")} (0-based integers), got '{raw.Trim()}'");
            }

            int domain = fields.Length > need ? numbers[need]!.Value : 0;
            if (raster is null)
            {
                result.Add((numbers[0]!.Value, domain));
            }
            else if (frameOfPoint.TryGetValue((numbers[0]!.Value, numbers[1]!.Value), out long frame))
            {
                result.Add((frame, domain));
            }
            else
            {
                throw new UsageException($"{path}:{lineNo}: point ({numbers[0]}, {numbers[1]}) is outside the {raster.Rows} × {raster.Cols} raster");
            }
        }

        if (result.Count == 0)
        {
            throw new UsageException($"{path}: no points");
        }

        return result;
    }
}
