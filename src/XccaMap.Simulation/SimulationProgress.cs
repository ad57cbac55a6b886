namespace XccaMap.Simulation;

/// <summary>Progress of a running simulation.</summary>
/// <param name="Stage">What is being done ("setup", "truth", "frames", "done").</param>
/// <param name="FramesWritten">Frames written so far.</param>
/// <param name="FramesTotal">Frames to write.</param>
/// <param name="Elapsed">Time since the frames started.</param>
public readonly record struct SimulationProgress(string Stage, long FramesWritten, long FramesTotal, TimeSpan Elapsed)
{
    /// <summary>Frames per second so far.</summary>
    public double FramesPerSecond => Elapsed.TotalSeconds > 0 ? FramesWritten / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time to the end, or null before the first frame.</summary>
    public TimeSpan? Remaining => FramesWritten > 0 && FramesPerSecond > 0
        ? TimeSpan.FromSeconds((FramesTotal - FramesWritten) / FramesPerSecond)
        : null;
}
