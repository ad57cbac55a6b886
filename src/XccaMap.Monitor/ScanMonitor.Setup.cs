using XccaMap.Detector.Geometry;
using XccaMap.Monitor.Live;

namespace XccaMap.Monitor;

/// <content>
/// The live setup, kept off the frames' latency (issue 10: every frame, the first ones too, on the dashboard within
/// 2 s of its data file being complete). Three stages:
/// <list type="number">
/// <item>As soon as the geometry is known (at launch with <c>--poni</c>; when the scan description appears otherwise;
/// with a PONI file that does not name its detector, when the master gives the shape), <see cref="LiveSetupBuilder.Prepare"/>
/// computes in the background what needs neither the master nor a frame: geometry, mask files, survey grid, then the
/// survey table on a thread of its own.</item>
/// <item>When the first data file is complete and the setup frames are not all there yet, a quick setup from the
/// first frame (<see cref="QuickFrames"/>): pixel_mask and all-ones pixels, survey (through the table, or its plain
/// twin if the table is not built yet), rings, band cakes. Frames are shown with it at once: counted, visible, their
/// map pixels from its cakes (none when that frame has no ring: the frames are then counted and visible, and their
/// map pixels come with the setup proper).</item>
/// <item>Once the first <c>SetupFrames</c> frames are there, the setup proper (hot pixels too) is built from them in
/// the background (one thread for its tables, so that the live frames keep the other core), the frames shown so far
/// are extracted again with it, and it replaces the quick one: the frames keep the time they first became visible,
/// and only then does the checkpoint start (so a restarted run and an uninterrupted one always hold the same setup
/// and features). When the setup frames are all there at once, the setup proper is built directly, as before.</item>
/// </list>
/// <para>
/// Latency budget of the first frame, Eiger 4M at 3.3 frames/s, one frame per data file, on this shared 2-core
/// machine (CPU time per step, median of 5, at load 9–11; wall time is about the same on an idle machine):
/// data file complete → seen by the follower: at most one poll interval (0.1 s; 0.05 s in the tests);
/// quick setup from that frame: 0.16 s (whole-frame read 0.01–0.02 s, mask 0.01–0.03 s, survey and rings 0.02–0.03 s,
/// band cakes 0.06–0.10 s); its features: 0.02 s; on the dashboard (<c>/frames</c> at once, the next server-sent
/// event within 0.2 s). About 0.3 s in all on an idle machine; the acceptance test measured 0.4–1.3 s for the first
/// frame at load 7–13 (the cost of the first call of every step included), 0.1 s median for the others. Off the
/// path: <see cref="LiveSetupBuilder.Prepare"/> 0.18 s (started before the master appears), the survey table 0.13 s
/// (its own thread), the setup proper from 32 frames 0.45 s and the re-extraction of the ~35 frames shown by then
/// 0.19 s (background), the switch at most <see cref="CatchUpInline"/> × 0.02 s on the main loop. Two things kept
/// seconds off the first frames under load: the thread pool's headroom (<see cref="EnsureThreadPoolHeadroom"/>) and
/// not waiting for the survey table.
/// </para>
/// </content>
public sealed partial class ScanMonitor
{
    /// <summary>
    /// Frames a quick setup is learnt from: the first alone. Its only job is to show frames at once until the setup
    /// proper is ready; each more frame would cost a whole-frame read and survey (~0.06 s of CPU on an Eiger 4M) on the
    /// first frame's latency.
    /// </summary>
    private const int QuickFrames = 1;

    /// <summary>Frames shown with the quick setup but not yet extracted with the setup proper that are extracted on the main loop when switching; more go to the background first.</summary>
    private const int CatchUpInline = 8;

    private Task<StaticSetup>? _prepared;
    private uint[]? _pixelMask;
    private string _pixelMaskSource = string.Empty;
    private IFrameAccess? _access;
    private LiveFeatures? _quick;
    private Task<LiveFeatures?>? _background;
    private CancellationTokenSource? _backgroundCancel;
    private int _backgroundFrames;
    private bool _caughtUpInBackground;
    private int _setupAt;

