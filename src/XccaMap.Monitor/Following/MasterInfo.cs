using XccaMap.Detector.Eiger;

namespace XccaMap.Monitor.Following;

/// <summary>What the monitor takes from a scan's master file once it has appeared.</summary>
public sealed record MasterInfo
{
    /// <summary>Full path of the master.</summary>
    public required string MasterPath { get; init; }

    /// <summary>Scan name: the master's file name without <c>_master.h5</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Metadata (SI units), as <c>process</c> reads it.</summary>
    public required EigerMetadata Metadata { get; init; }

    /// <summary>Frames announced (nimages × ntrigger), or null when the master does not say.</summary>
    public long? ExpectedFrames => Metadata.ExpectedFrames;

    /// <summary>Frames per data file (detectorSpecific/nimages_per_file), or null.</summary>
    public long? FramesPerFile { get; init; }

    /// <summary>The frames datasets, in scan order.</summary>
    public required IReadOnlyList<DataLink> Links { get; init; }

    /// <summary>The master holds the frames itself (a one-file scan, possibly written in SWMR mode).</summary>
    public bool SingleFile { get; init; }

    /// <summary>Detector rows, or 0 until known.</summary>
    public int Rows { get; init; }

    /// <summary>Detector columns, or 0 until known.</summary>
    public int Columns { get; init; }

    /// <summary>The DECTRIS pixel_mask (rows × columns; any set bit = do not use), or null.</summary>
    public uint[]? PixelMask { get; init; }
}
