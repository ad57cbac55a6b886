namespace XccaMap.Simulation;

/// <summary>What a simulation wrote.</summary>
public sealed record SimulationResult
{
    /// <summary>Master file.</summary>
    public required string MasterPath { get; init; }

    /// <summary>Data files, in order.</summary>
    public required IReadOnlyList<string> DataFiles { get; init; }

    /// <summary>Scan description (NAME_scan.json).</summary>
    public required string ScanDescriptionPath { get; init; }

    /// <summary>PONI file.</summary>
    public required string PoniPath { get; init; }

    /// <summary>Beamstop mask (.npy).</summary>
    public required string BeamstopPath { get; init; }

    /// <summary>Truth HDF5.</summary>
    public required string TruthPath { get; init; }

    /// <summary>Truth JSON.</summary>
    public required string TruthJsonPath { get; init; }

    /// <summary>Frames written.</summary>
    public required long Frames { get; init; }

    /// <summary>Time for setup (models, truth).</summary>
    public required TimeSpan SetupTime { get; init; }

    /// <summary>Time for the frames.</summary>
    public required TimeSpan FrameTime { get; init; }

    /// <summary>Rendering time summed over the rendering threads.</summary>
    public TimeSpan RenderTime { get; init; }

    /// <summary>Time the writer spent in <c>NxmxWriter.WriteFrame</c> (compression and I/O).</summary>
    public TimeSpan WriteTime { get; init; }

    /// <summary>Bytes of master + data files.</summary>
    public required long ScanBytes { get; init; }

    /// <summary>Frames per second of the frame stage.</summary>
    public double FramesPerSecond => FrameTime.TotalSeconds > 0 ? Frames / FrameTime.TotalSeconds : 0;
}
