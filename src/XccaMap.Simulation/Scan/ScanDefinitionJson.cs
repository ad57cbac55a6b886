using System.Text.Json;
using System.Text.Json.Serialization;

namespace XccaMap.Simulation.Scan;

/// <summary>
/// Reads and writes scan definitions: snake_case keys (the property names), enums as kebab-case strings
/// ("row-major", "snake"), comments and trailing commas allowed, and unknown keys rejected — a typo in a key
/// must not silently fall back to a default.
/// </summary>
public static class ScanDefinitionJson
{
    /// <summary>The serializer options used for scan files.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Reads a scan file; the error names the file and, when known, the line and the key.</summary>
    public static ScanDefinition Read(string path)
    {
        string text = File.ReadAllText(path);
        try
        {
            return Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses scan JSON text.</summary>
    public static ScanDefinition Parse(string json) =>
        JsonSerializer.Deserialize<ScanDefinition>(json, Options) ?? throw new JsonException("the scan file is empty (null)");

    /// <summary>Serialises a definition (all values, defaults included).</summary>
    public static string Serialize(ScanDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
