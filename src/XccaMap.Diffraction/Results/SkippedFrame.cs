namespace XccaMap.Diffraction.Results;

/// <summary>A frame that could not be used, and why.</summary>
/// <param name="Frame">Global frame index (0-based).</param>
/// <param name="Reason">What went wrong (names the file and dataset when known).</param>
public sealed record SkippedFrame(long Frame, string Reason);
