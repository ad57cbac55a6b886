namespace XccaMap.Diffraction.Results;

/// <summary>Wall time of one processing stage.</summary>
/// <param name="Stage">Stage name.</param>
/// <param name="Seconds">Wall time, s.</param>
/// <param name="Frames">Frames read in the stage (0 if none).</param>
public sealed record StageTiming(string Stage, double Seconds, long Frames)
{
    /// <summary>Frames per second (0 without frames).</summary>
    public double FramesPerSecond => Frames > 0 && Seconds > 0 ? Frames / Seconds : 0;
}
