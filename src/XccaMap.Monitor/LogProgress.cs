using System.Globalization;
using XccaMap.Diffraction.Processing;

namespace XccaMap.Monitor;

/// <summary>Progress of the final processing, as monitor messages (stage starts and ends, notes).</summary>
public sealed class LogProgress : IProcessingProgress
{
    private readonly MonitorLog _log;
    private readonly System.Diagnostics.Stopwatch _clock = new();
    private string _stage = string.Empty;
    private long _done;

    /// <summary>Writes to <paramref name="log"/>.</summary>
    public LogProgress(MonitorLog log) => _log = log;

    /// <inheritdoc/>
    public void BeginStage(string name, long totalFrames)
    {
        _stage = name;
        _done = 0;
        _clock.Restart();
        _log.Info(string.Create(CultureInfo.InvariantCulture, $"final: {name}{(totalFrames > 0 ? $" ({totalFrames} frames)" : string.Empty)}"));
    }

    /// <inheritdoc/>
    public void Report(long framesDone) => _done = framesDone;

    /// <inheritdoc/>
    public void EndStage() =>
        _log.Info(string.Create(CultureInfo.InvariantCulture, $"final: {_stage} done in {_clock.Elapsed.TotalSeconds:0.0} s{(_done > 0 ? $" ({_done} frames)" : string.Empty)}"));

    /// <inheritdoc/>
    public void Note(string message) => _log.Info("final: " + message);
}
