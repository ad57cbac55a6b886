using System.Diagnostics;
using System.Globalization;
using XccaMap.Diffraction.Processing;

namespace XccaMap.Cli.Report;

/// <summary>
/// Progress of <c>xccamap process</c> on stderr: a bar with frames/s and ETA, redrawn in place, when stderr is a
/// terminal; plain lines (every 5 s and at the end of each stage) when it is redirected to a file or a pipe.
/// </summary>
internal sealed class ConsoleProgress : IProcessingProgress
{
    private readonly TextWriter _out;
    private readonly bool _terminal;
    private readonly Stopwatch _clock = new();
    private string _stage = string.Empty;
    private long _total;
    private long _done;
    private double _lastPlain;
    private bool _barDrawn;

    public ConsoleProgress(TextWriter output, bool terminal)
    {
        _out = output;
        _terminal = terminal;
    }

    /// <summary>Progress on the process's stderr, as a bar when it is a terminal.</summary>
    public static ConsoleProgress ForStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    public void BeginStage(string name, long totalFrames)
    {
        _stage = name;
        _total = totalFrames;
        _done = 0;
        _lastPlain = 0;
        _clock.Restart();
        if (!_terminal && totalFrames > 0)
        {
            _out.WriteLine(Invariant($"{name}: {totalFrames} frames"));
        }
    }

    public void Report(long framesDone)
    {
        _done = framesDone;
        double t = _clock.Elapsed.TotalSeconds;
        if (_terminal)
        {
            _out.Write("\r" + Bar(t));
            _barDrawn = true;
        }
        else if (t - _lastPlain >= 5)
        {
            _lastPlain = t;
            _out.WriteLine(Invariant($"{_stage}: {Status(t)}"));
        }
    }

    public void EndStage()
    {
        double t = _clock.Elapsed.TotalSeconds;
        string line = _total > 0
            ? Invariant($"{_stage}: {_done} frames in {t:0.0} s ({(t > 0 ? _done / t : 0):0.0} frames/s)")
            : Invariant($"{_stage}: {t:0.0} s");
        ClearBar();
        _out.WriteLine(line);
    }

    public void Note(string message)
    {
        ClearBar();
        _out.WriteLine("  " + message);
    }

    private void ClearBar()
    {
        if (_barDrawn)
        {
            _out.Write("\r" + new string(' ', 100) + "\r");
            _barDrawn = false;
        }
    }

    private string Bar(double t)
    {
        const int width = 30;
        double f = _total > 0 ? Math.Clamp((double)_done / _total, 0, 1) : 0;
        int filled = (int)Math.Round(f * width);
        return Invariant($"{_stage,-15} [{new string('#', filled)}{new string('-', width - filled)}] {f * 100,5:0.0}% {Status(t)}");
    }

    private string Status(double t)
    {
        double rate = t > 0 ? _done / t : 0;
        string eta = rate > 0 && _total > _done ? TimeSpan.FromSeconds((_total - _done) / rate).ToString(@"m\:ss", CultureInfo.InvariantCulture) : "-";
        return Invariant($"{_done}/{_total} frames, {rate:0.0} frames/s, ETA {eta}");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
