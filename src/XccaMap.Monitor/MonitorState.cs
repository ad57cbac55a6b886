using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Results;
using XccaMap.Monitor.Following;
using XccaMap.Monitor.Live;

namespace XccaMap.Monitor;

/// <summary>
/// What the monitor knows now, shared with the dashboard and the terminal (read from other threads): the phase, the
/// live features and provisional classes, the final result once there is one, counters and messages. Every change
/// bumps <see cref="Version"/>, which the dashboard's server-sent events announce.
/// </summary>
public sealed class MonitorState
{
    private long _version;
    private volatile ProvisionalClasses _classes = ProvisionalClasses.None;

    /// <summary>A state for a monitor writing its messages to <paramref name="log"/>.</summary>
    public MonitorState(MonitorLog log) => Log = log;

    /// <summary>Messages.</summary>
    public MonitorLog Log { get; }

    /// <summary>Changes with every update.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>What the monitor is doing.</summary>
    public MonitorPhase Phase { get; private set; }

    /// <summary>The scan's name (once the master is known).</summary>
    public string? ScanName { get; internal set; }

    /// <summary>The raster (once known).</summary>
    public Raster? Raster { get; internal set; }

    /// <summary>Frames expected in the raster: min(announced, raster points), or raster points when the master does not say.</summary>
    public int FramesExpected { get; internal set; }

    /// <summary>The live features (after setup).</summary>
    public LiveFeatures? Features { get; internal set; }

    /// <summary>The latest provisional classes.</summary>
    public ProvisionalClasses Classes => _classes;

    /// <summary>The final result (<c>process</c>'s pipeline on the finished scan), once there is one.</summary>
    public ScanResult? Final { get; internal set; }

    /// <summary>The data files of the scan (once the master is known).</summary>
    public IReadOnlyList<LinkState> Links { get; internal set; } = [];

    /// <summary>Where the frames are read from (for the latest-frame view), once following.</summary>
    public IFrameAccess? Frames { get; internal set; }

    /// <summary>When monitoring started (UTC).</summary>
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    /// <summary>Frames restored from the checkpoint at start.</summary>
    public int FramesRestored { get; internal set; }

    /// <summary>Frames processed since start (not counting restored ones).</summary>
    public int FramesProcessedNow { get; internal set; }

    /// <summary>When the first frame was processed in this run (UTC), or null.</summary>
    public DateTimeOffset? FirstProcessed { get; internal set; }

    /// <summary>Frames processed per second in this run, since the first one.</summary>
    public double FramesPerSecond => FirstProcessed is { } t && DateTimeOffset.UtcNow - t is { TotalSeconds: > 0.5 } dt ? FramesProcessedNow / dt.TotalSeconds : 0;

    /// <summary>Marks a change.</summary>
    public void Touch() => Interlocked.Increment(ref _version);

    /// <summary>Sets the phase.</summary>
    public void SetPhase(MonitorPhase phase)
    {
        Phase = phase;
        Touch();
    }

    /// <summary>Publishes new provisional classes.</summary>
    public void SetClasses(ProvisionalClasses classes)
    {
        _classes = classes;
        Touch();
    }
}
