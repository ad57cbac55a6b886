namespace XccaMap.Monitor;

/// <summary>Why monitoring ended.</summary>
public enum MonitorEnd
{
    /// <summary>Every frame of the raster (or every frame announced) was processed or given up.</summary>
    Completed,

    /// <summary>No new frame for the idle timeout (a scan that stopped early, or files that never came).</summary>
    Idle,

    /// <summary>Stopped by the user (Ctrl+C) or the caller; restart to resume.</summary>
    Stopped,

    /// <summary>The master (or scan description, or geometry) never appeared.</summary>
    NoScan,
}
