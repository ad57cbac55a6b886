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

/// <summary>One message of the monitor, for the terminal and the dashboard.</summary>
/// <param name="Time">When it was said (UTC).</param>
/// <param name="Severity">How serious.</param>
/// <param name="Text">The message, naming the file, dataset or frame it concerns.</param>
public sealed record MonitorMessage(DateTimeOffset Time, MonitorSeverity Severity, string Text);
