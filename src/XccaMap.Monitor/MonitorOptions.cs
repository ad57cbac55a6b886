using XccaMap.Diffraction.Processing;

namespace XccaMap.Monitor;

/// <summary>What <c>xccamap monitor</c> follows and how (the command line, resolved).</summary>
public sealed record MonitorOptions
{
    /// <summary>The scan's Eiger <c>*_master.h5</c>, or the folder it will appear in (waited for).</summary>
    public required string Source { get; init; }

    /// <summary>A scan description (NAME_scan.json); waited for when it does not exist yet. Either this or <see cref="Raster"/>.</summary>
    public string? ScanDescriptionPath { get; init; }

    /// <summary>The raster, when no scan description is given.</summary>
    public Raster? Raster { get; init; }

    /// <summary>PONI geometry; when null, the scan description's <c>poni_file</c>.</summary>
    public string? PoniPath { get; init; }

    /// <summary>Extra masks (.npy, non-zero = excluded); when empty, the scan description's beamstop file.</summary>
    public IReadOnlyList<string> MaskFiles { get; init; } = [];

    /// <summary>Processing settings (the same as <c>xccamap process --config</c>).</summary>
    public ProcessingConfig Config { get; init; } = new();

    /// <summary>Output folder: checkpoint, provisional maps, and the final results.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The scan is over when no new frame has arrived for this long (the master announces more frames than came).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the folder is looked at for new files and new frames.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Frames (the first ones) the live setup (mask, rings, bands; checkpointed) is learnt from. Until they are all in,
    /// frames are shown with a quick setup from the first frame(s), and extracted again once the setup is ready.
    /// </summary>
    public int SetupFrames { get; init; } = 32;

    /// <summary>A checkpoint is written after this many newly processed frames…</summary>
    public int CheckpointFrames { get; init; } = 100;

    /// <summary>…or this long after the previous one, whichever comes first.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>At the end, run <c>process</c>'s pipeline on the finished scan and write its results (results.h5, summary.json).</summary>
    public bool RunFinal { get; init; } = true;

    /// <summary>The longest wait between two attempts at reading a data file that is not readable yet.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);
}
