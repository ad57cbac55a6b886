using System.Globalization;
using XccaMap.Monitor.Following;

namespace XccaMap.Monitor;

/// <summary>
/// The terminal view (<c>--no-web</c>, and alongside the dashboard): a progress line every few seconds when something
/// changed, with a compact class summary, e.g.
/// <c>monitor: 1234/14641 frames (8.4 %), 3.3 frames/s, files 12/147 | SAXS 3 classes [512 301 120] mixed 40 empty 9 | WAXS …</c>.
/// </summary>
public sealed class TerminalReporter
{
    private readonly MonitorState _state;
    private readonly TextWriter _out;
    private long _printed = -1;

    /// <summary>Reports <paramref name="state"/> on <paramref name="output"/>.</summary>
    public TerminalReporter(MonitorState state, TextWriter output)
    {
        _state = state;
        _out = output;
    }

    /// <summary>Prints a line every <paramref name="interval"/> until cancelled (and a last one).</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancel)
    {
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                await Task.Delay(interval, cancel).ConfigureAwait(false);
                PrintIfChanged();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    /// <summary>Prints the progress line if anything changed since the last one.</summary>
    public void PrintIfChanged()
    {
        long v = _state.Version;
        if (v == _printed || _state.Features is null)
        {
            return;
        }

        _printed = v;
        lock (_out)
        {
            _out.WriteLine(Line(_state));
        }
    }

    /// <summary>The progress line.</summary>
    public static string Line(MonitorState state)
    {
        var f = state.Features;
        int done = f?.DoneCount ?? 0;
        int expected = Math.Max(1, state.FramesExpected);
        var links = state.Links;
        var c = state.Classes;
        return string.Create(CultureInfo.InvariantCulture, $"monitor: {done}/{state.FramesExpected} frames ({100.0 * done / expected:0.0} %), {state.FramesPerSecond:0.0} frames/s, files {links.Count(l => l.Status == LinkStatus.Done)}/{links.Count}")
            + Summary(" | SAXS", c.Saxs, c.SaxsClasses) + Summary(" | WAXS", c.Waxs, c.WaxsClasses);
    }

    private static string Summary(string name, int[]? labels, int classes)
    {
        if (labels is null)
        {
            return string.Empty;
        }

        var sizes = Enumerable.Range(0, classes).Select(k => labels.Count(l => l == k));
        return string.Create(CultureInfo.InvariantCulture, $"{name} {classes} classes [{string.Join(' ', sizes)}] mixed {labels.Count(l => l == -2)} empty {labels.Count(l => l == -1)}");
    }
}
