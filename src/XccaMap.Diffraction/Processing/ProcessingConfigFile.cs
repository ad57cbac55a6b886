using System.Text.Json;
using System.Text.Json.Serialization;

namespace XccaMap.Diffraction.Processing;

/// <summary>
/// Reads and writes <see cref="ProcessingConfig"/> as JSON: snake_case keys, comments and trailing commas allowed,
/// unknown keys rejected (a typo must not fall back to a default silently).
/// </summary>
public static class ProcessingConfigFile
{
    /// <summary>The serializer options of config files.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Reads a config file.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or has an unknown key (the message names file, line and key).</exception>
    public static ProcessingConfig Read(string path)
    {
        var text = File.ReadAllText(path);
        try
        {
            return Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"config {path}: {e.Message}", e);
        }
    }

    /// <summary>Parses config JSON.</summary>
    public static ProcessingConfig Parse(string json) =>
        JsonSerializer.Deserialize<ProcessingConfig>(json, Options) ?? new ProcessingConfig();

    /// <summary>The config as JSON (all values, defaults included), e.g. to store beside the results.</summary>
    public static string Serialize(ProcessingConfig config) => JsonSerializer.Serialize(config, Options);
}