    /// <summary>
    /// Raises the thread pool's minimum (never lowers it) so that reading a frame never waits for the pool to inject a
    /// thread. Each read holds pool threads while it blocks (the frame stream's producer on HDF5, a consumer waiting for
    /// the next frame, the decoders), and the setups' parallel loops and the dashboard's requests want them at the
    /// same time; with the default minimum (as many as cores: 2 here) the pool starves and adds a thread about every
    /// 0.5 s, which was measured as 1 s on the first frame's read (0.1 s with a pool of 12 threads).
    /// </summary>
    private static void EnsureThreadPoolHeadroom()
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        int wanted = Math.Max(16, 4 * Environment.ProcessorCount);
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, io);
        }
    }

    /// <summary>
    /// Starts <see cref="LiveSetupBuilder.Prepare"/> on a thread of its own: a long blocking job on a thread-pool thread
    /// would hold one of the pool's few threads (as many as cores), which the frame reader's producer and decoders need.
    /// </summary>
    private Task<StaticSetup> Prepare(PoniGeometry poni, DetectorShape shape, IReadOnlyList<string> masks) =>
        Task.Factory.StartNew(() => LiveSetupBuilder.Prepare(poni, shape, masks, _options.Config), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// With no setup proper yet: builds the setup from the first frames seen when they are enough (here when nothing is
    /// shown yet, in the background beside the quick setup otherwise), or else a quick setup when nothing is shown.
    /// True when it did something (or failed), so the main loop polls again at once.
    /// </summary>
    private bool SetUpIfDue(SortedSet<long> seen, bool over, ref LiveFeatures? features, CancellationToken cancel)
    {
        bool enough = seen.Count >= _setupAt || over;
        if (_background is not null || seen.Count == 0 || (!enough && _quick is not null))
        {
            return false;
        }

        var prepared = _prepared!.GetAwaiter().GetResult();
        var frames = seen.Take(_setupAt).ToList();
        try
        {
            if (enough && _quick is not null)
            {
                StartBackgroundSetup(frames, prepared, _quick);
            }
            else if (enough)
            {
                features = SetUpNow(frames, prepared, cancel);
            }
            else
            {
                var first = seen.Take(Math.Min(QuickFrames, _setupAt)).ToList();
                _log.Info($"quick setup from the first {first.Count} frame(s) (static part ready: {prepared.Timing}; survey table {(prepared.HasSurveyTable ? "built" : "still being built")}), to show frames at once; the setup from the first {_setupAt} frames follows");
                var setup = LiveSetupBuilder.Build(prepared, _pixelMask, _pixelMaskSource, _options.Config, first, _access!, quick: true, cancel: cancel);
                _log.Info(Describe(setup));
                _quick = new LiveFeatures(setup, State.Raster!.Points, _options.Config);
                State.Features = _quick;
                State.SetPhase(MonitorPhase.Following);
            }
        }
        catch (InvalidDataException e)
        {
            _log.Warn($"setup failed ({e.Message}); trying again");
            cancel.WaitHandle.WaitOne(_options.PollInterval);
        }

        _follower!.RetryNow(); // the files seen while waiting for the setup frames are read at once
        return true;
    }

    /// <summary>The setup proper, built on the main loop (nothing is shown yet); null when it found no ring (more frames are then awaited).</summary>
    private LiveFeatures? SetUpNow(List<long> frames, StaticSetup prepared, CancellationToken cancel)
    {
        _log.Info($"setting up from the first {frames.Count} frames (mask, averaged profile, rings; static part ready: {prepared.Timing})");
        var setup = LiveSetupBuilder.Build(prepared, _pixelMask, _pixelMaskSource, _options.Config, frames, _access!, cancel: cancel);
        if (NoRings(setup, frames.Count))
        {
            return null;
        }

        _log.Info(Describe(setup));
        return Begin(new LiveFeatures(setup, State.Raster!.Points, _options.Config));
    }

    /// <summary>The setup proper from <paramref name="frames"/>, then the frames <paramref name="quick"/> shows extracted again with it, in the background.</summary>
    private void StartBackgroundSetup(List<long> frames, StaticSetup prepared, LiveFeatures quick)
    {
        _log.Info($"setting up from the first {frames.Count} frames in the background (mask, averaged profile, rings); frames are shown with the quick setup meanwhile");
        _backgroundFrames = frames.Count;
        var cancel = (_backgroundCancel ??= new CancellationTokenSource()).Token;
        int points = State.Raster!.Points;
        _background = Task.Factory.StartNew<LiveFeatures?>(
            () =>
            {
                var setup = LiveSetupBuilder.Build(prepared, _pixelMask, _pixelMaskSource, _options.Config, frames, _access!, quick: false, maxThreads: 1, cancel);
                if (!setup.HasRings && frames.Count < State.FramesExpected)
                {
                    return null;
                }

                var features = new LiveFeatures(setup, points, _options.Config);
                cancel.ThrowIfCancellationRequested();
                Extract(features, Enumerable.Range(0, points).Where(quick.IsDone).Select(f => (long)f).ToList());
                return features;
            },
            cancel,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>
    /// When the background setup is done: extracts the frames shown since (a few here, many in one more background
    /// round), takes over from the quick setup and starts the checkpoint. Null while there is nothing to switch to.
    /// </summary>
    private LiveFeatures? TakeBackgroundSetup()
    {
        if (_background is not { IsCompleted: true } task)
        {
            return null;
        }

        _background = null;
        LiveFeatures? features;
        try
        {
            features = task.GetAwaiter().GetResult();
        }
        catch (InvalidDataException e)
        {
            _log.Warn($"setup failed ({e.Message}); trying again");
            return null;
        }

        var quick = _quick!;
        if (features is null)
        {
            NoRings(null, _backgroundFrames);
            return null;
        }

        var missing = Enumerable.Range(0, quick.Points).Where(f => quick.IsDone(f) && !features.IsDone(f)).Select(f => (long)f).ToList();
        if (missing.Count > CatchUpInline && !_caughtUpInBackground)
        {
            // Many frames came while the setup was built: extract them in the background too; the quick setup goes on.
            _caughtUpInBackground = true;
            _background = Task.Factory.StartNew<LiveFeatures?>(
                () =>
                {
                    Extract(features, missing);
                    return features;
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            return null;
        }

        Extract(features, missing);
        foreach (long f in missing.Where(f => !features.IsDone((int)f)))
        {
            features.MarkSkipped((int)f);
            _skipReasons[f] = "shown with the quick setup but not readable again for the setup proper";
            _log.Warn($"frame {f} was shown with the quick setup but could not be read again for the setup from the first frames: given up");
        }

        features.TakeOver(quick);
        _log.Info($"{Describe(features.Setup)}; it replaces the quick setup: the {quick.DoneCount} frames shown so far were extracted again with it");
        _quick = null;
        _classifiedAt = -1;
        return Begin(features);
    }

    /// <summary>Publishes the setup proper and starts its checkpoint (every frame it holds is saved with the next checkpoint).</summary>
    private LiveFeatures Begin(LiveFeatures features)
    {
        _store!.Begin(features);
        _unsaved.Clear(); // frames shown with the quick setup are saved with this one's features
        for (int f = 0; f < features.Points; f++)
        {
            if (features.IsDone(f))
            {
                _unsaved.Enqueue(f);
            }
        }

        State.Features = features;
        State.SetPhase(MonitorPhase.Following);
        return features;
    }

    /// <summary>True (and more setup frames asked for) when a setup found no ring and more frames may come.</summary>
    private bool NoRings(LiveSetup? setup, int frames)
    {
        if (setup is { HasRings: true } || frames >= State.FramesExpected)
        {
            return false;
        }

        _setupAt = Math.Min(State.FramesExpected, 4 * frames);
        _log.Warn($"no ring found in the first {frames} frames; trying again with {_setupAt}");
        return true;
    }

    /// <summary>Extracts <paramref name="frames"/> (global indices) into <paramref name="features"/>; unreadable ones stay pending.</summary>
    private void Extract(LiveFeatures features, IReadOnlyList<long> frames)
    {
        if (frames.Count > 0)
        {
            _access!.Read(frames, features.Setup.Roi, features.NewWorker, (worker, g, pixels) => features.Extract(worker, (int)g, pixels), (_, _) => { });
        }
    }

    /// <summary>Stops a background setup (on stop or failure) and waits for it: nothing of it is kept, nothing was saved from it.</summary>
    private void StopBackgroundSetup()
    {
        if (_background is not { } task)
        {
            return;
        }

        _backgroundCancel?.Cancel();
        try
        {
            task.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
            // Cancelled, or failed: the frames it would have extracted are processed again on restart.
        }

        _background = null;
    }
}
