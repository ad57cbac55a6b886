using System.Globalization;
using System.Text.Json;

namespace XccaMap.Diffraction.Processing;

/// <summary>
/// The raster of a scan (the Eiger files do not know it, design.md §2): <see cref="Rows"/> × <see cref="Cols"/>
/// points exposed in frame order row by row, odd rows reversed when <see cref="Snake"/>.
/// </summary>
/// <param name="Rows">Raster rows (slow motor).</param>
/// <param name="Cols">Raster columns (fast motor).</param>
/// <param name="Snake">Odd rows run backwards.</param>
/// <param name="StepUm">Step between points, µm, when known (NaN otherwise).</param>
public sealed record Raster(int Rows, int Cols, bool Snake, double StepUm = double.NaN)
{
    /// <summary>Points of the raster (frames of a complete scan).</summary>
    public int Points => Rows * Cols;

    /// <summary>The raster point of frame <paramref name="frame"/> (0-based).</summary>
    public (int Row, int Col) PointOfFrame(int frame)
    {
        int row = frame / Cols, col = frame % Cols;
        return (row, Snake && (row & 1) == 1 ? Cols - 1 - col : col);
    }

    /// <summary>Row-major map index (row × Cols + col) of frame <paramref name="frame"/>.</summary>
    public int MapIndexOfFrame(int frame)
    {
        var (r, c) = PointOfFrame(frame);
        return (r * Cols) + c;
    }

    /// <summary>Parses "RxC" (e.g. "121x121"), rows first.</summary>
    /// <exception cref="FormatException">Not two positive integers separated by x.</exception>
    public static Raster Parse(string text, bool snake)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.ToLowerInvariant().Split('x', '×');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int rows)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int cols)
            || rows < 1 || cols < 1)
        {
            throw new FormatException($"raster '{text}': expected ROWSxCOLS with positive integers, e.g. 121x121");
        }

        return new Raster(rows, cols, snake);
    }

    /// <summary>
    /// Reads a scan description (the simulator's NAME_scan.json or a scan definition): the raster's "rows" and
    /// "cols" (or "columns"), "order" ("row-major" or "snake") and "step_um", at the top level or in a "raster" object.
    /// </summary>
    /// <exception cref="InvalidDataException">The file has no raster shape or an unknown order (the message names the file).</exception>
    public static Raster ReadScanFile(string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"scan file {path}: {e.Message}", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var raster = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("raster", out var r) && r.ValueKind == JsonValueKind.Object ? r : root;
            int? rows = Int(raster, "rows") ?? Int(root, "rows");
            int? cols = Int(raster, "cols") ?? Int(raster, "columns") ?? Int(root, "cols") ?? Int(root, "columns");
            if (rows is not > 0 || cols is not > 0)
            {
                throw new InvalidDataException($"scan file {path}: no raster shape (expected positive \"rows\" and \"cols\", at the top level or in \"raster\")");
            }

            string order = (Str(raster, "order") ?? Str(root, "order") ?? "row-major").ToLowerInvariant().Replace('_', '-');
            bool snake = order switch
            {
                "snake" or "serpentine" or "boustrophedon" => true,
                "row-major" or "rowmajor" or "raster" => false,
                _ => throw new InvalidDataException($"scan file {path}: order '{order}' is not \"row-major\" or \"snake\""),
            };
            double step = Num(raster, "step_um") ?? Num(root, "step_um") ?? double.NaN;
            return new Raster(rows.Value, cols.Value, snake, step);
        }
    }

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) ? i : null;

    private static double? Num(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
