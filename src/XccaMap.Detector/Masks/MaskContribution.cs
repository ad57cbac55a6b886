namespace XccaMap.Detector.Masks;

/// <summary>What one source added to a mask being built.</summary>
/// <param name="Source">File path or description of the source.</param>
/// <param name="Excluded">Pixels the source excludes on its own.</param>
/// <param name="NewlyExcluded">Pixels it excluded that no earlier source had.</param>
public readonly record struct MaskContribution(string Source, int Excluded, int NewlyExcluded);
