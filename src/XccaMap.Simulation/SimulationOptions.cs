namespace XccaMap.Simulation;

/// <summary>How to run a simulation (the scan file says what to simulate).</summary>
public sealed record SimulationOptions
{
    /// <summary>Output folder.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Frames per data file (the DECTRIS writer's nimages_per_file).</summary>
    public int FramesPerFile { get; init; } = 100;

    /// <summary>Rendering threads; the writer runs on the calling thread. Default: all cores.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Stop after this many frames (a scan that ended early: the master still announces the full raster).</summary>
    public int? StopAfterFrames { get; init; }

    /// <summary>Write the noise-free class patterns into the truth HDF5 (≈ 5–10 MB each).</summary>
    public bool TruthPatterns { get; init; } = true;

    /// <summary>
    /// Realtime mode (<c>--realtime</c>, issue 10: feeds <c>xccamap monitor</c>): when set, the writer waits for each
    /// frame's due time, so data files appear at the detector's pace. Null (default): as fast as possible.
    /// </summary>
    public Output.RealtimePacer? Pacer { get; init; }
}
