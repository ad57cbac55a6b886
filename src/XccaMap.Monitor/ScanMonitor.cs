using System.Collections.Concurrent;
using System.Globalization;
using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Results;
using XccaMap.Monitor.Checkpoint;
using XccaMap.Monitor.Following;
using XccaMap.Monitor.Live;

namespace XccaMap.Monitor;

/// <summary>
/// <c>xccamap monitor</c>: follows a scan while it is written and processes each frame as soon as its data file is
/// readable, with <c>process</c>'s setup, features and classification run incrementally (provisional maps, refined
/// as data arrive), a restart-safe checkpoint, and at the end <c>process</c>'s whole pipeline on the finished scan
/// (so the final results are exactly what <c>xccamap process</c> gives). Nothing here depends on the dashboard: the
/// web server and the terminal read <see cref="State"/>.
/// </summary>
public sealed partial class ScanMonitor
{
    private const int MaxFrameAttempts = 3;
    private readonly MonitorOptions _options;
    private readonly MonitorLog _log;
    private readonly ConcurrentQueue<int> _unsaved = new();
    private readonly ConcurrentDictionary<long, int> _attempts = new();
    private readonly ConcurrentDictionary<long, string> _skipReasons = new();
    private ScanFollower? _follower;
    private CheckpointStore? _store;
    private Task? _classifying;
    private DateTimeOffset _nextClassify;
    private int _classifiedAt = -1;
    private DateTimeOffset _lastSave;

    /// <summary>A monitor with these options, publishing to <paramref name="state"/>.</summary>
    public ScanMonitor(MonitorOptions options, MonitorState state)
    {
        _options = options;
        State = state;
        _log = state.Log;
    }

    /// <summary>What the monitor knows (for the dashboard and the terminal).</summary>
    public MonitorState State { get; }

    /// <summary>Called with the final result once it is written (the command line writes the HTML report).</summary>
    public event Action<ScanResult>? FinalReady;

