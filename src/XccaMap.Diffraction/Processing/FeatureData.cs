using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Xcca;

namespace XccaMap.Diffraction.Processing;

/// <summary>The per-frame features of the whole scan, indexed by frame (0 … raster points − 1).</summary>
/// <param name="Saxs">SAXS band features, or null without SL rings.</param>
/// <param name="Waxs">WAXS band features, or null without AL rings.</param>
/// <param name="HasData">Per frame: read and analysed.</param>
/// <param name="Processed">Frames analysed.</param>
internal sealed record FeatureData(BandFeatures? Saxs, BandFeatures? Waxs, bool[] HasData, long Processed)
{
    /// <summary>What the pass kept for the cross-correlations (SL ring profiles, 200_AL patches), or null when they are off or impossible.</summary>
    public ProcessXcca? Xcca { get; init; }

    /// <summary>Wall seconds spent preparing <see cref="Xcca"/> (its remap tables).</summary>
    public double XccaSetupSeconds { get; init; }

    /// <summary>Process CPU seconds spent preparing <see cref="Xcca"/>.</summary>
    public double XccaSetupCpuSeconds { get; init; }
}
