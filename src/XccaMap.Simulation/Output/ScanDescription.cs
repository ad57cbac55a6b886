using System.Text.Json;
using System.Text.Json.Serialization;
using XccaMap.Hdf5;
using XccaMap.Simulation.Scan;

namespace XccaMap.Simulation.Output;

/// <summary>
/// The scan description NAME_scan.json: what the Eiger files do not know (design.md §2) — raster shape, step,
/// order — and where the scan's other files are. Processing reads it to place frame f at its raster point:
/// row = f / cols, col = f % cols, and for "snake" odd rows run backwards (col = cols − 1 − f % cols).
/// </summary>
public sealed record ScanDescription
{
    /// <summary>Format tag.</summary>
    public string Format { get; init; } = "xccamap-scan/1";

    /// <summary>Scan name.</summary>
    public required string Name { get; init; }

    /// <summary>Raster rows (slow axis).</summary>
    public required int Rows { get; init; }

    /// <summary>Raster columns (fast axis).</summary>
    public required int Cols { get; init; }

    /// <summary>Step between points, µm.</summary>
    public required double StepUm { get; init; }

    /// <summary>"row-major" or "snake".</summary>
    public required ScanOrder Order { get; init; }

    /// <summary>Frames of the complete raster (rows × cols); the files may hold fewer if the scan stopped early.</summary>
    public required int Frames { get; init; }

    /// <summary>Exposure per frame, seconds.</summary>
    public double CountTimeS { get; init; }

    /// <summary>Master file (relative to this file).</summary>
    public required string MasterFile { get; init; }

    /// <summary>PONI geometry file, relative.</summary>
    public string? PoniFile { get; init; }

    /// <summary>Beamstop mask (.npy, 1 = blocked), relative.</summary>
    public string? BeamstopFile { get; init; }

    /// <summary>Truth files (simulated scans only), relative.</summary>
    public string? TruthFile { get; init; }

    /// <summary>Truth JSON, relative.</summary>
    public string? TruthJsonFile { get; init; }

    /// <summary>How the frame order maps onto the raster, in words.</summary>
    public string FrameOrder { get; init; } = "frame f (0-based) -> row = f / cols, col = f % cols; snake: odd rows reversed (col = cols - 1 - f % cols). x_um = col * step_um along +column of the detector, y_um = row * step_um along +row";

    /// <summary>The raster as a layout.</summary>
    [JsonIgnore]
    public RasterLayout Layout => new(Rows, Cols, StepUm, Order);

    /// <summary>JSON options (snake_case keys, kebab-case enum values).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // plain "->" and "+" in the text
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Writes the description atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions));

    /// <summary>Reads a description.</summary>
    public static ScanDescription Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ScanDescription>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path}: empty scan description");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
