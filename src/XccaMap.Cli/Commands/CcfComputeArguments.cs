using XccaMap.Diffraction.Remap;

namespace XccaMap.Cli.Commands;

/// <summary>The parsed command line of <c>xccamap ccf compute</c>.</summary>
internal sealed record CcfComputeArguments(
    string Master,
    string? Poni,
    string[] Masks,
    string Q1,
    string Q2,
    string? Frames,
    string? Points,
    string? ScanFile,
    string? Raster,
    bool Snake,
    double Step,
    RemapOptions Remap,
    string? Peak,
    bool PerFrame,
    string Out);
