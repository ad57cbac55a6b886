using XccaMap.Detector.Geometry;

namespace XccaMap.Diffraction.Processing;

/// <summary>What to process.</summary>
/// <param name="MasterPath">The scan's Eiger *_master.h5 (or a data file).</param>
/// <param name="Raster">Raster shape and order.</param>
/// <param name="Geometry">Detector geometry (PONI).</param>
public sealed record ProcessingRequest(string MasterPath, Raster Raster, PoniGeometry Geometry)
{
    /// <summary>Extra masks (.npy, non-zero = excluded): beamstop, user masks.</summary>
    public IReadOnlyList<string> MaskFiles { get; init; } = [];

    /// <summary>Settings.</summary>
    public ProcessingConfig Config { get; init; } = new();
}
