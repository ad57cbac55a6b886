namespace XccaMap.Monitor;

/// <summary>One message of the monitor, for the terminal and the dashboard.</summary>
/// <param name="Time">When it was said (UTC).</param>
/// <param name="Severity">How serious.</param>
/// <param name="Text">The message, naming the file, dataset or frame it concerns.</param>
public sealed record MonitorMessage(DateTimeOffset Time, MonitorSeverity Severity, string Text);
