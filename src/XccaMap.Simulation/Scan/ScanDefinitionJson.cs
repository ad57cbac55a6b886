using System.Text.Json;
using System.Text.Json.Serialization;
using XccaMap.Detector.Settings;

namespace XccaMap.Simulation.Scan;

/// <summary>
/// Reads and writes scan definitions in the <see cref="StrictJson"/> dialect, enums as kebab-case strings
/// ("row-major", "snake"); nulls are left out when writing.
/// </summary>
public static class ScanDefinitionJson
{
    /// <summary>The serializer options used for scan files.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads a scan file; the error names the file and, when known, the line and the key.</summary>
    public static ScanDefinition Read(string path) => StrictJson.Read(path, "scan file", Parse);

    /// <summary>Parses scan JSON text.</summary>
    public static ScanDefinition Parse(string json) =>
        JsonSerializer.Deserialize<ScanDefinition>(json, Options) ?? throw new JsonException("the scan file is empty (null)");

    /// <summary>Serialises a definition (all values, defaults included).</summary>
    public static string Serialize(ScanDefinition definition) => JsonSerializer.Serialize(definition, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = StrictJson.CreateOptions(JsonNamingPolicy.KebabCaseLower);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}
