using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Processing;
using XccaMap.Monitor.Following;

namespace XccaMap.Monitor;

/// <content>Waiting for the scan description, the geometry and the master.</content>
public sealed partial class ScanMonitor
{
    /// <summary>Polls until <paramref name="find"/> gives a value; null after the idle timeout or on cancellation.</summary>
    private T? WaitFor<T>(string what, Func<(T? Value, string? Problem)> find, CancellationToken cancel)
        where T : class
    {
        var since = DateTimeOffset.UtcNow;
        string? lastProblem = null;
        while (!cancel.IsCancellationRequested)
        {
            var (value, problem) = find();
            if (value is not null)
            {
                return value;
            }

            if (problem != lastProblem)
            {
                _log.Info($"waiting for {what}: {problem}");
                lastProblem = problem;
            }

            if (DateTimeOffset.UtcNow - since > _options.IdleTimeout)
            {
                _log.Add(MonitorSeverity.Error, $"{what} did not appear within the idle timeout ({_options.IdleTimeout.TotalSeconds:0} s): {problem}");
                return null;
            }

            cancel.WaitHandle.WaitOne(_options.PollInterval * 2);
        }

        return null;
    }

    /// <summary>The scan's inputs: raster, geometry file, masks. Null when they never appear.</summary>
    private (Raster Raster, string Poni, IReadOnlyList<string> Masks)? ResolveInputs(CancellationToken cancel)
    {
        Raster? raster = _options.Raster;
        string? poni = _options.PoniPath;
        var masks = _options.MaskFiles.ToList();
        if (_options.ScanDescriptionPath is { } description)
        {
            var file = WaitFor<ScanFile>("the scan description", () => File.Exists(description) ? (ScanFile.Read(description), null) : (null, $"{Path.GetFullPath(description)} does not exist yet"), cancel);
            if (file is null)
            {
                return null;
            }

            raster = file.Raster;
            poni ??= file.PoniPath;
            if (masks.Count == 0 && file.BeamstopPath is { } beamstop)
            {
                // The simulator writes the beamstop before the description; another writer may be later.
                if (WaitFor<string>("the beamstop mask", () => File.Exists(beamstop) ? (beamstop, null) : (null, $"{beamstop} (named by the scan description) does not exist yet"), cancel) is null)
                {
                    return null;
                }

                masks.Add(beamstop);
            }
        }

        if (raster is null || poni is null)
        {
            throw new ArgumentException("the monitor needs the raster (--scan or --raster) and the geometry (--poni or a scan description naming a poni_file)");
        }

        string poniPath = poni;
        if (WaitFor<string>("the geometry", () => File.Exists(poniPath) ? (poniPath, null) : (null, $"{Path.GetFullPath(poniPath)} does not exist yet"), cancel) is null)
        {
            return null;
        }

        return (raster, poniPath, masks);
    }

    /// <summary>The master: the file given, or the one that appears in the folder given.</summary>
    private MasterInfo? WaitForMaster(CancellationToken cancel)
    {
        return WaitFor<MasterInfo>("the master", () =>
        {
            string? path = _options.Source;
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*_master.h5").OrderByDescending(File.GetLastWriteTimeUtc).ToList();
                if (found.Count == 0)
                {
                    return (null, $"no *_master.h5 in {Path.GetFullPath(path)} yet");
                }

                if (found.Count > 1)
                {
                    _log.Once("several-masters", MonitorSeverity.Warning, $"{found.Count} masters in {path}: following the newest, {Path.GetFileName(found[0])} (give the master's path to choose)");
                }

                path = found[0];
            }

            var info = MasterReader.TryRead(path, out string? problem);
            if (info is not null && (info.Rows <= 0 || info.Columns <= 0))
            {
                return (null, $"master {path} does not give the detector size (x/y_pixels_in_detector) and no data file is there yet");
            }

            return (info, problem);
        }, cancel);
    }

    /// <summary>Checks that the geometry fits the detector (as <c>process</c> does).</summary>
    private static void CheckShape(PoniGeometry poni, DetectorShape shape, string master)
    {
        if (poni.Detector.Shape is { } poniShape && poniShape != shape)
        {
            throw new InvalidDataException($"the geometry is for a {poniShape} detector but the frames of {master} are {shape}");
        }
    }
}
