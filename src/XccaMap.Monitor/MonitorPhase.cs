namespace XccaMap.Monitor;

/// <summary>What the monitor is doing.</summary>
public enum MonitorPhase
{
    /// <summary>Waiting for the scan description, the geometry or the master to appear.</summary>
    Waiting,

    /// <summary>Waiting for the first frames and learning the provisional setup from them.</summary>
    SettingUp,

    /// <summary>Processing frames as their data files appear.</summary>
    Following,

    /// <summary>The scan ended; running <c>process</c>'s pipeline on it.</summary>
    Finalising,

    /// <summary>Finished (final results written, or the scan ended without them).</summary>
    Done,

    /// <summary>Stopped before the end (restart to resume from the checkpoint).</summary>
    Stopped,
}
