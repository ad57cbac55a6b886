using System.Text.Json;

namespace XccaMap.Diffraction.Processing;

/// <summary>
/// A scan description (NAME_scan.json as the simulator writes it, or any JSON with the raster): the raster, and the
/// PONI and beamstop files it names ("poni_file", "beamstop_file", relative to the description), if any.
/// </summary>
/// <param name="Raster">The raster.</param>
/// <param name="PoniPath">Absolute path of the PONI file it names, or null.</param>
/// <param name="BeamstopPath">Absolute path of the beamstop mask it names, or null.</param>
public sealed record ScanFile(Raster Raster, string? PoniPath, string? BeamstopPath)
{
    /// <summary>Reads a scan description.</summary>
    /// <exception cref="InvalidDataException">No raster shape, or malformed JSON (the message names the file).</exception>
    public static ScanFile Read(string path)
    {
        var raster = Raster.ReadScanFile(path);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return new ScanFile(raster, Relative(doc.RootElement, "poni_file", dir), Relative(doc.RootElement, "beamstop_file", dir));
    }

    private static string? Relative(JsonElement root, string key, string dir) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? Path.GetFullPath(Path.Combine(dir, s))
            : null;
}
