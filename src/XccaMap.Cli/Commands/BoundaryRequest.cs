namespace XccaMap.Cli.Commands;

/// <summary>The parsed command line of <c>xccamap boundary</c>.</summary>
internal sealed record BoundaryRequest(
    string Results, string? From, string? To, bool Um, string Reflection, string Sampling, bool Rotation,
    string? Master, string? Poni, string[] Masks, double MaxTilt, string? Out);
