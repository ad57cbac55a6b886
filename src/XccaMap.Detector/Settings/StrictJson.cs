using System.Text.Json;
using System.Text.Json.Serialization;

namespace XccaMap.Detector.Settings;

/// <summary>
/// The JSON dialect of XccaMap's hand-written input files (scan definitions, processing configs): snake_case keys,
/// enums as strings, comments and trailing commas allowed, and unknown keys rejected — a typo in a key must not
/// silently fall back to a default.
/// </summary>
public static class StrictJson
{
    /// <summary>Serializer options of the dialect, with enums named by <paramref name="enumNaming"/>.</summary>
    public static JsonSerializerOptions CreateOptions(JsonNamingPolicy enumNaming) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(enumNaming, allowIntegerValues: false) },
    };

    /// <summary>Reads a file with <paramref name="parse"/>; a JSON error names the file (and, from the parser, line and key).</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file is, for the message ("config", "scan file").</param>
    /// <param name="parse">Parses the text.</param>
    /// <exception cref="InvalidDataException">The JSON is malformed or has an unknown key.</exception>
    public static T Read<T>(string path, string what, Func<string, T> parse)
    {
        string text = File.ReadAllText(path);
        try
        {
            return parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{what} {path}: {e.Message}", e);
        }
    }
}