    /// <summary>
    /// Follows the scan until it ends (every frame done, or idle), then writes the final results. Cancellation stops
    /// it after a last checkpoint (unless <paramref name="checkpointOnStop"/> is false, which behaves like a kill).
    /// </summary>
    /// <exception cref="InvalidDataException">The geometry does not fit the detector, or the files are not a scan.</exception>
    public MonitorOutcome Run(bool checkpointOnStop = true, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(_options.OutputDirectory);
        EnsureThreadPoolHeadroom();
        var inputs = ResolveInputs(cancel);
        if (inputs is null)
        {
            return NoScan(cancel);
        }

        // What needs neither the master nor a frame (geometry, mask files, survey table) is computed in the background
        // from now on when the PONI file names its detector (or else once the master gives the shape), so that it is
        // ready, or nearly, when the first data file is complete.
        var (raster, poniPath, masks) = inputs.Value;
        var poni = PoniGeometry.Read(poniPath);
        if (poni.Detector.Shape is { } poniShape)
        {
            _prepared = Prepare(poni, poniShape, masks);
        }

        var master = WaitForMaster(cancel);
        if (master is null)
        {
            return NoScan(cancel);
        }

        var shape = new DetectorShape(master.Rows, master.Columns);
        CheckShape(poni, shape, master.MasterPath);
        _prepared ??= Prepare(poni, shape, masks);
        _pixelMask = master.PixelMask;
        _pixelMaskSource = $"{master.MasterPath}:{EigerScan.PixelMaskPath}";
        State.ScanName = master.Name;
        State.Raster = raster;
        State.FramesExpected = (int)Math.Min(master.ExpectedFrames ?? raster.Points, raster.Points);
        _log.Info(string.Create(CultureInfo.InvariantCulture, $"following {master.MasterPath}: {master.ExpectedFrames?.ToString(CultureInfo.InvariantCulture) ?? "an unknown number of"} frames announced in {master.Links.Count} data file(s); raster {raster.Rows} × {raster.Cols}{(raster.Snake ? " snake" : string.Empty)}"));

        _store = new CheckpointStore(_options.OutputDirectory, master.MasterPath, CheckpointStore.IdentityOf(raster, poniPath, masks, _options.Config));
        string? note = null;
        var features = File.Exists(Path.Combine(_store.Directory, "manifest.json")) ? _store.TryLoad(_prepared.GetAwaiter().GetResult(), raster.Points, _options.Config, out note) : null;
        if (note is not null)
        {
            _log.Warn(note);
        }

        if (features is not null)
        {
            State.FramesRestored = features.DoneCount;
            State.Features = features;
            _log.Info($"resumed from the checkpoint in {_store.Directory}: {features.DoneCount} frames restored, not processed again");
        }

        using var follower = new ScanFollower(master, _log, _options.MaxRetryDelay);
        _follower = follower;
        State.Links = follower.Links;
        _access = new FollowerFrameAccess(() => follower.Links);
        State.Frames = _access;
        State.SetPhase(features is null ? MonitorPhase.SettingUp : MonitorPhase.Following);
        MonitorEnd end;
        try
        {
            end = Follow(ref features, raster, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            end = MonitorEnd.Stopped; // stopped in the middle of a data file: its frames done so far are kept
        }
        finally
        {
            StopBackgroundSetup();
        }

        _classifying?.Wait(CancellationToken.None);
        if (features is not null && (end != MonitorEnd.Stopped || checkpointOnStop))
        {
            Save(features);
        }

        if (end == MonitorEnd.Stopped)
        {
            if (features is null && _quick is { DoneCount: > 0 } quick)
            {
                _log.Info($"the {quick.DoneCount} frames shown with the quick setup were not checkpointed yet (that starts with the setup from the first {_setupAt} frames): they are processed again on restart");
            }

            State.SetPhase(MonitorPhase.Stopped);
            _log.Info($"stopped; {features?.DoneCount ?? 0} frames are in the checkpoint ({_store.Directory}): run the same command again to resume");
            return Outcome(end, features, null, "stopped before the end");
        }

        if (features is not null)
        {
            State.SetClasses(LiveClassifier.Classify(features, raster, _options.Config));
        }

        return Finish(end, features, raster, poni, masks, follower, cancel);
    }

    private MonitorOutcome NoScan(CancellationToken cancel)
    {
        State.SetPhase(cancel.IsCancellationRequested ? MonitorPhase.Stopped : MonitorPhase.Done);
        return new MonitorOutcome(cancel.IsCancellationRequested ? MonitorEnd.Stopped : MonitorEnd.NoScan, 0, 0, 0, null, "the scan never appeared");
    }

    private MonitorEnd Follow(ref LiveFeatures? features, Raster raster, CancellationToken cancel)
    {
        int limit = State.FramesExpected;
        _setupAt = Math.Max(1, Math.Min(_options.SetupFrames, limit));
        var lastProgress = DateTimeOffset.UtcNow;
        var seen = new SortedSet<long>(); // frames seen in the data files, until the setup proper is there
        _lastSave = lastProgress;
        while (true)
        {
            if (cancel.IsCancellationRequested)
            {
                return MonitorEnd.Stopped;
            }

            if (features is null && TakeBackgroundSetup() is { } built)
            {
                features = built;
                lastProgress = DateTimeOffset.UtcNow;
            }

            var now = DateTimeOffset.UtcNow;
            var shown = features ?? _quick;
            var ready = _follower!.Poll(now, g => g < raster.Points && (shown is null || !shown.IsSettled((int)g)));
            bool progressed = false;
            int seenBefore = seen.Count;
            foreach (var (link, source, locals) in ready)
            {
                if (features is null)
                {
                    seen.UnionWith(locals.Select(l => link.FirstFrame!.Value + l));
                }

                if (shown is null)
                {
                    _follower.Release(link, source, allDone: false, now); // read again once there is a setup
                    continue;
                }

                progressed |= Process(shown, link, source, locals, cancel) > 0;
                bool allDone = Enumerable.Range(0, (int)source.FrameCount).All(l => link.FirstFrame!.Value + l >= raster.Points || shown.IsSettled((int)(link.FirstFrame!.Value + l)));
                _follower.Release(link, source, allDone, now);
                if (features is not null)
                {
                    CheckpointIfDue(features); // after each data file: a backlog of many files is checkpointed as it goes
                }
            }

            if (features is null)
            {
                if (seen.Count > seenBefore)
                {
                    lastProgress = now;
                }

                // Enough frames, or all there will be (every frame of the raster, or nothing new for the idle timeout): the
                // setup frames are always the first ones, so a restarted or repeated run sets up the same way.
                bool over = seen.Count >= limit || now - lastProgress > _options.IdleTimeout;
                if (SetUpIfDue(seen, over, ref features, cancel))
                {
                    lastProgress = DateTimeOffset.UtcNow;
                    continue;
                }
            }

            if (progressed)
            {
                lastProgress = DateTimeOffset.UtcNow;
                State.Touch();
            }

            if (shown is not null)
            {
                ClassifyIfDue(shown, raster);
            }

            if (features is not null && Enumerable.Range(0, limit).All(features.IsSettled))
            {
                _log.Info($"all {limit} frames of the raster are in");
                return MonitorEnd.Completed;
            }

            _follower.RereadLinksIfNeeded(now, _follower.Links.Sum(l => l.FrameCount));
            if (_background is null && DateTimeOffset.UtcNow - lastProgress > _options.IdleTimeout)
            {
                _log.Warn($"no new frame for {_options.IdleTimeout.TotalSeconds:0} s: the scan is taken as ended");
                return MonitorEnd.Idle;
            }

            if (!progressed)
            {
                cancel.WaitHandle.WaitOne(_options.PollInterval);
            }
        }
    }

    /// <summary>Processes frames of one data file; returns how many were processed.</summary>
    private int Process(LiveFeatures features, LinkState link, IDataFileSource source, List<long> locals, CancellationToken cancel)
    {
        if (locals.Count == 0)
        {
            return 0;
        }

        long first = link.FirstFrame!.Value;
        int before = features.DoneCount;
        source.Read(
            locals,
            features.Setup.Roi,
            features.NewWorker,
            (worker, local, pixels) =>
            {
                int f = (int)(first + local);
                features.Extract(worker, f, pixels);
                _unsaved.Enqueue(f);
            },
            (local, reason) => Failed(features, first + local, reason, link, source.Growing),
            cancel);
        int done = features.DoneCount - before;
        State.FramesProcessedNow += done;
        if (done > 0)
        {
            State.FirstProcessed ??= DateTimeOffset.UtcNow;
        }

        return done;
    }

    /// <summary>A frame that could not be read is tried again; after a few attempts in a complete file it is given up (and named).</summary>
    private void Failed(LiveFeatures features, long frame, string reason, LinkState link, bool growing)
    {
        int n = _attempts.AddOrUpdate(frame, 1, (_, a) => a + 1);
        if (n >= MaxFrameAttempts && !growing)
        {
            features.MarkSkipped((int)frame);
            _skipReasons[frame] = reason;
            _log.Warn($"frame {frame} ({link.Link.FilePath}, {link.Link.DatasetPath}) skipped after {n} attempts: {reason}");
        }
    }

    private void CheckpointIfDue(LiveFeatures features)
    {
        var now = DateTimeOffset.UtcNow;
        if (_unsaved.Count >= _options.CheckpointFrames || (!_unsaved.IsEmpty && now - _lastSave >= _options.CheckpointInterval))
        {
            Save(features);
        }
    }

    private void Save(LiveFeatures features)
    {
        var frames = new List<int>();
        while (_unsaved.TryDequeue(out int f))
        {
            frames.Add(f);
        }

        _store!.Save(features, frames);
        _lastSave = DateTimeOffset.UtcNow;
    }

    private void ClassifyIfDue(LiveFeatures features, Raster raster)
    {
        var now = DateTimeOffset.UtcNow;
        if (_classifying is { IsCompleted: false } || now < _nextClassify || features.DoneCount == _classifiedAt)
        {
            return;
        }

        _classifiedAt = features.DoneCount;
        _classifying = Task.Run(() =>
        {
            try
            {
                var classes = LiveClassifier.Classify(features, raster, _options.Config);
                State.SetClasses(classes);
                _nextClassify = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(Math.Max(0.5, 2 * classes.Seconds));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                _log.Add(MonitorSeverity.Error, $"provisional classification failed ({e.Message}); the maps go on without it");
                _nextClassify = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
            }
        });
    }

    private static string Describe(LiveSetup s) =>
        string.Create(CultureInfo.InvariantCulture, $"{(s.Quick ? "quick setup" : "setup")} from {s.SurveyFrames} frame(s): {s.Mask.ExcludedCount} pixels masked; SL rings at {Rings(s.Rings.Superlattice)}; AL rings at {Rings(s.Rings.AtomicLattice)}; q maps of {(s.QTargets.Count == 0 ? "none" : string.Join(", ", s.QTargets.Select(t => t.Ring.Hkl ?? t.Ring.Name)))}; {(s.Roi is null ? 0 : s.Roi.Fraction):P1} of each frame decoded; {s.Timing}");

    private static string Rings(IReadOnlyList<Diffraction.Rings.Ring> rings) =>
        rings.Count == 0 ? "none" : string.Join(", ", rings.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Q:0.0000}") + (r.Hkl is null ? string.Empty : $" ({r.Hkl})"))) + " Å⁻¹";
}
