using XccaMap.Diffraction.Results;

namespace XccaMap.Monitor;

/// <summary>How a monitor run ended and what it left.</summary>
/// <param name="End">Why it ended.</param>
/// <param name="FramesDone">Frames processed (restored ones included).</param>
/// <param name="FramesSkipped">Frames given up (unreadable).</param>
/// <param name="FramesMissing">Frames of the raster never seen (files that never came, or a scan that stopped early).</param>
/// <param name="Final">The final result (<c>process</c>'s pipeline on the finished scan), or null.</param>
/// <param name="FinalProblem">Why there is no final result, or null.</param>
public sealed record MonitorOutcome(MonitorEnd End, int FramesDone, int FramesSkipped, int FramesMissing, ScanResult? Final, string? FinalProblem);
