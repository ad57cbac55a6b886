using System.Globalization;
using System.Text;
using System.Text.Json;

namespace XccaMap.Detector.Geometry;

/// <summary>
/// Reads and writes pyFAI PONI files. Version 2 (pyFAI ≥ 0.17) carries the detector as a class name plus a
/// JSON <c>Detector_config</c> line (<c>pixel1</c>, <c>pixel2</c> in metres, <c>max_shape</c> [rows, cols]);
/// version 1 has <c>PixelSize1</c>/<c>PixelSize2</c> lines. Keys are case-insensitive, <c>#</c> starts a comment,
/// values are in SI units (metres, radians) as pyFAI writes them.
/// </summary>
public static class PoniFile
{
    /// <summary>Reads a PONI file.</summary>
    /// <exception cref="PoniFormatException">The file is malformed or lacks distance, PONI, wavelength or pixel size.</exception>
    public static PoniGeometry Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"PONI file '{path}': cannot read: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses PONI text; <paramref name="sourceName"/> appears in error messages.</summary>
    public static PoniGeometry Parse(string text, string sourceName = "<text>")
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue; // pyFAI ignores lines without a key, so do we.
            }

            values[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        int version = values.TryGetValue("poni_version", out var v) ? ParseInt(v, "poni_version", sourceName) : 1;
        var detector = version switch
        {
            1 => ReadDetectorV1(values, sourceName),
            2 => ReadDetectorV2(values, sourceName),
            _ => throw new PoniFormatException(sourceName, $"poni_version {version} is not supported (expected 1 or 2)"),
        };

        double distance = values.ContainsKey("distance") ? Required(values, "distance", sourceName) : Required(values, "dist", sourceName);
        try
        {
            return new PoniGeometry(
                distance,
                Required(values, "poni1", sourceName),
                Required(values, "poni2", sourceName),
                Optional(values, "rot1", sourceName),
                Optional(values, "rot2", sourceName),
                Optional(values, "rot3", sourceName),
                Required(values, "wavelength", sourceName),
                detector);
        }
        catch (ArgumentException e)
        {
            throw new PoniFormatException(sourceName, e.Message, e);
        }
    }

    /// <summary>
    /// Writes <paramref name="geometry"/> as a version-2 PONI file, atomically: the text goes to a temporary file
    /// in the same folder, which is then moved over <paramref name="path"/>, so readers never see a partial file.
    /// </summary>
    public static void Write(string path, PoniGeometry geometry)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(tmp, Format(geometry), new UTF8Encoding(false));
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(tmp);
            }
            catch (IOException)
            {
                // Best effort: the hidden temporary file is harmless.
            }

            throw;
        }
    }

    /// <summary>The version-2 PONI text for <paramref name="geometry"/>.</summary>
    public static string Format(PoniGeometry geometry)
    {
        var d = geometry.Detector;
        var sb = new StringBuilder();
        sb.Append("# Nota: C-Order, 1 refers to the Y axis, 2 to the X axis \n");
        sb.Append("# Written by XccaMap at ").Append(DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("poni_version: 2\n");
        var known = DetectorSpec.FromKnownName(d.Name);
        if (known is not null && known.PixelSize1 == d.PixelSize1 && known.PixelSize2 == d.PixelSize2 && known.Shape == d.Shape)
        {
            sb.Append("Detector: ").Append(known.Name).Append('\n');
            sb.Append("Detector_config: {}\n");
        }
        else
        {
            sb.Append("Detector: Detector\n");
            sb.Append("Detector_config: {\"pixel1\": ").Append(Num(d.PixelSize1)).Append(", \"pixel2\": ").Append(Num(d.PixelSize2));
            if (d.Shape is { } s)
            {
                sb.Append(", \"max_shape\": [").Append(s.Rows.ToString(CultureInfo.InvariantCulture)).Append(", ")
                  .Append(s.Cols.ToString(CultureInfo.InvariantCulture)).Append(']');
            }

            sb.Append("}\n");
        }

        sb.Append("Distance: ").Append(Num(geometry.Distance)).Append('\n');
        sb.Append("Poni1: ").Append(Num(geometry.Poni1)).Append('\n');
        sb.Append("Poni2: ").Append(Num(geometry.Poni2)).Append('\n');
        sb.Append("Rot1: ").Append(Num(geometry.Rot1)).Append('\n');
        sb.Append("Rot2: ").Append(Num(geometry.Rot2)).Append('\n');
        sb.Append("Rot3: ").Append(Num(geometry.Rot3)).Append('\n');
        sb.Append("Wavelength: ").Append(Num(geometry.Wavelength)).Append('\n');
        return sb.ToString();
    }

    // Shortest round-trip text, with a lower-case exponent like Python's repr (7.5e-05).
    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant();

    private static DetectorSpec ReadDetectorV1(Dictionary<string, string> values, string source)
    {
        var named = values.TryGetValue("detector", out var name) ? DetectorSpec.FromKnownName(name) : null;
        bool has1 = values.ContainsKey("pixelsize1");
        bool has2 = values.ContainsKey("pixelsize2");
        if (named is not null && !has1 && !has2)
        {
            return named;
        }

        if (!has1 || !has2)
        {
            throw new PoniFormatException(source, "version-1 PONI needs PixelSize1 and PixelSize2 (metres) or a known detector name");
        }

        return new DetectorSpec(named?.Name ?? "Detector", Required(values, "pixelsize1", source), Required(values, "pixelsize2", source), named?.Shape);
    }

    private static DetectorSpec ReadDetectorV2(Dictionary<string, string> values, string source)
    {
        if (!values.TryGetValue("detector", out var name) || name.Length == 0)
        {
            throw new PoniFormatException(source, "version-2 PONI has no 'Detector' line");
        }

        var named = DetectorSpec.FromKnownName(name);
        double? p1 = null, p2 = null;
        DetectorShape? shape = named?.Shape;
        if (values.TryGetValue("detector_config", out var json) && json.Length > 0)
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new PoniFormatException(source, $"Detector_config is not a JSON object: {json}");
                }

                if (root.TryGetProperty("pixel1", out var e1) && e1.ValueKind == JsonValueKind.Number)
                {
                    p1 = e1.GetDouble();
                }

                if (root.TryGetProperty("pixel2", out var e2) && e2.ValueKind == JsonValueKind.Number)
                {
                    p2 = e2.GetDouble();
                }

                if (root.TryGetProperty("max_shape", out var ms) && ms.ValueKind == JsonValueKind.Array && ms.GetArrayLength() == 2)
                {
                    shape = new DetectorShape(ms[0].GetInt32(), ms[1].GetInt32()).Validated();
                }
            }
            catch (JsonException e)
            {
                throw new PoniFormatException(source, $"Detector_config is not valid JSON: {json}", e);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentOutOfRangeException)
            {
                throw new PoniFormatException(source, $"Detector_config has a bad value: {json}", e);
            }
        }

        double pixel1 = p1 ?? named?.PixelSize1 ?? throw new PoniFormatException(source, $"detector '{name}' is unknown and Detector_config has no pixel1/pixel2");
        double pixel2 = p2 ?? named?.PixelSize2 ?? throw new PoniFormatException(source, $"detector '{name}' is unknown and Detector_config has no pixel1/pixel2");
        return new DetectorSpec(named?.Name ?? name, pixel1, pixel2, shape);
    }

    private static double Required(Dictionary<string, string> values, string key, string source)
    {
        if (!values.TryGetValue(key, out var text))
        {
            throw new PoniFormatException(source, $"missing '{key}'");
        }

        return ParseDouble(text, key, source);
    }

    private static double Optional(Dictionary<string, string> values, string key, string source) =>
        values.TryGetValue(key, out var text) ? ParseDouble(text, key, source) : 0.0;

    private static double ParseDouble(string text, string key, string source) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            ? x
            : throw new PoniFormatException(source, $"'{key}' is not a number: '{text}'");

    private static int ParseInt(string text, string key, string source) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x)
            ? x
            : throw new PoniFormatException(source, $"'{key}' is not an integer: '{text}'");
}
