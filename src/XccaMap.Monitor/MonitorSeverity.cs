namespace XccaMap.Monitor;

/// <summary>How serious a monitor message is.</summary>
public enum MonitorSeverity
{
    /// <summary>Progress and choices.</summary>
    Info,

    /// <summary>Something the user should know about (a file not readable yet, a missing master); processing goes on.</summary>
    Warning,

    /// <summary>Something failed; what was computed is kept.</summary>
    Error,
}
