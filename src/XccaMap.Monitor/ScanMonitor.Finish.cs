using System.Globalization;
using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Results;
using XccaMap.Hdf5;
using XccaMap.Monitor.Following;
using XccaMap.Monitor.Live;

namespace XccaMap.Monitor;

/// <content>The end of a scan: what is missing, and the final processing.</content>
public sealed partial class ScanMonitor
{
    private MonitorOutcome Finish(MonitorEnd end, LiveFeatures? features, Raster raster, PoniGeometry poni, IReadOnlyList<string> masks, ScanFollower follower, CancellationToken cancel)
    {
        ReportMissing(features, follower);
        if (!_options.RunFinal)
        {
            State.SetPhase(MonitorPhase.Done);
            return Outcome(end, features, null, "final processing not asked for");
        }

        if (!File.Exists(follower.Master.MasterPath))
        {
            const string why = "the master is gone, so the finished scan cannot be processed";
            _log.Add(MonitorSeverity.Error, $"final processing skipped: {why}; the live results ({features?.DoneCount ?? 0} frames) are kept in {_store!.Directory}");
            State.SetPhase(MonitorPhase.Done);
            return Outcome(end, features, null, why);
        }

        State.SetPhase(MonitorPhase.Finalising);
        WaitUntilClosedByWriter(follower.Master.MasterPath, cancel);
        _log.Info("final processing: process's pipeline on the finished scan (setup from frames spread over the whole scan, every frame's features, classes, q maps, class patterns)");
        try
        {
            var request = new ProcessingRequest(follower.Master.MasterPath, raster, poni) { MaskFiles = masks, Config = _options.Config };
            var result = ScanProcessor.Run(request, new LogProgress(_log), cancel);
            var dir = _options.OutputDirectory;
            ResultsFile.Write(Path.Combine(dir, "results.h5"), result);
            SummaryFile.Write(Path.Combine(dir, "summary.json"), result);
            State.Final = result;
            FinalReady?.Invoke(result);
            _log.Info(string.Create(CultureInfo.InvariantCulture, $"final results written to {Path.GetFullPath(dir)} (results.h5, summary.json): {result.FramesProcessed} frames in {result.TotalSeconds:0.0} s"));
            State.SetPhase(MonitorPhase.Done);
            return Outcome(end, features, result, null);
        }
        catch (OperationCanceledException)
        {
            State.SetPhase(MonitorPhase.Stopped);
            return Outcome(MonitorEnd.Stopped, features, null, "stopped during the final processing (run again to redo it; the live results are kept)");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or H5Exception or Detector.Eiger.ScanFormatException)
        {
            _log.Add(MonitorSeverity.Error, $"final processing failed: {e.Message}; the live results are kept in {_store!.Directory}");
            State.SetPhase(MonitorPhase.Done);
            return Outcome(end, features, null, e.Message);
        }
    }

    /// <summary>A one-file scan written in SWMR mode opens the ordinary way only once its writer has closed it.</summary>
    private void WaitUntilClosedByWriter(string path, CancellationToken cancel)
    {
        var until = DateTimeOffset.UtcNow + _options.IdleTimeout;
        while (DateTimeOffset.UtcNow < until && !cancel.IsCancellationRequested)
        {
            try
            {
                using var file = H5File.Open(path);
                return;
            }
            catch (H5Exception)
            {
                _log.Once("writer-open:" + path, MonitorSeverity.Info, $"waiting for the writer to close {path} before the final processing");
                cancel.WaitHandle.WaitOne(_options.PollInterval * 2);
            }
        }
    }

    private void ReportMissing(LiveFeatures? features, ScanFollower follower)
    {
        // A growing (SWMR) file of unknown size is never "done"; it is only incomplete when frames are missing.
        foreach (var link in follower.Links.Where(l => l.Status != LinkStatus.Done && !(l.Status == LinkStatus.Open && l.ExpectedCount is null)))
        {
            string state = link.Status switch
            {
                LinkStatus.Absent when Directory.Exists(Path.GetDirectoryName(link.Link.FilePath))
                    && Directory.GetFiles(Path.GetDirectoryName(link.Link.FilePath)!, "." + Path.GetFileName(link.Link.FilePath) + "*").Length > 0
                    => "never completed (its writer's temporary file is still there)",
                LinkStatus.Absent => "never appeared",
                LinkStatus.Unreadable => $"never became readable ({link.LastError})",
                _ => string.Create(CultureInfo.InvariantCulture, $"holds {link.FrameCount} of {link.ExpectedCount?.ToString(CultureInfo.InvariantCulture) ?? "?"} frames"),
            };
            _log.Warn($"data file {link.Link.FilePath} {state}: its frames are missing from the maps");
        }

        if (features is not null)
        {
            int missing = State.FramesExpected - Enumerable.Range(0, State.FramesExpected).Count(features.IsSettled);
            if (missing > 0)
            {
                _log.Warn($"{missing} of the {State.FramesExpected} frames expected never arrived (no data in the maps)");
            }
        }
    }

    private MonitorOutcome Outcome(MonitorEnd end, LiveFeatures? features, ScanResult? final, string? problem)
    {
        int done = features?.DoneCount ?? 0, skipped = features?.SkippedCount ?? 0;
        int missing = features is null ? State.FramesExpected : State.FramesExpected - Enumerable.Range(0, State.FramesExpected).Count(features.IsSettled);
        return new MonitorOutcome(end, done, skipped, missing, final, problem);
    }
}
