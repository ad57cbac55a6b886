using System.Globalization;

namespace XccaMap.Monitor.Following;

/// <summary>
/// Follows the data files of a scan being written (design.md §2): polls for each linked file to appear, opens it when
/// it is readable (complete, or growing in SWMR mode), and hands out the frames still to do. A file that exists but
/// cannot be read is retried with exponential backoff and reported once, never fatal; a master deleted mid-scan is
/// reported and the data files already known are still followed; when every known file is done but fewer frames came
/// than announced, the master is read again for links added later.
/// </summary>
public sealed class ScanFollower : IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MasterCheck = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LinkReread = TimeSpan.FromSeconds(5);
    private readonly List<LinkState> _links;
    private readonly MonitorLog _log;
    private readonly TimeSpan _maxRetry;
    private DateTimeOffset _nextMasterCheck;
    private DateTimeOffset _nextLinkReread;

    /// <summary>Follows the links of <paramref name="master"/>.</summary>
    public ScanFollower(MasterInfo master, MonitorLog log, TimeSpan maxRetry)
    {
        Master = master;
        _log = log;
        _maxRetry = maxRetry;
        _links = master.Links.Select(l => new LinkState(l) { ExpectedCount = ExpectedCount(master, l) }).ToList();
    }

    /// <summary>The master as read at the start (or re-read for new links).</summary>
    public MasterInfo Master { get; private set; }

    /// <summary>The data files, in scan order.</summary>
    public IReadOnlyList<LinkState> Links => _links;

    /// <summary>False once the master has disappeared (deleted mid-scan); true again if it comes back.</summary>
    public bool MasterPresent { get; private set; } = true;

    /// <summary>Every known data file is done.</summary>
    public bool AllDone => _links.All(l => l.Status == LinkStatus.Done);

    /// <summary>
    /// Looks at the files once and returns the readable ones that still have frames to do (global index with
    /// <paramref name="isPending"/> true), with those frames' indices in the file. Each source is handed back to
    /// <see cref="Release"/> after use.
    /// </summary>
    public List<(LinkState Link, IDataFileSource Source, List<long> Locals)> Poll(DateTimeOffset now, Func<long, bool> isPending)
    {
        CheckMaster(now);
        var ready = new List<(LinkState, IDataFileSource, List<long>)>();
        foreach (var state in _links)
        {
            if (state.Status == LinkStatus.Done || now < state.NextAttempt)
            {
                continue;
            }

            var source = state.Growing ?? Open(state, now);
            if (source is null)
            {
                continue;
            }

            source.Refresh();
            state.FrameCount = source.FrameCount;
            state.FirstFrame ??= FirstFrameOf(state, source);
            long first = state.FirstFrame.Value;
            var locals = new List<long>();
            for (long l = 0; l < source.FrameCount; l++)
            {
                if (isPending(first + l))
                {
                    locals.Add(l);
                }
            }

            ready.Add((state, source, locals));
        }

        return ready;
    }

    /// <summary>After the frames of a polled file were handled: closes it, or keeps a growing one open for the next poll.</summary>
    /// <param name="state">The file's state.</param>
    /// <param name="source">The source <see cref="Poll"/> gave.</param>
    /// <param name="allDone">Every frame the file holds now is done.</param>
    /// <param name="now">Current time.</param>
    public void Release(LinkState state, IDataFileSource source, bool allDone, DateTimeOffset now)
    {
        // A growing (SWMR) file of unknown size is followed until the scan ends; a complete file of unknown size is done.
        bool complete = allDone && (state.ExpectedCount is { } expected ? state.FrameCount >= expected : !source.Growing);
        if (source.Growing && !complete)
        {
            state.Growing = source;
            return;
        }

        state.Growing = null;
        source.Dispose();
        if (complete)
        {
            state.Status = LinkStatus.Done;
            return;
        }

        // Fewer frames than announced in a file opened the ordinary way: a writer that neither renames nor uses SWMR
        // may still be appending, or frames failed to read; look again shortly.
        state.NextAttempt = now + TimeSpan.FromSeconds(1);
    }

    /// <summary>Looks at every file not done at the next poll, whatever its retry time.</summary>
    public void RetryNow()
    {
        foreach (var l in _links.Where(l => l.Status == LinkStatus.Open))
        {
            l.NextAttempt = DateTimeOffset.MinValue;
        }
    }

    /// <summary>When every known file is done but fewer frames arrived than announced, reads the master again for new links.</summary>
    public void RereadLinksIfNeeded(DateTimeOffset now, long framesSeen)
    {
        if (!AllDone || now < _nextLinkReread || Master.ExpectedFrames is not { } expected || framesSeen >= expected || !MasterPresent)
        {
            return;
        }

        _nextLinkReread = now + LinkReread;
        var again = MasterReader.TryRead(Master.MasterPath, out _);
        if (again is null)
        {
            return;
        }

        var known = _links.Select(l => l.Link.Name).ToHashSet(StringComparer.Ordinal);
        var added = again.Links.Where(l => !known.Contains(l.Name)).ToList();
        if (added.Count > 0)
        {
            Master = again;
            _links.AddRange(added.Select(l => new LinkState(l) { ExpectedCount = ExpectedCount(again, l) }));
            _log.Info($"master {Master.MasterPath} now links {added.Count} more data file(s): {string.Join(", ", added.Select(l => l.Name))}");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var l in _links)
        {
            l.Growing?.Dispose();
            l.Growing = null;
        }
    }

    private static long? ExpectedCount(MasterInfo master, DataLink link)
    {
        if (master.SingleFile)
        {
            return master.ExpectedFrames;
        }

        if (master.FramesPerFile is not { } n || n <= 0)
        {
            return null;
        }

        return master.ExpectedFrames is { } total ? Math.Clamp(total - ((link.Number - 1) * n), 0, n) : n;
    }

    private IDataFileSource? Open(LinkState state, DateTimeOffset now)
    {
        var source = DataFileOpener.TryOpen(state.Link, out string? reason);
        if (source is null)
        {
            if (reason == "absent")
            {
                state.Status = LinkStatus.Absent;
                return null;
            }

            state.Status = LinkStatus.Unreadable;
            state.Failures++;
            state.LastError = reason;
            double delay = Math.Min(_maxRetry.TotalSeconds, FirstRetry.TotalSeconds * Math.Pow(2, Math.Min(20, state.Failures - 1)));
            state.NextAttempt = now + TimeSpan.FromSeconds(delay);
            _log.Once(
                "unreadable:" + state.Link.FilePath,
                MonitorSeverity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"data file {state.Link.FilePath} exists but cannot be read yet ({reason}); still being written? retrying with backoff (up to every {_maxRetry.TotalSeconds:0} s)"));
            return null;
        }

        if (state.Status == LinkStatus.Unreadable)
        {
            _log.Forget("unreadable:" + state.Link.FilePath);
            _log.Info($"data file {state.Link.FilePath} is readable now (after {state.Failures} attempt(s))");
        }

        state.Status = LinkStatus.Open;
        state.LastError = null;
        if (state.ReadableSince is null)
        {
            state.ReadableSince = now;
            state.CompletedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(state.Link.FilePath), TimeSpan.Zero);
        }

        if (source.Growing)
        {
            _log.Once("swmr:" + state.Link.FilePath, MonitorSeverity.Info, $"data file {state.Link.FilePath} is being written in SWMR mode: following it frame by frame");
        }

        return source;
    }

    private long FirstFrameOf(LinkState state, IDataFileSource source)
    {
        if (source.ImageNumberLow is { } low)
        {
            return low - 1; // DECTRIS image numbers are 1-based
        }

        if (Master.FramesPerFile is { } n && n > 0)
        {
            return (state.Link.Number - 1) * n;
        }

        int i = _links.IndexOf(state);
        if (i > 0 && _links[i - 1].FirstFrame is { } prevFirst && _links[i - 1].Status == LinkStatus.Done)
        {
            return prevFirst + _links[i - 1].FrameCount;
        }

        // The DECTRIS writer puts the same number of frames in every file but the last.
        return (state.Link.Number - 1) * source.FrameCount;
    }

    private void CheckMaster(DateTimeOffset now)
    {
        if (now < _nextMasterCheck)
        {
            return;
        }

        _nextMasterCheck = now + MasterCheck;
        bool present = File.Exists(Master.MasterPath);
        if (present == MasterPresent)
        {
            return;
        }

        MasterPresent = present;
        if (!present)
        {
            _log.Warn($"master {Master.MasterPath} has disappeared (deleted mid-scan?): following the {_links.Count} data files it linked; the final processing needs the master and is skipped unless it comes back (the frames processed so far are kept)");
        }
        else
        {
            _log.Info($"master {Master.MasterPath} is back");
        }
    }
}
