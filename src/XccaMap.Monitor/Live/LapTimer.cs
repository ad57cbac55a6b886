using System.Diagnostics;
using System.Globalization;

namespace XccaMap.Monitor.Live;

/// <summary>Wall-clock laps of a setup's steps, for the log ("geometry 0.31 s, mask files 0.02 s, …").</summary>
internal sealed class LapTimer
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _laps = [];

    /// <summary>Ends the lap of step <paramref name="what"/>.</summary>
    public void Lap(string what)
    {
        _laps.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {_clock.Elapsed.TotalSeconds:0.00} s"));
        _clock.Restart();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", _laps);
}
