using XccaMap.Diffraction.Features;

namespace XccaMap.Diffraction.Processing;

/// <summary>The per-frame features of the whole scan, indexed by frame (0 … raster points − 1).</summary>
/// <param name="Saxs">SAXS band features, or null without SL rings.</param>
/// <param name="Waxs">WAXS band features, or null without AL rings.</param>
/// <param name="HasData">Per frame: read and analysed.</param>
/// <param name="Processed">Frames analysed.</param>
internal sealed record FeatureData(BandFeatures? Saxs, BandFeatures? Waxs, bool[] HasData, long Processed);
