using System.Text.Json;
using System.Text.Json.Serialization;
using XccaMap.Detector.Settings;

namespace XccaMap.Diffraction.Processing;

/// <summary>
/// Reads and writes <see cref="ProcessingConfig"/> as JSON in the <see cref="StrictJson"/> dialect (enums snake_case;
/// NaN and ±Infinity allowed as numbers).
/// </summary>
public static class ProcessingConfigFile
{
    /// <summary>The serializer options of config files.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads a config file.</summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or has an unknown key (the message names file, line and key).</exception>
    public static ProcessingConfig Read(string path) => StrictJson.Read(path, "config", Parse);

    /// <summary>Parses config JSON.</summary>
    public static ProcessingConfig Parse(string json) =>
        JsonSerializer.Deserialize<ProcessingConfig>(json, Options) ?? new ProcessingConfig();

    /// <summary>The config as JSON (all values, defaults included), e.g. to store beside the results.</summary>
    public static string Serialize(ProcessingConfig config) => JsonSerializer.Serialize(config, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = StrictJson.CreateOptions(JsonNamingPolicy.SnakeCaseLower);
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        return options;
    }
}
