using System.Text.Encodings.Web;
using System.Text.Json;

namespace XccaMap.Cli;

/// <summary>Shared JSON settings: indented, readable Unicode (Å, φ), nulls kept.</summary>
internal static class JsonOptions
{
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
